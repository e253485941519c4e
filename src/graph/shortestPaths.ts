/**
 * `shortestPaths`: the shortest path from one status to every status it can reach, found by `xstate/graph`, as
 * plain data (statuses and events).
 */
import type { Service } from '../../machines/index.js';
import {
  knownStatus,
  lifecycleModel,
  perService,
  resolveService,
  type ServiceRef,
  type StatusOf,
} from '../model/index.js';
import { shortestRoutes } from './shortestRoutes.js';

/** A path through a machine: `statuses[i + 1]` follows `statuses[i]` by `events[i]`. */
export interface LifecyclePath {
  statuses: string[];
  events: string[];
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
    const path = reached.get(status);
    return path ? [copy(path)] : [];
  });
}

/** The shortest paths from `from` to every status it reaches, keyed by target (cached per service and status). */
export function pathsFrom(service: string | Service, from: string): ReadonlyMap<string, LifecyclePath> {
  const byStart = startsOf(service);
  const cached = byStart.get(from);
  if (cached) return cached;
  const { machine } = resolveService(service);
  const paths = new Map<string, LifecyclePath>();
  for (const route of shortestRoutes(machine, from)) {
    paths.set(route.to, {
      statuses: [from, ...route.through, ...(route.events.length > 0 ? [route.to] : [])],
      events: [...route.events],
    });
  }
  byStart.set(from, paths);
  return paths;
}

const startsOf = perService(() => new Map<string, ReadonlyMap<string, LifecyclePath>>());

/** Throws an UnknownStatusError (a RangeError naming the known statuses) when `status` is not one of the service's. */
export function checkStatus(service: string | Service, status: string): void {
  knownStatus(lifecycleModel(service), status);
}

function copy(path: LifecyclePath): LifecyclePath {
  return { statuses: [...path.statuses], events: [...path.events] };
}
