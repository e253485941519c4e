/**
 * `lintWait`: check a hand-written wait (a Terraform `StateChangeConf`, an SDK waiter, a polling loop) against the
 * service's machine. The wait is given as its lists: the target statuses, the pending ones (poll on), the failure
 * ones (stop with an error), where it starts, the operation just requested, and what a "not found" answer (HTTP 404)
 * is taken for. Each problem is one finding:
 *
 * - `unlisted`: a status that can show during this wait (see {@link observableStatuses}) but is in no list; a
 *   state-change waiter stops there with "unexpected state";
 * - `pending-unreachable`: a listed pending status from which the target can no longer come without a user's
 *   operation; the wait runs to its timeout (statuses the operation leaves from are fine as pending: an instance
 *   may still show them until the request takes effect);
 * - `failure-reachable`: a listed failure status from which the target still comes by the service's own outcomes;
 *   the wait gives up on a wait that would have succeeded;
 * - `never-shows`: a listed status that cannot show during this wait, or is no status of the service at all;
 * - `listed-twice`: a status in two lists (target and pending, say): which one wins depends on the client;
 * - `missing-not-found`: a target is a final status, where the instance is gone and the API answers 404, but the
 *   wait does not take a 404 for it.
 *
 * Everything is derived from the machine through {@link expectations}: the same lists `expect` prints lint clean.
 */
import {
  closestStatus,
  type EventOf,
  lifecycleModel,
  resolveService,
  type ServiceRef,
  type StatusOf,
  statusesTagged,
  UnknownStatusError,
} from '../model/index.js';
import { type Expectations, expectations } from './expectations.js';

/** A hand-written wait, as its lists. */
export interface WaitLists<S extends ServiceRef = string> {
  /** The status or statuses waited for. */
  target: StatusOf<S> | readonly StatusOf<S>[];
  /** The statuses the wait polls on. Names that are no status of the service are findings, not errors. */
  pending: readonly string[];
  /** The statuses the wait stops at with an error (default none: like Terraform, anything unlisted stops it). */
  failure?: readonly string[];
  /**
   * The status or statuses the instance is in when the wait starts. Default: with `after`, the statuses that
   * operation leaves from; without, every status of the service (a wait that may start anywhere).
   */
  from?: StatusOf<S> | readonly StatusOf<S>[];
  /** The operation just requested (e.g. `DELETE`). */
  after?: EventOf<S>;
  /** The status a "not found" answer (HTTP 404) is taken for, if the wait handles one. */
  notFound?: StatusOf<S>;
}

/** The kinds of {@link LintFinding}. */
export type LintFindingKind =
  | 'unlisted'
  | 'pending-unreachable'
  | 'failure-reachable'
  | 'never-shows'
  | 'listed-twice'
  | 'missing-not-found';

/** One problem of a hand-written wait. */
export interface LintFinding {
  kind: LintFindingKind;
  /** The status concerned, as given (it may be no status of the service, for `never-shows`). */
  status: string;
  /** One line: what is wrong, what happens at run time, and what the machine says instead. */
  message: string;
}

/** What {@link lintWait} found. */
export interface LintReport {
  service: string;
  /** True when there are no findings. */
  ok: boolean;
  /** In machine order of the statuses concerned (unknown names first, as given). */
  findings: LintFinding[];
  /** The derived lists of the same wait, cut to what it can observe: what the lists should be. */
  expected: Expectations;
  /** The statuses the wait can observe besides its targets, in machine order. */
  observable: string[];
}

/**
 * Check a hand-written wait against the machine. Unknown service, target, start, operation or not-found status
 * throw the matching {@link UnknownStatusError} (or other `BadArgumentError`); unknown names in the lists are
 * findings.
 *
 * @example
 * // the Kafka deletion wait of a public Terraform provider, before ERROR was added to its pending list
 * lintWait('kafka', { target: 'DELETED', pending: ['DELETING', 'RUNNING'], after: 'DELETE', from: 'RUNNING', notFound: 'DELETED' })
 *   .findings.map((f) => `${f.kind} ${f.status}`) // ['unlisted ERROR', ...]
 */
export function lintWait<S extends ServiceRef>(service: S, lists: WaitLists<S>): LintReport {
  const entry = resolveService(service);
  const model = lifecycleModel(entry);
  const statuses = model.states.map((s) => s.status);
  const known = new Set(statuses);
  const after = lists.after === undefined ? {} : { after: lists.after };
  const from: string | readonly string[] =
    lists.from ?? (lists.after === undefined ? statuses : expectations(entry, lists.target, after).before!.from);
  const expected = expectations(entry, lists.target as readonly string[], { ...after, from });
  if (lists.notFound !== undefined && !known.has(lists.notFound))
    throw new UnknownStatusError(entry.id, lists.notFound, statuses);

  const targets = new Set(expected.target);
  const pendingDerived = new Map(expected.pending.map((p) => [p.status, p]));
  const failureDerived = new Map(expected.failure.map((f) => [f.status, f]));
  const before = new Set(expected.before?.from ?? []);
  const pending = new Set(lists.pending);
  const failure = new Set(lists.failure ?? []);
  const findings: LintFinding[] = [];
  const add = (kind: LintFindingKind, status: string, message: string) => findings.push({ kind, status, message });
  const wanted = expected.target.join(' or ');

  for (const name of unique([...lists.pending, ...(lists.failure ?? [])])) {
    if (known.has(name)) continue;
    const suggestion = closestStatus(name, statuses);
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
    add('never-shows', name, `is listed as ${listOf(name, pending)} but is no status of ${entry.id}${hint}`);
  }

  for (const status of statuses) {
    const inPending = pending.has(status);
    const inFailure = failure.has(status);
    const named = [targets.has(status) ? 'target' : '', inPending ? 'pending' : '', inFailure ? 'failure' : ''].filter(
      (list) => list !== '',
    );
    if (named.length > 1) {
      add('listed-twice', status, `is listed as ${named.join(' and as ')}: which list wins depends on the client`);
      continue;
    }
    if (targets.has(status)) continue;
    const asPending = pendingDerived.get(status);
    const asFailure = failureDerived.get(status);
    if (!asPending && !asFailure) {
      if (inPending || inFailure)
        add('never-shows', status, `is listed as ${listOf(status, pending)} but cannot show in this wait; remove it`);
    } else if (!inPending && !inFailure) {
      const stops = `can show but is in no list: the wait stops with "unexpected state '${status}'"`;
      add(
        'unlisted',
        status,
        asPending
          ? `${stops} although ${wanted} can still come; make it pending (${asPending.reason})`
          : before.has(status)
            ? `${stops} without saying why; make it pending (${expected.before!.operation} leaves from it: the API may show it until the request takes effect) or a failure (${asFailure!.reason})`
            : `${stops} without saying why; make it a failure (${asFailure!.reason})`,
      );
    } else if (inPending && asFailure && !before.has(status)) {
      add(
        'pending-unreachable',
        status,
        `is pending, but ${wanted} can no longer come from it (${asFailure.reason}): the wait runs to its timeout; make it a failure`,
      );
    } else if (inFailure && asPending) {
      add(
        'failure-reachable',
        status,
        `is a failure, but ${wanted} can still come from it (${asPending.reason}): the wait gives up too early; make it pending`,
      );
    }
  }

  const finals = statusesTagged(model, 'final');
  const finalTargets = expected.target.filter((t) => finals.has(t));
  if (finalTargets.length > 0 && (lists.notFound === undefined || !finalTargets.includes(lists.notFound))) {
    const handled =
      lists.notFound === undefined ? 'the wait does not handle a 404' : `the wait takes a 404 for ${lists.notFound}`;
    add(
      'missing-not-found',
      finalTargets[0]!,
      `is final: the instance is gone and the API answers 404, but ${handled}; take a 404 for ${finalTargets.join(' or ')}`,
    );
  }

  const observable = statuses.filter((s) => pendingDerived.has(s) || failureDerived.has(s));
  return { service: entry.id, ok: findings.length === 0, findings, expected, observable };
}

function listOf(status: string, pending: ReadonlySet<string>): string {
  return pending.has(status) ? 'pending' : 'failure';
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
