/** Plain-data types shared by the library's modules. */
import type { AnyStateMachine, EventFromLogic, StateValueFrom } from 'xstate';
import type { BuiltInMachines, BuiltInServiceId, Service } from '../../machines/index.js';
import type { Basis, EventKind, StatusTag } from '../../machines/vocabulary.js';

export type { Basis, EventKind, StatusTag };

/** One status of a service, as plain data. */
export interface StatusInfo {
  /** The status string, as the API reports it (also the state key). */
  status: string;
  /** Tags from the vocabulary in `machines/vocabulary.ts`. */
  tags: StatusTag[];
  /** What the status means, in the project's words. */
  description: string;
  /** For an `undocumented` status: why it is modelled, with its sources. */
  evidence?: string;
  /** Other spellings of the status (other doc versions or clouds): read as this status, with a note. */
  aliases?: string[];
  /** Which version of the status page (or which page) documents the status. */
  documentedIn?: string;
  /**
   * The leaf ids of the status's hidden sub-states (child states the API does not show, e.g. `ERROR.whileDeleting`),
   * in machine order; absent for a status without sub-states (its one leaf is the status itself).
   */
  subStates?: string[];
  /** For a status with sub-states: the leaf id of the one it is entered at (its initial sub-state). */
  initialSubState?: string;
}

/**
 * A leaf state of a machine: a status without sub-states, or one hidden sub-state of a status. Its id is the dotted
 * path of state keys from the top (`RUNNING`, `ERROR.whileDeleting`), as xstate's targets spell it.
 */
export interface LeafInfo {
  /** The leaf id: the status itself, or `STATUS.subState` (deeper nesting adds more keys). */
  leaf: string;
  /** The status the API shows in this leaf: the top-level key. */
  status: string;
  /** What the leaf means: the sub-state's description, or the status's for a status without sub-states. */
  description: string;
}

/**
 * One transition of a service's machine, as plain data: from one leaf state to another. `from` and `to` are the
 * statuses the API shows (what histories and waits speak of); `fromLeaf` and `toLeaf` the leaf states, which differ
 * from them only for a status with hidden sub-states. A transition written on a status with sub-states is listed
 * once per leaf it leaves from; `to` may equal `from` (a hidden move between two sub-states of one status).
 */
export interface TransitionInfo {
  /** The status left. */
  from: string;
  /** The status entered. */
  to: string;
  /** The leaf state left (equals `from` for a status without sub-states). */
  fromLeaf: string;
  /** The leaf state entered: a target status with sub-states is entered at its initial leaf. */
  toLeaf: string;
  /** The event type that causes it. */
  event: string;
  /** `operation` (a user's request) or `outcome` (reported by the service). */
  kind: EventKind;
  basis: Basis;
  /** The page or file the transition comes from (always set when `basis` is `documented`). */
  source?: string;
  /** For `inferred`: why it is plausible. For `documented`: what the source says, in short. */
  note?: string;
  /** What happens, in one sentence. */
  description: string;
  /** True for an outcome that reports something going wrong (set by `failure(...)` in the machine). */
  failure?: true;
}

/** A service's machine as plain data: what `graph --format json` prints. */
export interface LifecycleModel {
  /** Service id, e.g. `kafka`. */
  service: string;
  /** Display name. */
  name: string;
  /** Documentation page of the status table. */
  page: string;
  /** The initial status. */
  initial: string;
  /** The initial leaf state (the initial status, or its initial sub-state). */
  initialLeaf: string;
  /** Every status, in machine order. */
  states: StatusInfo[];
  /** Every leaf state, in machine order (a status's leaves together, in its place). */
  leaves: LeafInfo[];
  /** Every transition between leaf states, in machine order (by source leaf, then event). */
  transitions: TransitionInfo[];
}

/**
 * One observation of an instance: the status seen, and optionally when, where in the input, and of what. A record
 * may instead carry an `operation` a user requested (from a client's log or an audit trail): then `status` is the
 * empty string and the validator applies the operation to the states the instance may be in.
 */
export interface Observation {
  /** The status seen (the empty string for an operation record). */
  status: string;
  /** An operation requested at this point (an operation event of the machine, e.g. `DELETE`), instead of a status. */
  operation?: string;
  /** ISO 8601 text, a `Date`, or a number (compared as given, so use one unit throughout). */
  time?: string | number | Date;
  /** The line of the input the observation came from (1-based), for messages. */
  line?: number;
  /** The instance id, when the input had one. */
  instance?: string;
}

/**
 * A service as the library's functions take it: the id of a registered service, or a {@link Service} object.
 * Built-in ids are listed so that editors complete them; any other string is accepted (and checked at run time).
 */
export type ServiceRef = BuiltInServiceId | (string & {}) | Service;

/** The statuses of a machine: its top-level state names (a status may hide sub-states). */
export type MachineStatus<M extends AnyStateMachine> = TopLevelKey<StateValueFrom<M>>;

type TopLevelKey<V> = V extends string ? V : keyof V & string;

/** The event names of a machine. */
export type MachineEvent<M extends AnyStateMachine> = EventFromLogic<M>['type'];

/** The machine a service reference stands for, where its type is known; `undefined` otherwise. */
type MachineOf<S> = S extends BuiltInServiceId
  ? BuiltInMachines[S]
  : S extends Service<infer M>
    ? string extends MachineStatus<M>
      ? undefined // an untyped machine: its statuses are any strings
      : M
    : undefined;

/**
 * The status names of a service: checked at compile time for the built-in services and for typed `Service`
 * objects (`target: 'DELTED'` does not compile), any string for others.
 *
 * @example const target: StatusOf<'kafka'> = 'DELETED';
 */
export type StatusOf<S> = MachineOf<S> extends infer M extends AnyStateMachine ? MachineStatus<M> : string;

/** The event names (operations and outcomes) of a service, typed like {@link StatusOf}. */
export type EventOf<S> = MachineOf<S> extends infer M extends AnyStateMachine ? MachineEvent<M> : string;
