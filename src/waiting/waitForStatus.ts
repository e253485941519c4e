/**
 * `waitForStatus`: poll an instance until it shows a target status, and stop as soon as the target can no longer
 * come, instead of waiting for the timeout.
 *
 * Each answer of the user's `poll()` is one observation. It goes through the incremental validator (sampled mode:
 * transitional statuses may be missed between polls), then is judged by the derived {@link expectations}:
 * a target resolves; a pending status waits on; a failure status rejects at once with reason `unreachable`; an
 * illegal change or an unknown status rejects at once too (the model or the service has drifted). A "not found"
 * answer ({@link NOT_FOUND}) is an observation of the machine's final status, not an error.
 *
 * Right after a user requests an operation the instance may still show the status it had: give `after` (the
 * operation event) and the statuses that operation leaves from are accepted for `operationGrace` observations,
 * before anything else has been seen, and a target among them does not count yet (a restart wait must not end on
 * the RUNNING seen before the restart shows). Once the grace is used up they are judged like any status, and the
 * result says whether the operation was ever seen.
 *
 * The operation goes into the validator as in a history with operations: applied to the possible states as soon as
 * the instance shows something other than the statuses it leaves from. From then on a status with hidden sub-states
 * is judged by the sub-states the history allows (after a DELETE, Kafka's ERROR is the fault on the way to DELETED:
 * pending; after a RESTART, a fault of the instance: a failure).
 */
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/statusGraph.js';
import {
  BadArgumentTypeError,
  checkNumber,
  checkObject,
  describeValue,
  type EventOf,
  MAX_TIMER_MS,
  resolveService,
  type ServiceRef,
  type StatusOf,
  UnknownStatusError,
} from '../model/index.js';
import { type Clock, systemClock } from '../time/clock.js';
import { readStatus } from '../validation/readStatus.js';
import { createValidator } from '../validation/validateHistory.js';
import type { HistoryVerdict } from '../validation/validator.js';
import { backoffDelay } from './backoff.js';
import { expectations, judgeLeaves } from './expectations.js';
import { WaitError, type WaitErrorDetails, type WaitFailureReason, type WaitObservation } from './waitError.js';

/** What `poll()` answers when the instance does not exist (any more): an HTTP 404, say. */
export const NOT_FOUND: unique symbol = Symbol('instance-lifecycle.NOT_FOUND');

/** The type of {@link NOT_FOUND}. */
export type NotFound = typeof NOT_FOUND;

/** What `poll()` is given: the attempt number (1-based) and the wait's abort signal, to pass on to the request. */
export interface PollContext {
  attempt: number;
  signal: AbortSignal;
}

/** Options of {@link waitForStatus}. */
export interface WaitForStatusOptions<S extends ServiceRef = string> {
  /** The service id (or registered service). */
  service: S;
  /** The status or statuses waited for. */
  target: StatusOf<S> | readonly StatusOf<S>[];
  /** Asks the instance for its status: the status string as the API reports it, or {@link NOT_FOUND}. */
  poll: (context: PollContext) => Promise<string | NotFound> | string | NotFound;
  /**
   * Milliseconds from the start after which the wait gives up (a last poll happens at that moment). `Infinity`
   * waits without a limit. A poll may take until then and a second more (the last poll, made at that moment, gets
   * that second); one still unanswered then is given up on (its signal aborts) and the wait times out.
   */
  timeout: number;
  /** Smallest delay between polls, in ms (Smithy's `minDelay`), at most about 24.8 days. Default 2000. */
  interval?: number;
  /**
   * Largest delay between polls, in ms (Smithy's `maxDelay`), at most about 24.8 days. Default 120000, or
   * `interval` if larger.
   */
  maxInterval?: number;
  /** Aborts the wait, even during a poll that does not answer (and is passed to `poll`). */
  signal?: AbortSignal;
  /** Where time comes from. Default the system clock; a virtual clock in tests. */
  clock?: Clock;
  /** Source of jitter, a number in [0, 1). Default `Math.random`; a seeded one for repeatable waits. */
  random?: () => number;
  /** How many failed polls in a row are tolerated before giving up (reason `poll-failed`). Default 3. */
  retries?: number;
  /** Whether a poll error is worth retrying. Default: every error is transient. */
  isTransient?: (error: unknown) => boolean;
  /** The operation just requested (e.g. `DELETE`, `RESIZE`, `RESTART`): see the module comment. */
  after?: EventOf<S>;
  /** With `after`: how many observations may still show the status the operation leaves from. Default 5. */
  operationGrace?: number;
  /**
   * The status a {@link NOT_FOUND} answer stands for. Default: the machine's final status, when it has exactly one
   * (both registered services do: DELETED). A service with several final statuses must name one here; without it
   * a not-found answer rejects with reason `unknown-status`.
   */
  notFoundStatus?: StatusOf<S>;
  /**
   * How many polls in a row must show a target before the wait resolves (Terraform's `ContinuousTargetOccurence`).
   * Failed polls neither count nor break the run. Default 1.
   */
  consecutive?: number;
  /**
   * How many {@link NOT_FOUND} answers in a row are retried while no status has been seen yet (Terraform's
   * `NotFoundChecks`): right after a create, an eventually consistent API may not know the instance yet. The next
   * one counts as the final status. Default 0: a first not-found answer is the final status at once.
   */
  notFoundChecks?: number;
  /** Called after every poll, with what it answered (for progress output and metrics). */
  onPoll?: (poll: PollReport) => void;
  /** Called when the status observed differs from the one before (the first observation included). */
  onChange?: (change: StatusChange) => void;
}

/** What {@link WaitForStatusOptions.onPoll} is given after each poll. */
export interface PollReport {
  /** The poll's number, from 1. */
  attempt: number;
  /** Milliseconds from the start of the wait, by its clock. */
  elapsed: number;
  /** The status answered (for a not-found answer: the status it stands for), unless the poll failed. */
  status?: string;
  /** Set when the poll answered {@link NOT_FOUND}. */
  notFound?: true;
  /** Set when a not-found answer was retried rather than counted (see `notFoundChecks`). */
  notFoundRetried?: true;
  /** The error the poll threw, if it failed. */
  error?: unknown;
}

/** What {@link WaitForStatusOptions.onChange} is given when the status changes. */
export interface StatusChange {
  /** The status observed before, or undefined for the first observation. */
  from: string | undefined;
  /** The status observed now. */
  to: string;
  /** Milliseconds from the start of the wait, by its clock. */
  elapsed: number;
  /** The poll that saw it. */
  attempt: number;
  /** Set when the new status stands for a not-found answer. */
  notFound?: true;
}

/** What {@link waitForStatus} resolves with. */
export interface WaitResult {
  service: string;
  /** The target status seen. */
  status: string;
  /** Every observation, in order; the last one is the target. */
  history: WaitObservation[];
  /** How many times `poll()` was called (failed calls included). */
  polls: number;
  /** Milliseconds from the start to the last answer, by the wait's clock (its monotonic reading). */
  elapsed: number;
  /** With `after`: whether a status other than those the operation leaves from was seen. */
  operationObserved?: boolean;
  /**
   * The statuses tagged `failed` seen on the way, in order of first sight (a Kafka resize that failed and
   * recovered shows EXTENDEDFAILED): the target came, but something failed before it.
   */
  failedSeen: string[];
  /** The validator's sampled verdict on the history (with the statuses presumably missed between polls). */
  verdict: HistoryVerdict;
}

const DEFAULT_INTERVAL = 2_000;
const DEFAULT_MAX_INTERVAL = 120_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_OPERATION_GRACE = 5;
const DEFAULT_CONSECUTIVE = 1;
const DEFAULT_NOT_FOUND_CHECKS = 0;

/**
 * Poll until a target status is seen; reject with a {@link WaitError} as soon as it cannot come any more.
 * Invalid options (unknown service, target or operation, a negative timeout) reject with the matching error.
 *
 * @example
 * const result = await waitForStatus({
 *   service: 'kafka', target: 'DELETED', after: 'DELETE', timeout: 30 * 60_000,
 *   poll: async ({ signal }) => {
 *     const response = await fetch(url, { signal });
 *     return response.status === 404 ? NOT_FOUND : (await response.json()).status;
 *   },
 * });
 */
export async function waitForStatus<S extends ServiceRef>(options: WaitForStatusOptions<S>): Promise<WaitResult> {
  checkObject(WHERE, 'options', options);
  const service = resolveService(options.service);
  const derived = expectations(service, options.target, options.after === undefined ? {} : { after: options.after });
  const clock = options.clock ?? systemClock;
  const monotonic = clock.monotonic ? () => clock.monotonic!() : () => clock.now();
  const random = options.random ?? Math.random;
  const userSignal = options.signal ?? new AbortController().signal;
  if (typeof options.poll !== 'function')
    throw new BadArgumentTypeError(`${WHERE}: poll must be a function, got ${describeValue(options.poll)}`);
  const retries = checkNumber(WHERE, 'retries', options.retries ?? DEFAULT_RETRIES, { min: 0, integer: true });
  const grace = checkNumber(WHERE, 'operationGrace', options.operationGrace ?? DEFAULT_OPERATION_GRACE, {
    min: 0,
    integer: true,
  });
  const timeout = checkNumber(WHERE, 'timeout', options.timeout, { min: 0, infinite: true });
  const delay = { min: 0, max: MAX_TIMER_MS, maxText: 'about 24.8 days' };
  const min = checkNumber(WHERE, 'interval', options.interval ?? DEFAULT_INTERVAL, delay);
  const max = checkNumber(WHERE, 'maxInterval', options.maxInterval ?? Math.max(min, DEFAULT_MAX_INTERVAL), delay);
  const bounds = { min, max: Math.max(min, max) };
  const isTransient = options.isTransient ?? (() => true);
  // The signal `poll` gets: aborted by the caller's signal, or when the wait gives up on a poll at the deadline.
  const pollController = new AbortController();
  const signal = AbortSignal.any([userSignal, pollController.signal]);
  const notFoundStatus = resolveNotFoundStatus(service, options.notFoundStatus);
  const consecutive = checkNumber(WHERE, 'consecutive', options.consecutive ?? DEFAULT_CONSECUTIVE, {
    min: 1,
    integer: true,
  });
  const notFoundChecks = checkNumber(WHERE, 'notFoundChecks', options.notFoundChecks ?? DEFAULT_NOT_FOUND_CHECKS, {
    min: 0,
    integer: true,
  });
  const counts = new Map<string, number>();
  let lastPollError: unknown;
  let hasPollError = false;
  let targetRun = 0;
  let notFoundRetries = 0;

  const targets = new Set(derived.target);
  const before = derived.before ? new Set(derived.before.from) : undefined;
  const judged = new Map<string, ReturnType<typeof judgeLeaves>>();
  const judge = (status: string, leaves: readonly string[]) => {
    const key = `${status} ${leaves.join(' ')}`;
    let verdict = judged.get(key);
    if (verdict === undefined) {
      verdict = judgeLeaves(service, derived.target, status, leaves);
      judged.set(key, verdict);
    }
    return verdict;
  };
  const graph = statusGraph(service);
  const failedSeen: string[] = [];
  const validator = createValidator(service, { mode: 'sampled' });
  const history: WaitObservation[] = [];
  const started = monotonic();
  const deadline = started + timeout;
  const waitingFor = `waiting for ${derived.target.join(' or ')}${options.after ? ` after ${options.after}` : ''}`;
  let polls = 0;
  let failedInARow = 0;
  let beforeCount = 0;
  let operationObserved = before === undefined;

  const fail = (reason: WaitFailureReason, message: string, extra: Partial<WaitErrorDetails> = {}): never => {
    const status = validator.status;
    throw new WaitError(reason, `${service.id}: ${waitingFor}: ${message}`, {
      service: service.id,
      history,
      polls,
      elapsed: monotonic() - started,
      counts: [...counts].map(([seen, count]) => ({ status: seen, count })),
      ...(status === undefined ? {} : { status }),
      ...(hasPollError ? { lastPollError } : {}),
      ...extra,
    });
  };
  const aborted = (): never => fail('aborted', 'aborted', { cause: userSignal.reason });
  const timedOut = (): never =>
    fail('timeout', `timed out after ${timeout} ms (${polls} polls); last status ${validator.status ?? 'none'}`);

  for (;;) {
    if (userSignal.aborted) aborted();
    polls++;
    const answer = await pollOnce(polls);
    if (answer === POLL_TIMED_OUT) timedOut();
    if (answer !== POLL_FAILED) {
      const decided = take(answer);
      if (decided) return decided;
    }
    const remaining = deadline - monotonic();
    if (remaining <= 0) timedOut();
    try {
      await clock.sleep(Math.min(backoffDelay(polls, bounds, random), remaining), userSignal);
    } catch (error) {
      if (userSignal.aborted) aborted();
      throw error;
    }
  }

  /**
   * One call of `poll()`: its answer, POLL_FAILED for a transient error that may be retried, or POLL_TIMED_OUT
   * when the deadline passed before it answered. Aborting the wait ends it at once, answered or not.
   */
  async function pollOnce(attempt: number): Promise<unknown> {
    const settled = new AbortController(); // stops the deadline and abort watchers once the poll has answered
    const watchers = AbortSignal.any([userSignal, settled.signal]);
    const now = monotonic();
    const answerBy = Math.max(deadline, now) + POLL_GRACE_MS;
    try {
      const answer = await Promise.race([
        (async () => options.poll({ attempt, signal }))(),
        clock.deadline
          ? clock.deadline(answerBy - now, watchers).then(
              () => POLL_TIMED_OUT,
              () => NEVER,
            )
          : NEVER, // a clock without deadlines: only the abort signal ends a poll that does not answer
        new Promise<never>((_, reject) => {
          if (userSignal.aborted) reject(userSignal.reason);
          watchers.addEventListener('abort', () => userSignal.aborted && reject(userSignal.reason), { once: true });
        }),
      ]);
      if (answer === POLL_TIMED_OUT) pollController.abort(new Error('the wait timed out during this poll'));
      else failedInARow = 0;
      return answer;
    } catch (error) {
      if (userSignal.aborted) aborted();
      failedInARow++;
      lastPollError = error;
      hasPollError = true;
      options.onPoll?.({ attempt, elapsed: monotonic() - started, error });
      const message = error instanceof Error ? error.message : String(error);
      if (!isTransient(error)) fail('poll-failed', `poll failed: ${message}`, { cause: error });
      if (failedInARow > retries)
        fail('poll-failed', `poll failed ${failedInARow} times in a row: ${message}`, { cause: error });
      return POLL_FAILED;
    } finally {
      settled.abort();
    }
  }

  /** Record one answer and judge it: the result when it is a target, undefined to wait on; throws to fail. */
  function take(answer: unknown): WaitResult | undefined {
    const now = clock.now();
    const elapsed = monotonic() - started;
    if (answer === NOT_FOUND && history.length === 0 && notFoundRetries < notFoundChecks) {
      notFoundRetries++; // eventual consistency: the instance may not be visible yet
      options.onPoll?.({ attempt: polls, elapsed, notFound: true, notFoundRetried: true });
      return undefined;
    }
    const observation = observe(answer, now, notFoundStatus);
    if (typeof observation === 'string') return fail('unknown-status', observation);
    const previous = history.at(-1)?.status;
    history.push(observation);
    counts.set(observation.status, (counts.get(observation.status) ?? 0) + 1);
    const notFound = observation.notFound ? ({ notFound: true } as const) : {};
    options.onPoll?.({ attempt: polls, elapsed, status: observation.status, ...notFound });
    if (observation.status !== previous)
      options.onChange?.({
        from: previous,
        to: observation.status,
        elapsed,
        attempt: polls,
        ...notFound,
      });
    let operation: string | undefined;
    if (before && !operationObserved) {
      const read = readStatus(graph, observation.status);
      if (read.id < 0 || !before.has(graph.statuses[read.id]!)) {
        operationObserved = true;
        operation = options.after;
      }
    }
    const record = { status: observation.status };
    if (!validator.push(operation === undefined ? record : { ...record, operation })) {
      const violation = validator.lastViolation!;
      return fail(violation.kind === 'unknown-status' ? 'unknown-status' : 'illegal-transition', violation.message, {
        violation,
      });
    }
    const status = validator.status!;
    if (graph.tags[graph.idOf(status)]!.includes('failed') && !failedSeen.includes(status)) failedSeen.push(status);
    if (before && !operationObserved && ++beforeCount <= grace) return undefined; // the request may not show yet
    targetRun = targets.has(status) ? targetRun + 1 : 0;
    if (targets.has(status) && targetRun < consecutive) return undefined; // must show again
    if (targets.has(status)) {
      const elapsed = monotonic() - started;
      const result: WaitResult = {
        service: service.id,
        status,
        history,
        polls,
        elapsed,
        failedSeen,
        verdict: validator.verdict(),
      };
      if (before) result.operationObserved = operationObserved;
      return result;
    }
    const judgement = judge(status, validator.leaves);
    if ('pending' in judgement) return undefined;
    const failure = judgement.failure;
    const still =
      before && !operationObserved
        ? `still ${status} after ${beforeCount} observations, ${options.after} has not shown; `
        : '';
    return fail('unreachable', `observed ${status}: ${still}${failure.reason}`, { failure });
  }
}

const WHERE = 'waitForStatus';
/** How long a poll may outlast the deadline (the last poll is made at the deadline). */
const POLL_GRACE_MS = 1000;
const POLL_FAILED = Symbol('poll failed');
const POLL_TIMED_OUT = Symbol('poll timed out');
const NEVER = new Promise<never>(() => undefined);

/** The observation an answer stands for, or a message when the answer cannot be read as one. */
function observe(answer: unknown, time: number, notFoundStatus: string | undefined): WaitObservation | string {
  if (answer === NOT_FOUND) {
    if (notFoundStatus === undefined)
      return 'poll() answered NOT_FOUND, but the service has no single final status: pass notFoundStatus';
    return { status: notFoundStatus, time, notFound: true };
  }
  if (typeof answer !== 'string')
    return `poll() answered ${describeValue(answer)}, expected a status string or NOT_FOUND`;
  return { status: answer, time };
}

function resolveNotFoundStatus(service: Service, given: string | undefined): string | undefined {
  const graph = statusGraph(service);
  if (given !== undefined) {
    if (graph.idOf(given) < 0) throw new UnknownStatusError(service.id, given, graph.statuses);
    return given;
  }
  const finals = graph.statuses.filter((_, id) => graph.final[id] === 1);
  return finals.length === 1 ? finals[0] : undefined;
}
