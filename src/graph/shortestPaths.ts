/**
 * `shortestPaths`: the shortest path from one status to every status it can reach, found by `@xstate/graph`, as
 * plain data (statuses and events).
 */
import { getShortestPaths } from '@xstate/graph';
import type { AnyStateMachine } from 'xstate';
import type { Service } from '../../machines/index.js';
import { knownStatus } from '../model/lookup.js';
import { lifecycleModel, resolveService } from '../model/lifecycleModel.js';

/** A path through a machine: `statuses[i + 1]` follows `statuses[i]` by `events[i]`. */
export interface LifecyclePath {
  statuses: string[];
  events: string[];
}

/** Options of {@link shortestPaths}. */
export interface ShortestPathsOptions {
  /** The status to start from (default the machine's initial status). */
  from?: string;
  /** Only the path to this status (none when it cannot be reached). */
  to?: string;
}

const cache = new WeakMap<AnyStateMachine, Map<string, Map<string, LifecyclePath>>>();

/**
 * The shortest path from a status to each status it can reach (itself included, as the empty path), in the
 * machine's status order; with `to`, only the path to `to`, if any. Throws a RangeError for an unknown status.
 *
 * @example shortestPaths('kafka', { to: 'DELETED' })[0]?.events // ['CREATE_SUCCEEDED', 'DELETE', 'DELETE_SUCCEEDED']
 */
export function shortestPaths(service: string | Service, options: ShortestPathsOptions = {}): LifecyclePath[] {
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

/** The shortest paths from `from` to every status it reaches, keyed by target (cached per machine and status). */
export function pathsFrom(service: string | Service, from: string): ReadonlyMap<string, LifecyclePath> {
  const { machine } = resolveService(service);
  let byStart = cache.get(machine);
  if (!byStart) cache.set(machine, (byStart = new Map()));
  const cached = byStart.get(from);
  if (cached) return cached;
  const fromState = machine.resolveState({ value: from, context: undefined });
  const paths = new Map<string, LifecyclePath>();
  for (const path of getShortestPaths(machine, { fromState })) {
    const hops = path.steps.slice(1); // steps[0] is the start, reached by xstate.init
    paths.set(String(path.state.value), {
      statuses: [from, ...hops.map((step) => String(step.state.value))],
      events: hops.map((step) => step.event.type),
    });
  }
  byStart.set(from, paths);
  return paths;
}

/** Throws an UnknownStatusError (a RangeError naming the known statuses) when `status` is not one of the service's. */
export function checkStatus(service: string | Service, status: string): void {
  knownStatus(lifecycleModel(service), status);
}

function copy(path: LifecyclePath): LifecyclePath {
  return { statuses: [...path.statuses], events: [...path.events] };
}
