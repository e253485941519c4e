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
}

/** One transition of a service's machine, as plain data. */
export interface TransitionInfo {
  from: string;
  to: string;
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
  /** Every status, in machine order. */
  states: StatusInfo[];
  /** Every transition, in machine order (by source state, then event). */
  transitions: TransitionInfo[];
}

/** One observation of an instance: the status seen, and optionally when, where in the input, and of what. */
export interface Observation {
  status: string;
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
