/**
 * `observableStatuses`: the statuses a wait can observe between where it starts and where it ends, so that the
 * lists of a wait can be cut down to what it may really meet (a creation wait meets CREATING, RUNNING and
 * CREATEFAILED, not RESTARTING). Traversed leaf state by leaf state (a status may hide sub-states) with the
 * machine's shortest routes from the start statuses, taking every outcome, and the requested operation from the
 * leaves it leaves from; a path stops at a leaf where the wait ends (a target, or a leaf judged a failure), except
 * at a leaf the operation leaves from, which the wait may still accept while the request has not shown, and at a
 * transitional status, which polls may miss (the wait then sees what follows it). This errs on the generous side:
 * it may list a status a real wait only meets in unlikely orders, but never leaves out one a wait can meet.
 */
import type { Service } from '../../machines/index.js';
import { shortestRoutes } from '../graph/index.js';
import { lifecycleModel, resolveService, statusesTagged } from '../model/index.js';

/** Options of {@link observableStatuses}. */
export interface WaitScopeOptions {
  /** The statuses the instance may be in when the wait starts. */
  from: readonly string[];
  /**
   * Where the wait ends: its targets and its failure statuses, as a set of statuses, or as a test of a leaf state
   * (a status with sub-states may end a wait in one sub-state and not in another).
   */
  ends: ReadonlySet<string> | ((leaf: string) => boolean);
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
  const model = lifecycleModel(service);
  const seen = new Set(observableLeaves(service, options).map((leaf) => leaf.split('.')[0]!));
  return model.states.map((s) => s.status).filter((s) => seen.has(s));
}

/** The leaf states a wait can observe (see {@link observableStatuses}), in machine order. */
export function observableLeaves(service: string | Service, options: WaitScopeOptions): string[] {
  const entry = resolveService(service);
  const model = lifecycleModel(entry);
  const before = new Set(
    model.transitions.filter((t) => t.event === options.after && t.kind === 'operation').map((t) => t.fromLeaf),
  );
  const events = new Map<string, string[]>(model.leaves.map((l) => [l.leaf, []]));
  for (const t of model.transitions) {
    // outcomes, the operation waited after, and hidden moves between sub-states of one status (free for the
    // validator that judges the wait's observations)
    const taken = t.kind === 'outcome' || (t.event === options.after && before.has(t.fromLeaf)) || t.from === t.to;
    const list = events.get(t.fromLeaf)!;
    if (taken && !list.includes(t.event)) list.push(t.event);
  }
  const transitional = statusesTagged(model, 'transitional');
  const given = options.ends;
  const endsAt = typeof given === 'function' ? given : (leaf: string) => given.has(leaf.split('.')[0]!);
  const ends = (leaf: string) => endsAt(leaf) && !before.has(leaf);
  const seen = new Set<string>();
  const starts = model.leaves.filter((l) => options.from.includes(l.status)).map((l) => l.leaf);
  for (const start of starts) {
    seen.add(start);
    if (ends(start)) continue; // the wait ends at its first observation
    const routes = shortestRoutes(entry.machine, start, {
      events: (_status, leaf) => events.get(leaf) ?? [],
      stopAt: (status, leaf) => ends(leaf) && !transitional.has(status),
    });
    for (const route of routes) seen.add(route.leaf);
  }
  return model.leaves.map((l) => l.leaf).filter((leaf) => seen.has(leaf));
}
