/**
 * `statusGraph`: a service's machine compiled for fast checks. Statuses become integer ids, and two n-by-n tables
 * answer "may status `a` be followed by status `b`?" in constant time:
 * - `strict`: by one transition of the machine;
 * - `sampled`: by a path whose intermediate statuses are all `transitional` (what a poller can miss).
 * Each table cell holds the index of the step's explanation (events taken, statuses missed), or -1.
 *
 * The strict table comes from the plain-data model (xstate's own transition resolution); the sampled table from
 * shortest routes (`xstate/graph`), with traversal stopped at every status that is not transitional.
 */
import type { Service } from '../../machines/index.js';
import { lifecycleModel, perService, type StatusTag, spellingKey, spellings, statusesTagged } from '../model/index.js';
import { shortestRoutes } from './shortestRoutes.js';

/** How a step from one status to another is explained. */
export interface StepExplanation {
  /** The events taken, one per hop (the first the machine lists, where several take the same hop). */
  readonly events: readonly string[];
  /** The statuses passed through but not observed (empty for a single transition). */
  readonly missed: readonly string[];
}

/** A service's machine compiled to integer ids and lookup tables. Build it with {@link statusGraph}. */
export interface StatusGraph {
  /** Service id. */
  readonly service: string;
  /** Every status; a status's id is its index here. */
  readonly statuses: readonly string[];
  /** The id of the initial status. */
  readonly initial: number;
  /** 1 where the status is final. */
  readonly final: Uint8Array;
  /** Tags of each status, by id. */
  readonly tags: readonly (readonly StatusTag[])[];
  /** `strict[from * n + to]`: explanation index of a single transition, or -1. */
  readonly strict: Int32Array;
  /** `sampled[from * n + to]`: explanation index of a path through transitional statuses, or -1. */
  readonly sampled: Int32Array;
  /** The explanations the tables point to. */
  readonly explanations: readonly StepExplanation[];
  /** Statuses reachable from each status by one transition, by id. */
  readonly allowedStrict: readonly (readonly string[])[];
  /** Statuses reachable from each status in sampled mode, by id. */
  readonly allowedSampled: readonly (readonly string[])[];
  /** The id of an exactly spelled status, or -1. Safe for any string (`__proto__` included). */
  idOf(status: string): number;
  /**
   * The id of the one status spelled like `given` but for letter case and surrounding white space (see
   * `spellings`), or -1.
   */
  idOfSpelling(given: string): number;
}

/**
 * The compiled graph of a service, built once per machine and cached.
 *
 * @example const g = statusGraph('kafka'); g.strict[g.idOf('RUNNING') * g.statuses.length + g.idOf('DELETING')] >= 0
 */
export const statusGraph: (service: string | Service) => StatusGraph = perService(compile);

function compile(entry: Service): StatusGraph {
  const model = lifecycleModel(entry);
  const statuses = model.states.map((s) => s.status);
  const n = statuses.length;
  const ids = new Map<string, number>(statuses.map((status, id) => [status, id]));
  const spelled = spellings(statuses);
  const id = (status: string): number => {
    const found = ids.get(status);
    if (found === undefined) throw new Error(`machine ${entry.id}: unknown state ${status}`);
    return found;
  };
  const explanations: StepExplanation[] = [];
  const strict = new Int32Array(n * n).fill(-1);
  const sampled = new Int32Array(n * n).fill(-1);

  for (const t of model.transitions) {
    const cell = id(t.from) * n + id(t.to);
    if (strict[cell] !== -1) continue; // first event listed explains the hop
    strict[cell] = explanations.push({ events: [t.event], missed: [] }) - 1;
  }

  const transitional = statusesTagged(model, 'transitional');
  for (const from of statuses) {
    for (const route of shortestRoutes(entry.machine, from, { stopAt: (status) => !transitional.has(status) })) {
      if (route.events.length === 0) continue; // the start itself: a repeat, legal anyway
      const cell = id(from) * n + id(route.to);
      if (route.events.length === 1 && strict[cell] !== -1) {
        sampled[cell] = strict[cell]!;
        continue;
      }
      sampled[cell] = explanations.push({ events: route.events, missed: route.through }) - 1;
    }
  }

  const targets = (table: Int32Array, from: number) => statuses.filter((_, to) => table[from * n + to]! >= 0);
  return {
    service: entry.id,
    statuses,
    initial: id(model.initial),
    final: Uint8Array.from(model.states, (s) => (s.tags.includes('final') ? 1 : 0)),
    tags: model.states.map((s) => s.tags),
    strict,
    sampled,
    explanations,
    allowedStrict: statuses.map((_, from) => targets(strict, from)),
    allowedSampled: statuses.map((_, from) => targets(sampled, from)),
    idOf: (status: string) => ids.get(status) ?? -1,
    idOfSpelling: (given: string) => {
      const status = spelled.get(spellingKey(given));
      return status === undefined ? -1 : ids.get(status)!;
    },
  };
}
