/**
 * `WaitError`: what a failed wait rejects with, as data (why, the history observed, what explains the failure),
 * kept apart from the polling loop as Smithy's waiter keeps its errors (smithy-lang/smithy-typescript,
 * util-waiter).
 */
import type { Violation } from '../validation/index.js';
import type { FailureStatus } from './expectations.js';

/** One answer of `poll()`, as recorded in the history. */
export interface WaitObservation {
  /** The status as answered (for not found: the status it stands for). */
  status: string;
  /** `clock.now()` when the answer came. */
  time: number;
  /** Set when `poll()` answered {@link NOT_FOUND}. */
  notFound?: true;
}

/** Why a wait failed. */
export type WaitFailureReason =
  | 'unreachable'
  | 'illegal-transition'
  | 'unknown-status'
  | 'timeout'
  | 'aborted'
  | 'poll-failed';

/** How many observations showed one status. */
export interface StatusCount {
  status: string;
  count: number;
}

/** What a {@link WaitError} carries besides its reason and message. */
export interface WaitErrorDetails {
  service: string;
  /** The observations made before the failure; the last one decided it (except for timeouts and poll failures). */
  history: WaitObservation[];
  /** How many times `poll()` was called (failed calls included). */
  polls: number;
  /** Milliseconds from the start, by the wait's clock. */
  elapsed: number;
  /** How many times each status was observed, in order of first sight (default none). */
  counts?: StatusCount[];
  /** The last known status, if any. */
  status?: string;
  /** The error of the last failed poll, if any poll failed (even when later polls succeeded). */
  lastPollError?: unknown;
  /** For `illegal-transition` and `unknown-status` (when the validator saw it): the validator's violation. */
  violation?: Violation;
  /** For `unreachable`: why the status is a failure for this target. */
  failure?: FailureStatus;
  /** For `poll-failed`: the last poll error; for `aborted`: the signal's reason. */
  cause?: unknown;
}

/**
 * The error {@link waitForStatus} rejects with: why, the history observed, and what explains the failure.
 *
 * @example
 * try { await waitForStatus(options) } catch (e) { if (e instanceof WaitError && e.reason === 'unreachable') console.log(e.failure?.reason) }
 */
export class WaitError extends Error {
  override name = 'WaitError';
  readonly service: string;
  readonly history: WaitObservation[];
  readonly polls: number;
  readonly elapsed: number;
  readonly status: string | undefined;
  /** How many times each status was observed, in order of first sight. */
  readonly counts: StatusCount[];
  /** The error of the last failed poll (undefined when no poll failed). */
  readonly lastPollError: unknown;
  readonly violation: Violation | undefined;
  readonly failure: FailureStatus | undefined;

  constructor(
    /** Why the wait failed. */
    readonly reason: WaitFailureReason,
    message: string,
    details: WaitErrorDetails,
  ) {
    super(message, 'cause' in details ? { cause: details.cause } : undefined);
    this.service = details.service;
    this.history = details.history;
    this.polls = details.polls;
    this.elapsed = details.elapsed;
    this.status = details.status;
    this.counts = details.counts ?? [];
    this.lastPollError = details.lastPollError;
    this.violation = details.violation;
    this.failure = details.failure;
  }
}
