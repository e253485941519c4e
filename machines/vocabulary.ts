/**
 * The small vocabulary every lifecycle machine in this folder is written in: the tags a status carries and
 * the metadata every transition carries. Nothing here names a service's statuses.
 */

/**
 * What a status is, as a tag on its state:
 * - `stable`: the instance stays here until a user asks for something (or an unexpected fault happens);
 * - `transitional`: the service moves the instance on by itself; a poller may miss such a status;
 * - `failed`: something went wrong (combined with `stable` or `transitional`);
 * - `final`: no way out;
 * - `undocumented`: not in the service's status table, added because real clients observe it.
 */
export type StatusTag = 'stable' | 'transitional' | 'failed' | 'final' | 'undocumented';

/** Every tag of {@link StatusTag}, in a fixed order (for legends and validation). */
export const STATUS_TAGS: readonly StatusTag[] = ['stable', 'transitional', 'failed', 'final', 'undocumented'];

/**
 * Who causes a transition: an `operation` a user requests through the API (restart, resize, delete...), or an
 * `outcome` the service reports by itself (creation succeeded, a fault, a finished resize...).
 */
export type EventKind = 'operation' | 'outcome';

/**
 * Why a transition is in the machine: `documented` (the cited page says so) or `inferred` (plausible, for the
 * reason given in `note`).
 */
export type Basis = 'documented' | 'inferred';

/**
 * The metadata on every transition of every machine. `failure` marks an outcome that reports something going
 * wrong (a failed creation, restart, resize..., or a fault), also where the status it leads to is not tagged
 * `failed` (a DCS resize that fails leaves the instance running): simulations make such outcomes rare.
 */
export type TransitionMeta =
  | { kind: EventKind; basis: 'documented'; source: string; note?: string; failure?: true }
  | { kind: EventKind; basis: 'inferred'; note: string; source?: string; failure?: true };

/**
 * The metadata on a status (a top-level state): where it comes from, and how else it is spelled.
 *
 * A status may hide sub-states the API does not show: child states of the status's state (xstate's own nesting,
 * e.g. `ERROR: { initial: 'faulted', states: { faulted: {...}, whileDeleting: {...} } }`). The observable status is
 * always the top-level state's key; tags are set on the status, not on its sub-states.
 */
export interface StatusMeta {
  /** For an `undocumented` status: why it is modelled anyway, with the sources that show it. */
  evidence?: string;
  /**
   * Other spellings of this status in other versions of the documentation or on other clouds (Kafka's ROLLBACK is
   * ROLLINGBACK elsewhere): a history that shows an alias is read as this status, with a note.
   */
  aliases?: readonly string[];
  /** Which version of the status page (or which page) documents this status, for statuses of the seed tables. */
  documentedIn?: string;
}

/** Metadata of a transition the cited page documents. */
export function documented(kind: EventKind, source: string, note?: string): TransitionMeta {
  return note === undefined ? { kind, basis: 'documented', source } : { kind, basis: 'documented', source, note };
}

/** Metadata of a transition that no page documents, with the reason it is plausible (and a source if one helps). */
export function inferred(kind: EventKind, note: string, source?: string): TransitionMeta {
  return source === undefined ? { kind, basis: 'inferred', note } : { kind, basis: 'inferred', note, source };
}

/** The same metadata, marking the transition as an outcome that reports a failure (see {@link TransitionMeta}). */
export function failure(meta: TransitionMeta): TransitionMeta {
  if (meta.kind !== 'outcome') throw new Error('only an outcome can report a failure');
  return { ...meta, failure: true };
}
