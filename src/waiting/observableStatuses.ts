/**
 * `observableStatuses`: the statuses a wait can observe between where it starts and where it ends, so that the
 * lists of a wait can be cut down to what it may really meet (a creation wait meets CREATING, RUNNING and
 * CREATEFAILED, not RESTARTING). Traversed with the machine's shortest routes from the start statuses, taking
 * every outcome, and the requested operation from the statuses it leaves from; a path stops at a status where the
 * wait ends (a target or a failure status), except at a status the operation leaves from, which the wait may still
 * accept while the request has not shown, and at a transitional status, which polls may miss (the wait then sees
 * what follows it). This errs on the generous side: it may list a status a real wait only meets in unlikely
 * orders, but never leaves out one a wait can meet.
 */
import type { Service } from '../../machines/index.js';
import { shortestRoutes } from '../graph/index.js';
import { lifecycleModel, resolveService, statusesTagged } from '../model/index.js';

/** Options of {@link observableStatuses}. */
export interface WaitScopeOptions {
  /** The statuses the instance may be in when the wait starts. */
  from: readonly string[];
  /** The statuses at which the wait ends: its targets and its failure statuses. */
  ends: ReadonlySet<string>;
  /** The operation just requested, if any. */
  after?: string;
}

/**
 * The statuses a wait can observe, in machine order (the start statuses included).
 *
 * @example observableStatuses('kafka', { from: ['CREATING'], ends: new Set(['RUNNING', 'CREATEFAILED']) })
 * // ['CREATING', 'CREATEFAILED', 'RUNNING']
 */
export function observableStatuses(service: string | Service, options: WaitScopeOptions): string[] {
  const entry = resolveService(service);
  const model = lifecycleModel(entry);
  const before = new Set(
    model.transitions.filter((t) => t.event === options.after && t.kind === 'operation').map((t) => t.from),
  );
  const events = new Map<string, string[]>(model.states.map((s) => [s.status, []]));
  for (const t of model.transitions) {
    const taken = t.kind === 'outcome' || (t.event === options.after && before.has(t.from));
    const list = events.get(t.from)!;
    if (taken && !list.includes(t.event)) list.push(t.event);
  }
  const transitional = statusesTagged(model, 'transitional');
  const ends = (status: string) => options.ends.has(status) && !before.has(status);
  const seen = new Set<string>();
  for (const start of options.from) {
    seen.add(start);
    if (ends(start)) continue; // the wait ends at its first observation
    const routes = shortestRoutes(entry.machine, start, {
      events: (status) => events.get(status) ?? [],
      stopAt: (status) => ends(status) && !transitional.has(status),
    });
    for (const route of routes) seen.add(route.to);
  }
  return model.states.map((s) => s.status).filter((s) => seen.has(s));
}
