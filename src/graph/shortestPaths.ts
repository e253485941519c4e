/**
 * `shortestPaths`: the shortest path from one status to every status it can reach, found by `xstate/graph`, as
 * plain data (statuses and events).
 */

import { transition } from 'xstate';
import type { Service } from '../../machines/index.js';
import {
  knownStatus,
  leafOf,
  leafValue,
  lifecycleModel,
  perService,
  resolveService,
  type ServiceRef,
  type StatusOf,
} from '../model/index.js';
import { shortestRoutes } from './shortestRoutes.js';

/**
 * A path through a machine: `statuses[i + 1]` follows `statuses[i]` by `events[i]`. `leaves` are the leaf states
 * along it (equal to `statuses` for a machine without sub-states; a hidden move shows its status twice).
 */
export interface LifecyclePath {
  statuses: string[];
  events: string[];
  leaves: string[];
}

/** Options of {@link shortestPaths}. */
export interface ShortestPathsOptions<S extends ServiceRef = string> {
  /** The status to start from (default the machine's initial status). */
  from?: StatusOf<S>;
  /** Only the path to this status (none when it cannot be reached). */
  to?: StatusOf<S>;
}

/**
 * The shortest path from a status to each status it can reach (itself included, as the empty path), in the
 * machine's status order; with `to`, only the path to `to`, if any. Throws a RangeError for an unknown status.
 *
 * @example shortestPaths('kafka', { to: 'DELETED' })[0]?.events // ['CREATE_SUCCEEDED', 'DELETE', 'DELETE_SUCCEEDED']
 */
export function shortestPaths<S extends ServiceRef>(
  service: S,
  options: ShortestPathsOptions<S> = {},
): LifecyclePath[] {
  const model = lifecycleModel(service);
  const from = options.from ?? model.initial;
  checkStatus(service, from);
  if (options.to !== undefined) checkStatus(service, options.to);
  const reached = pathsFrom(service, from);
  const order = model.states.map((s) => s.status).filter((status) => options.to === undefined || status === options.to);
  return order.flatMap((status) => {
    const path = shortestToStatus(reached, status);
    return path ? [copy(path)] : [];
  });
}

/**
 * The shortest paths from `from` (a status, entered at its initial leaf, or a leaf id) to every leaf state it
 * reaches, keyed by the leaf reached (cached per service and start).
 */
export function pathsFrom(service: string | Service, from: string): ReadonlyMap<string, LifecyclePath> {
  const byStart = startsOf(service);
  const cached = byStart.get(from);
  if (cached) return cached;
  const { machine } = resolveService(service);
  const paths = new Map<string, LifecyclePath>();
  const routes = shortestRoutes(machine, from);
  const start = routes[0]!.leaf; // the start itself comes first
  for (const route of routes) {
    if (paths.has(route.leaf)) continue;
    const leaves = [start];
    // the leaves along the route: replay its events on the machine's own transitions
    let snapshot = machine.resolveState({ value: leafValue(start), context: undefined });
    for (const type of route.events) {
      snapshot = transition(machine, snapshot, { type })[0];
      leaves.push(leafOf(snapshot.value));
    }
    paths.set(route.leaf, {
      statuses: leaves.map((leaf) => leaf.split('.')[0]!),
      events: [...route.events],
      leaves,
    });
  }
  byStart.set(from, paths);
  return paths;
}

/** The shortest of the paths to any leaf of `status`, or undefined. */
export function shortestToStatus(paths: ReadonlyMap<string, LifecyclePath>, status: string): LifecyclePath | undefined {
  let best: LifecyclePath | undefined;
  for (const path of paths.values()) {
    if (path.statuses[path.statuses.length - 1] !== status) continue;
    if (!best || path.events.length < best.events.length) best = path;
  }
  return best;
}

const startsOf = perService(() => new Map<string, ReadonlyMap<string, LifecyclePath>>());

/** Throws an UnknownStatusError (a RangeError naming the known statuses) when `status` is not one of the service's. */
export function checkStatus(service: string | Service, status: string): void {
  knownStatus(lifecycleModel(service), status);
}

function copy(path: LifecyclePath): LifecyclePath {
  return { statuses: [...path.statuses], events: [...path.events], leaves: [...path.leaves] };
}
