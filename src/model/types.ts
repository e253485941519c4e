/** Plain-data types shared by the library's modules. */
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
