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

/** The statuses each status reaches by outcomes alone, keyed by the start status, then by the status reached. */
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
  const outcomesFrom = new Map<string, string[]>(model.states.map((state) => [state.status, []]));
  for (const t of model.transitions) {
    const list = outcomesFrom.get(t.from)!;
    if (t.kind === 'outcome' && !list.includes(t.event)) list.push(t.event);
  }
  const events = (status: string) => outcomesFrom.get(status) ?? [];
  const transitional = statusesTagged(model, 'transitional');
  const reach = (from: string, options: RouteOptions) =>
    new Map(
      shortestRoutes(entry.machine, from, options)
        .filter((r) => r.events.length > 0)
        .map((r) => [r.to, r]),
    );
  const untilSettled = new Map<string, ReadonlyMap<string, OutcomePath>>();
  const anyRoute = new Map<string, ReadonlyMap<string, OutcomePath>>();
  for (const { status } of model.states) {
    untilSettled.set(status, reach(status, { events, stopAt: (to) => !transitional.has(to) }));
    anyRoute.set(status, reach(status, { events }));
  }
  return { untilSettled, anyRoute };
}
