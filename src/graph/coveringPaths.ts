/**
 * `coveringPaths`: a test plan for model-based tests of a client: paths from a status that together take every
 * transition reachable from it at least once. Each transition's candidate path is the shortest path (from
 * `xstate/graph`) to its source, the transition itself, and, with `to`, the shortest path on to `to`; a greedy
 * cover then keeps the candidates that take the most transitions not yet taken.
 */
import { lifecycleModel, type ServiceRef, type StatusOf } from '../model/index.js';
import { checkStatus, type LifecyclePath, pathsFrom, shortestToStatus } from './shortestPaths.js';

/** Options of {@link coveringPaths}. */
export interface CoveringPathsOptions<S extends ServiceRef = string> {
  /** The status every path starts from (default the machine's initial status). */
  from?: StatusOf<S>;
  /** The status every path ends at (default: wherever the covered transition leads). */
  to?: StatusOf<S>;
}

/** A transition no path of the plan can take (not reachable from `from`, or no way on to `to`). */
export interface UncoveredTransition {
  from: string;
  event: string;
  to: string;
  /** The leaf state it leaves (equals `from` for a status without sub-states). */
  fromLeaf: string;
  /** The leaf state it enters. */
  toLeaf: string;
}

/** The result of {@link coveringPaths}. */
export interface CoveringPlan {
  service: string;
  from: string;
  to?: string;
  /** The paths; together they take every transition but the uncovered ones. */
  paths: LifecyclePath[];
  /** Transitions the paths cannot take, in machine order (empty from the initial status without `to`). */
  uncovered: UncoveredTransition[];
}

/**
 * Paths from a status (default the initial one) that together take every transition they can reach at least
 * once, optionally all ending at `to`. Throws a RangeError for an unknown status.
 *
 * @example
 * for (const path of coveringPaths('dcs').paths) {
 *   // drive your client through path.events and check it reports path.statuses
 * }
 */
export function coveringPaths<S extends ServiceRef>(service: S, options: CoveringPathsOptions<S> = {}): CoveringPlan {
  const model = lifecycleModel(service);
  const from = options.from ?? model.initial;
  checkStatus(service, from);
  if (options.to !== undefined) checkStatus(service, options.to);
  const toSource = pathsFrom(service, from);
  const candidates: { path: LifecyclePath; takes: Set<string> }[] = [];
  const uncovered: UncoveredTransition[] = [];
  const wanted = new Set<string>();
  for (const t of model.transitions) {
    const head = toSource.get(t.fromLeaf);
    const tail =
      options.to === undefined
        ? { statuses: [t.to], events: [], leaves: [t.toLeaf] }
        : shortestToStatus(pathsFrom(service, t.toLeaf), options.to);
    if (!head || !tail) {
      uncovered.push({ from: t.from, event: t.event, to: t.to, fromLeaf: t.fromLeaf, toLeaf: t.toLeaf });
      continue;
    }
    const path = {
      statuses: [...head.statuses, ...tail.statuses],
      events: [...head.events, t.event, ...tail.events],
      leaves: [...head.leaves, ...tail.leaves],
    };
    candidates.push({ path, takes: new Set(path.events.map((event, i) => key(path.leaves[i]!, event))) });
    wanted.add(key(t.fromLeaf, t.event));
  }
  const paths: LifecyclePath[] = [];
  while (wanted.size > 0) {
    let best = candidates[0]!;
    let bestGain = -1;
    for (const candidate of candidates) {
      const gain = [...candidate.takes].filter((k) => wanted.has(k)).length;
      if (gain > bestGain) [best, bestGain] = [candidate, gain];
    }
    paths.push(best.path);
    for (const k of best.takes) wanted.delete(k);
  }
  const plan: CoveringPlan = { service: model.service, from, paths, uncovered };
  if (options.to !== undefined) plan.to = options.to;
  return plan;
}

function key(from: string, event: string): string {
  return `${from}\u0000${event}`;
}
