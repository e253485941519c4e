/**
 * `sqlMachineData`: what the violations query needs of a machine, as plain data: every status with the statuses
 * allowed after it, and every legal change of status, in the chosen mode. Read from the compiled status graph, so
 * the query judges by exactly the tables the validator runs on.
 */
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/index.js';
import { spellingKey, spellings } from '../model/index.js';
import type { ValidationMode } from '../validation/index.js';

/** One status: its id in the query, and the statuses allowed to follow it (in the validator's order). */
export interface SqlStatus {
  id: number;
  status: string;
  /**
   * The spelling key (`spellingKey`) other spellings of this status are read by, or undefined when another status
   * shares it (then only the exact spelling is this status).
   */
  spelling?: string;
  allowed: string[];
}

/** The machine as the query's data. */
export interface SqlMachineData {
  service: string;
  mode: ValidationMode;
  /** The id of the initial status. */
  initial: number;
  statuses: SqlStatus[];
  /** Every legal change of status (a repeat is always legal and not listed). */
  steps: { from: number; to: number }[];
}

/**
 * The data of a service's machine for the violations query.
 *
 * @example sqlMachineData('kafka', 'sampled').steps.length > sqlMachineData('kafka', 'strict').steps.length // true
 */
export function sqlMachineData(service: string | Service, mode: ValidationMode): SqlMachineData {
  const graph = statusGraph(service);
  const spelled = spellings(graph.statuses);
  const n = graph.statuses.length;
  const table = mode === 'sampled' ? graph.sampled : graph.strict;
  const allowed = mode === 'sampled' ? graph.allowedSampled : graph.allowedStrict;
  const steps: { from: number; to: number }[] = [];
  for (let from = 0; from < n; from++) {
    for (let to = 0; to < n; to++) if (from !== to && table[from * n + to]! >= 0) steps.push({ from, to });
  }
  return {
    service: graph.service,
    mode,
    initial: graph.initial,
    statuses: graph.statuses.map((status, id) => {
      const key = spellingKey(status);
      return spelled.get(key) === status
        ? { id, status, spelling: key, allowed: [...allowed[id]!] }
        : { id, status, allowed: [...allowed[id]!] };
    }),
    steps,
  };
}
