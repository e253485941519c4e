/**
 * `expectations`: what a client waiting for a target status should make of every status it may observe, derived
 * from the service's machine instead of kept as hand-written lists.
 *
 * Every status of the service falls in exactly one of three groups:
 * - `target`: the statuses waited for;
 * - `pending`: the service's own outcomes can still bring a target, through statuses that are all `transitional`
 *   (the instance does not settle anywhere on the way). The observed status itself may be stable: Kafka's ERROR
 *   is pending for DELETED because a deletion that showed ERROR completes by an outcome;
 * - `failure`: a target cannot come without a user's operation. This includes a status from which outcomes reach a
 *   target only through another stable status (Kafka's RUNNING reaches DELETED by a fault to ERROR, then
 *   DELETE_SUCCEEDED): the instance would settle there first, and a poller would see it and judge again from there.
 *   The rule is the one sampled validation uses: a poller can miss only transitional statuses.
 *
 * With `after: <operation>`, the statuses that operation leaves from are listed too: right after requesting it, an
 * instance may still show them until the request takes effect (see `waitForStatus`'s `operationGrace`).
 *
 * With `from: <status(es) the wait starts in>`, pending and failure list only the statuses such a wait can
 * observe before it ends (see `observableStatuses`): short lists to paste into another tool's waiter.
 *
 * A status with hidden sub-states is judged by the sub-states the wait may meet (after the operation, from the
 * start statuses; all of them without either): Kafka's ERROR is pending for a deletion, where it is the fault on
 * the way to DELETED, and a failure for a restart, where it is a fault of the instance.
 */

import type { Service } from '../../machines/index.js';
import { type OutcomePath, outcomePaths } from '../graph/outcomePaths.js';
import { shortestRoutes } from '../graph/shortestRoutes.js';
import {
  BadArgumentError,
  type EventOf,
  knownEvent,
  type LifecycleModel,
  lifecycleModel,
  resolveService,
  type ServiceRef,
  type StatusOf,
  UnknownStatusError,
} from '../model/index.js';
import { observableLeaves } from './observableStatuses.js';

/** A status from which a target can still come by outcomes alone. */
export interface PendingStatus {
  status: string;
  /** The target reached by the shortest outcome path. */
  reaches: string;
  /** The outcome events of that path. */
  events: string[];
  /** True when the status is tagged `failed`: the target will come, but something failed on the way. */
  failed: boolean;
  /** One line: why it is pending. */
  reason: string;
  /** For a status with hidden sub-states: the sub-state (leaf id) from which the target comes. */
  subState?: string;
}

/** A status from which no target can come without a user's operation. */
export interface FailureStatus {
  status: string;
  /** The user operations that leave this status (empty for a final status). */
  operations: string[];
  /** The settled statuses outcomes lead to from here (through transitional statuses), none of them a target. */
  outcomesLeadTo: string[];
  /** The stable statuses outcomes would have to settle in before a target could come (empty if none can). */
  onlyThrough: string[];
  /** One line: why it is a failure. */
  reason: string;
  /** For a status with hidden sub-states, when only some of them were judged: those (leaf ids). */
  subStates?: string[];
}

/** The statuses an operation leaves from: what an instance may still show right after the operation is requested. */
export interface OperationStart {
  /** The operation event. */
  operation: string;
  /** The statuses it leaves from. */
  from: string[];
}

/** The derived expectations of a wait: target, pending and failure statuses partition the service's statuses. */
export interface Expectations {
  service: string;
  /** The statuses waited for, in machine order. */
  target: string[];
  /** In machine order. */
  pending: PendingStatus[];
  /** In machine order. */
  failure: FailureStatus[];
  /** Only with the `after` option. */
  before?: OperationStart;
  /** Only with the `from` option: the statuses the wait starts in (pending and failure are cut to what it can observe). */
  from?: string[];
}

/** Options of {@link expectations}. */
export interface ExpectationsOptions<S extends ServiceRef = string> {
  /** The operation just requested (an operation event of the service, e.g. `DELETE`). */
  after?: EventOf<S>;
  /** The status or statuses the instance is in when the wait starts (e.g. `CREATING` for a creation wait). */
  from?: StatusOf<S> | readonly StatusOf<S>[];
}

/**
 * The derived expectations of waiting for `target` (one status or several) on a service.
 *
 * @example
 * const e = expectations('kafka', 'DELETED', { after: 'DELETE' });
 * e.pending.map((p) => p.status) // ['ERROR', 'DELETING', 'FROZEN', 'RECYCLE']
 * e.before?.from                 // ['CREATEFAILED', 'RUNNING', 'ERROR', 'FROZEN']
 */
export function expectations<S extends ServiceRef>(
  service: S,
  target: StatusOf<S> | readonly StatusOf<S>[],
  options: ExpectationsOptions<S> = {},
): Expectations {
  const entry = resolveService(service);
  const model = lifecycleModel(entry);
  const statuses = model.states.map((s) => s.status);
  const known = new Set(statuses);
  const knownStatuses = (given: string | readonly string[]): Set<string> => {
    const set = new Set<string>();
    for (const status of typeof given === 'string' ? [given] : given) {
      if (!known.has(status)) throw new UnknownStatusError(entry.id, status, statuses);
      set.add(status);
    }
    return set;
  };
  const wanted = knownStatuses(target);
  if (wanted.size === 0) throw new BadArgumentError('expectations: no target status given');
  const starts = options.from === undefined ? undefined : knownStatuses(options.from);
  if (starts?.size === 0) throw new BadArgumentError('expectations: no start status given in from');
  if (options.after !== undefined) knownEvent(model, options.after, 'operation');
  const result: Expectations = {
    service: entry.id,
    target: statuses.filter((s) => wanted.has(s)),
    pending: [],
    failure: [],
  };
  const targets = [...wanted];
  // the leaf states the wait may meet: a status's other sub-states do not decide its group
  let possible = options.after === undefined ? undefined : leavesAfter(model, entry, options.after);
  let observable: Set<string> | undefined;
  if (starts !== undefined) {
    // a wait ends where it would stop: at its target, or where the status is a failure from every sub-state the
    // instance may be in once it shows (that leaf, and those of its status that hidden moves reach from it)
    const endsAt = (leaf: string) => {
      const status = leaf.split('.')[0]!;
      return wanted.has(status) || !('pending' in judgeLeaves(entry, targets, status, hiddenReach(model, leaf)));
    };
    const scope = {
      from: statuses.filter((s) => starts.has(s)),
      ends: endsAt,
      ...(options.after === undefined ? {} : { after: options.after }),
    };
    const leaves = observableLeaves(entry, scope);
    possible = new Set(leaves);
    observable = new Set(leaves.map((leaf) => leaf.split('.')[0]!));
    result.from = scope.from;
  }

  for (const state of model.states) {
    const status = state.status;
    if (wanted.has(status)) continue;
    const own = model.leaves.filter((l) => l.status === status).map((l) => l.leaf);
    const met = possible === undefined ? own : own.filter((leaf) => possible.has(leaf));
    const judged = judgeLeaves(entry, targets, status, met.length > 0 ? met : own);
    if ('pending' in judged) result.pending.push(judged.pending);
    else result.failure.push(judged.failure);
  }

  if (options.after !== undefined) {
    const from = unique(
      model.transitions.filter((t) => t.event === options.after && t.kind === 'operation').map((t) => t.from),
    );
    result.before = { operation: options.after, from: statuses.filter((s) => from.includes(s)) };
  }

  if (observable !== undefined) {
    result.pending = result.pending.filter((p) => observable.has(p.status));
    result.failure = result.failure.filter((f) => observable.has(f.status));
    if (result.before) result.before.from = result.before.from.filter((s) => observable.has(s));
  }
  return result;
}

/**
 * How a wait for `targets` judges `status` when the instance may be in any of the leaf states `leaves` of it (all
 * leaves of one status): pending when outcomes lead from one of them to a target through transitional statuses,
 * a failure otherwise. What `waitForStatus` asks after each observation, with the validator's set of leaf states.
 *
 * @example judgeLeaves(resolveService('kafka'), ['DELETED'], 'DELETING', ['DELETING']) // { pending: {...} }
 */
export function judgeLeaves(
  entry: Service,
  targets: readonly string[],
  status: string,
  leaves: readonly string[],
): { pending: PendingStatus } | { failure: FailureStatus } {
  const model = lifecycleModel(entry);
  const state = model.states.find((s) => s.status === status)!;
  const { untilSettled, anyRoute } = outcomePaths(entry);
  const wanted = new Set(targets);
  let best: { path: OutcomePath; leaf: string } | undefined;
  for (const leaf of leaves) {
    const path = shortestTo(untilSettled.get(leaf)!, wanted);
    if (path && (!best || path.events.length < best.path.events.length)) best = { path, leaf };
  }
  if (best) {
    const failed = state.tags.includes('failed');
    const route = describeRoute(best.path);
    const from = best.leaf === status ? '' : ` from sub-state ${best.leaf.slice(status.length + 1)}`;
    const reason = failed
      ? `outcomes lead${from} to ${best.path.to} (${route}), though the status is tagged failed`
      : `outcomes lead${from} to ${best.path.to} (${route})`;
    const pending: PendingStatus = {
      status,
      reaches: best.path.to,
      events: [...best.path.events],
      failed,
      reason,
    };
    if (best.leaf !== status) pending.subState = best.leaf;
    return { pending };
  }
  const operations = unique(
    model.transitions.filter((t) => leaves.includes(t.fromLeaf) && t.kind === 'operation').map((t) => t.event),
  );
  const settled = new Set(leaves.flatMap((leaf) => [...untilSettled.get(leaf)!.keys()]));
  const outcomesLeadTo = model.states
    .map((s) => s.status)
    .filter((s) => s !== status && settled.has(s) && !isTransitional(model, s));
  let detour: OutcomePath | undefined;
  for (const leaf of leaves) {
    const path = shortestTo(anyRoute.get(leaf)!, wanted);
    if (path && (!detour || path.events.length < detour.events.length)) detour = path;
  }
  const onlyThrough = detour ? detour.through.filter((s) => !isTransitional(model, s)) : [];
  const failure: FailureStatus = {
    status,
    operations,
    outcomesLeadTo,
    onlyThrough,
    reason: failureReason(state.tags, operations, outcomesLeadTo, onlyThrough, detour),
  };
  const own = model.leaves.filter((l) => l.status === status).length;
  if (own > 1 && leaves.length < own) failure.subStates = [...leaves];
  return { failure };
}

/**
 * The leaf states an instance may be in after `operation`: its targets, what outcomes lead to, and where it left
 * from, each with the sub-states of its status that hidden moves reach (the validator, which `waitForStatus` judges
 * with, lets a status move between its sub-states unseen, by any event).
 */
function leavesAfter(model: LifecycleModel, entry: Service, operation: string): Set<string> {
  const taken = model.transitions.filter((t) => t.event === operation && t.kind === 'operation');
  const leaves = new Set<string>();
  const reach = (start: string) => {
    leaves.add(start);
    for (const route of shortestRoutes(entry.machine, start, { events: (_status, leaf) => unseenEvents(model, leaf) }))
      leaves.add(route.leaf);
  };
  for (const t of taken) {
    reach(t.fromLeaf);
    reach(t.toLeaf);
  }
  return leaves;
}

/** `leaf` and the sub-states of its status that hidden moves (transitions within the status) reach from it. */
function hiddenReach(model: LifecycleModel, leaf: string): string[] {
  const reached = [leaf];
  for (let i = 0; i < reached.length; i++)
    for (const t of model.transitions)
      if (t.fromLeaf === reached[i] && t.from === t.to && !reached.includes(t.toLeaf)) reached.push(t.toLeaf);
  return reached;
}

/** The events that may happen from `leaf` with nobody asking for them here: outcomes, and hidden moves. */
function unseenEvents(model: LifecycleModel, leaf: string): string[] {
  return unique(
    model.transitions
      .filter((t) => t.fromLeaf === leaf && (t.kind === 'outcome' || t.from === t.to))
      .map((t) => t.event),
  );
}

function failureReason(
  tags: readonly string[],
  operations: readonly string[],
  outcomesLeadTo: readonly string[],
  onlyThrough: readonly string[],
  detour: OutcomePath | undefined,
): string {
  if (tags.includes('final')) return 'final: nothing follows';
  const needs = operations.length > 0 ? `needs a user operation: ${operations.join(', ')}` : '';
  let outcomes = '';
  if (detour && onlyThrough.length > 0)
    outcomes = `outcomes reach ${detour.to} only after settling in ${onlyThrough.join(', ')}`;
  else if (outcomesLeadTo.length > 0) outcomes = `outcomes lead only to ${outcomesLeadTo.join(', ')}`;
  return [outcomes, needs].filter((part) => part !== '').join('; ') || 'no transition leaves it';
}

function shortestTo(reach: ReadonlyMap<string, OutcomePath>, wanted: ReadonlySet<string>): OutcomePath | undefined {
  let best: OutcomePath | undefined;
  for (const status of wanted) {
    const path = reach.get(status);
    if (path && (!best || path.events.length < best.events.length)) best = path;
  }
  return best;
}

function describeRoute(path: OutcomePath): string {
  return path.events.map((event, i) => `${event} → ${path.through[i] ?? path.to}`).join(', ');
}

function isTransitional(model: ReturnType<typeof lifecycleModel>, status: string): boolean {
  return model.states.find((s) => s.status === status)?.tags.includes('transitional') ?? false;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
