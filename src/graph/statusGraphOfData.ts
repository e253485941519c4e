/**
 * The shape of a compiled status graph (see `statusGraph.ts` for what it answers), and the graph made of its plain
 * data (what the precompiled tables hold). Nothing here compiles a machine: a registered service's graph is read
 * from its tables with this module alone, without the model or the compiler.
 */
import type { EventKind, StatusTag } from '../model/index.js';
import { spellingKey, spellings } from '../model/spelling.js';

/** How a step is explained: the events of the shortest path found, and the statuses it passes unobserved. */
export interface StepExplanation {
  /** The events taken, one per hop (the first the machine lists, where several take the same hop). */
  readonly events: readonly string[];
  /** The statuses passed through but not observed (empty for a single transition). */
  readonly missed: readonly string[];
  /**
   * The leaf states along the path, from the one left to the one entered (one more than `events`), where the path
   * involves a hidden sub-state; absent otherwise (they are then the statuses themselves).
   */
  readonly leaves?: readonly string[];
}

/** One transition of the machine between statuses (status ids; from === to for a hidden move between sub-states). */
export interface GraphTransition {
  readonly from: number;
  readonly to: number;
  /** The event type that causes it. */
  readonly event: string;
  /** `operation` (a user's request) or `outcome` (reported by the service). */
  readonly kind: EventKind;
}

/** A service's machine compiled to integer ids and lookup tables. Build it with `statusGraph`. */
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
  /** Aliases of each status, by id (other spellings, read as the status with a note). */
  readonly aliases: readonly (readonly string[])[];
  /** Every leaf state (see `LeafInfo`); a leaf's id is its index here. */
  readonly leaves: readonly string[];
  /** The status id of each leaf. */
  readonly leafStatus: Int32Array;
  /** The sets of leaf states the tables work on (sorted leaf ids); a set's id is its index here. */
  readonly sets: readonly (readonly number[])[];
  /** The status id every leaf of a set shows, or -1 when the set mixes statuses (nothing known, or after an operation). */
  readonly setStatus: Int32Array;
  /** The set of every leaf: nothing is known (before the first observation, after an unknown status). */
  readonly unknownSet: number;
  /** The set of the initial leaf: where a full life starts. */
  readonly initialSet: number;
  /** `nextStrict[set * statuses.length + status]`: the set after observing `status`, or -1 (illegal). */
  readonly nextStrict: Int32Array;
  /** The same in sampled mode. */
  readonly nextSampled: Int32Array;
  /** Per cell of `nextStrict`: the explanation index of the change, or -1 (illegal, a repeat, or from nothing known). */
  readonly whyStrict: Int32Array;
  /** Per cell of `nextSampled`: the explanation index, as `whyStrict`. */
  readonly whySampled: Int32Array;
  /**
   * The validator's hot path, one lookup per observation: per cell of `nextStrict`, -1 (illegal) or
   * `next set * 2 + 1` when the change passes statuses it did not observe (a record is due), `next set * 2` otherwise.
   */
  readonly stepStrict: Int32Array;
  /** The same for `nextSampled`. */
  readonly stepSampled: Int32Array;
  /** The operations (events of kind `operation`), in model order; an operation's id is its index here. */
  readonly operations: readonly string[];
  /** `nextOperation[set * operations.length + operation]`: the set after the operation, or -1 (not allowed). */
  readonly nextOperation: Int32Array;
  /** `strict[from * n + to]` over statuses (any sub-state of `from`): explanation index, or -1. */
  readonly strict: Int32Array;
  /** `sampled[from * n + to]` over statuses: explanation index of a path through transitional statuses, or -1. */
  readonly sampled: Int32Array;
  /** The explanations the tables point to. */
  readonly explanations: readonly StepExplanation[];
  /** Statuses reachable from each status (any of its sub-states) by one transition, by status id. */
  readonly allowedStrict: readonly (readonly string[])[];
  /** Statuses reachable from each status in sampled mode, by status id. */
  readonly allowedSampled: readonly (readonly string[])[];
  /**
   * The machine's transitions, leaf by leaf, as status pairs, in the model's order (what the fleet report counts
   * changes against, without the model).
   */
  readonly transitions: readonly GraphTransition[];
  /** The id of an exactly spelled status, or -1. Safe for any string (`__proto__` included). */
  idOf(status: string): number;
  /**
   * The id of the one status spelled like `given` but for letter case and surrounding white space (see
   * `spellings`), or -1.
   */
  idOfSpelling(given: string): number;
  /** The status id an alias (exactly spelled) stands for, or -1. */
  aliasOf(alias: string): number;
  /** The id of an operation, or -1. */
  operationIdOf(operation: string): number;
}

/**
 * A compiled graph as plain data (JSON): what {@link StatusGraph} holds but its look-up functions, with arrays for
 * typed arrays. The precompiled tables are this.
 */
export interface StatusGraphData {
  readonly service: string;
  readonly statuses: readonly string[];
  readonly initial: number;
  readonly final: readonly number[];
  readonly tags: readonly (readonly StatusTag[])[];
  readonly aliases: readonly (readonly string[])[];
  readonly leaves: readonly string[];
  readonly leafStatus: readonly number[];
  readonly sets: readonly (readonly number[])[];
  readonly setStatus: readonly number[];
  readonly unknownSet: number;
  readonly initialSet: number;
  readonly nextStrict: readonly number[];
  readonly nextSampled: readonly number[];
  readonly whyStrict: readonly number[];
  readonly whySampled: readonly number[];
  readonly stepStrict: readonly number[];
  readonly stepSampled: readonly number[];
  readonly operations: readonly string[];
  readonly nextOperation: readonly number[];
  readonly strict: readonly number[];
  readonly sampled: readonly number[];
  readonly explanations: readonly StepExplanation[];
  readonly allowedStrict: readonly (readonly string[])[];
  readonly allowedSampled: readonly (readonly string[])[];
  readonly transitions: readonly GraphTransition[];
}

/**
 * The graph of plain data: its typed arrays and look-up functions made again (the inverse of the data
 * {@link statusGraphData} computes).
 *
 * @example statusGraphOfData(JSON.parse(JSON.stringify(statusGraphData(kafka)))).idOf('RUNNING')
 */
export function statusGraphOfData(data: StatusGraphData): StatusGraph {
  const ids = new Map<string, number>(data.statuses.map((status, id) => [status, id]));
  const spelled = spellings(data.statuses);
  const aliases = new Map<string, number>();
  data.aliases.forEach((names, id) => {
    for (const alias of names) aliases.set(alias, id);
  });
  return {
    ...data,
    final: Uint8Array.from(data.final),
    leafStatus: Int32Array.from(data.leafStatus),
    setStatus: Int32Array.from(data.setStatus),
    nextStrict: Int32Array.from(data.nextStrict),
    nextSampled: Int32Array.from(data.nextSampled),
    whyStrict: Int32Array.from(data.whyStrict),
    whySampled: Int32Array.from(data.whySampled),
    stepStrict: Int32Array.from(data.stepStrict),
    stepSampled: Int32Array.from(data.stepSampled),
    nextOperation: Int32Array.from(data.nextOperation),
    strict: Int32Array.from(data.strict),
    sampled: Int32Array.from(data.sampled),
    idOf: (status: string) => ids.get(status) ?? -1,
    idOfSpelling: (given: string) => {
      const status = spelled.get(spellingKey(given));
      return status === undefined ? -1 : ids.get(status)!;
    },
    aliasOf: (alias: string) => aliases.get(alias) ?? -1,
    operationIdOf: (operation: string) => data.operations.indexOf(operation),
  };
}
