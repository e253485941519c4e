/**
 * `outcomePaths`: where the service's own outcomes (transitions of kind `outcome`, no user operation) can take an
 * instance from each status, with the shortest such path to every status reached: the machine's shortest routes,
 * offering in each status only the events whose transitions there are outcomes.
 */
import type { Service } from '../../machines/index.js';
import { lifecycleModel, perService, statusesTagged } from '../model/index.js';
import { type Route, type RouteOptions, shortestRoutes } from './shortestRoutes.js';

/** A path of outcomes from one status to another: the status reached, the outcomes taken, the statuses between. */
export type OutcomePath = Route;

/**
 * The statuses each leaf state reaches by outcomes alone, keyed by the start leaf (for a status without sub-states,
 * the status itself), then by the status reached (the shortest path to any of its leaves).
 */
export type OutcomeReach = ReadonlyMap<string, ReadonlyMap<string, OutcomePath>>;

/** The two readings of "reachable by outcomes alone" that waiting code needs. */
export interface OutcomePaths {
  /**
   * Paths whose intermediate statuses are all `transitional` (the first status that is not transitional ends a
   * path): what the service does next without anyone acting and without the instance settling anywhere first.
   */
  readonly untilSettled: OutcomeReach;
  /** Paths through any statuses, stable ones included. */
  readonly anyRoute: OutcomeReach;
}

/**
 * Where outcomes alone lead from every status of a service, computed once per machine.
 *
 * @example outcomePaths('kafka').untilSettled.get('EXTENDING')?.get('RUNNING')?.events // ['RESIZE_SUCCEEDED']
 */
export const outcomePaths: (service: string | Service) => OutcomePaths = perService(compute);

function compute(entry: Service): OutcomePaths {
  const model = lifecycleModel(entry);
  const outcomesFrom = new Map<string, string[]>(model.leaves.map((l) => [l.leaf, []]));
  for (const t of model.transitions) {
    const list = outcomesFrom.get(t.fromLeaf)!;
    if (t.kind === 'outcome' && !list.includes(t.event)) list.push(t.event);
  }
  const events = (_status: string, leaf: string) => outcomesFrom.get(leaf) ?? [];
  const transitional = statusesTagged(model, 'transitional');
  const reach = (from: string, options: RouteOptions) => {
    const reached = new Map<string, OutcomePath>();
    for (const route of shortestRoutes(entry.machine, from, options)) {
      if (route.events.length > 0 && route.to !== from.split('.')[0] && !reached.has(route.to))
        reached.set(route.to, route);
    }
    return reached;
  };
  const untilSettled = new Map<string, ReadonlyMap<string, OutcomePath>>();
  const anyRoute = new Map<string, ReadonlyMap<string, OutcomePath>>();
  for (const { leaf } of model.leaves) {
    untilSettled.set(leaf, reach(leaf, { events, stopAt: (to) => !transitional.has(to) }));
    anyRoute.set(leaf, reach(leaf, { events }));
  }
  return { untilSettled, anyRoute };
}
