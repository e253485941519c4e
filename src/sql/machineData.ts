/**
 * `sqlMachineData`: what the violations query needs of a machine, as plain data, read from the compiled status
 * graph the validator runs on (so the query judges by exactly the validator's tables):
 * - every status with the statuses allowed after it, and every legal change of status (status by status);
 * - every way a status may be spelled (exactly, an alias, or either up to case and surrounding spaces), ranked as
 *   the validator tries them (see `readStatus`);
 * - the sets of leaf states the validator tracks (a status may hide sub-states), each with the status it shows and
 *   the statuses allowed after it, and the legal moves between sets, per observed status.
 * A machine without hidden sub-states is `flat`: each status is one set, and a history can be judged pair by pair.
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
  /** The statuses allowed after it (from any of its sub-states). */
  allowed: string[];
}

/**
 * One way of spelling a status, and the rank at which the validator tries it: 0 the status exactly, 1 an alias
 * exactly, 2 the status up to case and surrounding spaces, 3 an alias so (the first status in machine order).
 */
export interface SqlSpelling {
  /** The text as given (ranks 0 and 1) or its spelling key (ranks 2 and 3). */
  spelling: string;
  /** The status id it is read as. */
  status: number;
  rank: 0 | 1 | 2 | 3;
}

/** One set of leaf states the validator tracks: the status it shows (-1 for none) and the statuses allowed after it. */
export interface SqlSet {
  id: number;
  status: number;
  allowed: string[];
}

/** The machine as the query's data. */
export interface SqlMachineData {
  service: string;
  mode: ValidationMode;
  /** The id of the initial status. */
  initial: number;
  statuses: SqlStatus[];
  /** Every legal change of status (a repeat is always legal and not listed), from any sub-state of `from`. */
  steps: { from: number; to: number }[];
  /** Every spelling the validator reads, with its rank. */
  spellings: SqlSpelling[];
  /** The sets of leaf states (see `StatusGraph.sets`). */
  sets: SqlSet[];
  /** The set of every leaf: nothing known (before the first status, after an unknown one, after an illegal one). */
  unknownSet: number;
  /** The set of the initial leaf (the start of a `fromStart` history). */
  initialSet: number;
  /** Every legal move: after set `set`, observing status `status` leads to set `next`. */
  moves: { set: number; status: number; next: number }[];
  /**
   * True when no status hides sub-states (every leaf state is a status): then `steps` judge a history exactly, pair
   * by pair; otherwise only the fold over `moves` does.
   */
  flat: boolean;
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
  const next = mode === 'sampled' ? graph.nextSampled : graph.nextStrict;
  const steps: { from: number; to: number }[] = [];
  for (let from = 0; from < n; from++) {
    for (let to = 0; to < n; to++) if (from !== to && table[from * n + to]! >= 0) steps.push({ from, to });
  }
  const sets: SqlSet[] = graph.sets.map((_, id) => {
    const own = graph.setStatus[id]!;
    return { id, status: own, allowed: graph.statuses.filter((_, to) => to !== own && next[id * n + to]! >= 0) };
  });
  const moves: SqlMachineData['moves'] = [];
  for (let set = 0; set < sets.length; set++) {
    for (let status = 0; status < n; status++) {
      const to = next[set * n + status]!;
      if (to >= 0) moves.push({ set, status, next: to });
    }
  }
  // every leaf is a status: the set after a status is that status, so the status before a row is all there is to know
  const flat = graph.leaves.length === n;
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
    spellings: spellingsOf(graph),
    sets,
    unknownSet: graph.unknownSet,
    initialSet: graph.initialSet,
    moves,
    flat,
  };
}

/** The spellings, in the order `readStatus` tries them; of several statuses or aliases spelled alike, the one it reads. */
function spellingsOf(graph: ReturnType<typeof statusGraph>): SqlSpelling[] {
  const list: SqlSpelling[] = graph.statuses.map((spelling, status) => ({ spelling, status, rank: 0 }));
  const aliases = new Set(graph.aliases.flat());
  for (const alias of aliases) list.push({ spelling: alias, status: graph.aliasOf(alias), rank: 1 });
  for (const [key, status] of spellings(graph.statuses))
    list.push({ spelling: key, status: graph.idOf(status), rank: 2 });
  const folded = new Map<string, number>();
  for (const [status, names] of graph.aliases.entries()) {
    for (const name of names) {
      const key = spellingKey(name);
      if (!folded.has(key)) folded.set(key, status);
    }
  }
  for (const [spelling, status] of folded) list.push({ spelling, status, rank: 3 });
  return list;
}
