/**
 * `observableStatuses`: the statuses a wait can observe between where it starts and where it ends, so that the
 * lists of a wait can be cut down to what it may really meet (a creation wait meets CREATING, RUNNING and
 * CREATEFAILED, not RESTARTING). Traversed with `@xstate/graph`'s shortest paths from the start statuses, taking
 * every outcome, and the requested operation from the statuses it leaves from; a path stops at a status where the
 * wait ends (a target or a failure status), except at a status the operation leaves from, which the wait may still
 * accept while the request has not shown, and at a transitional status, which polls may miss (the wait then sees
 * what follows it). This errs on the generous side: it may list a status a real wait only meets in unlikely
 * orders, but never leaves out one a wait can meet.
 */
import { getShortestPaths } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { Service } from '../../machines/index.js';
import { lifecycleModel, resolveService } from '../model/lifecycleModel.js';

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
  const before = new Set(model.transitions.filter((t) => t.event === options.after && t.kind === 'operation').map((t) => t.from));
  const events = new Map<string, { type: string }[]>(model.states.map((s) => [s.status, []]));
  for (const t of model.transitions) {
    const taken = t.kind === 'outcome' || (t.event === options.after && before.has(t.from));
    const list = events.get(t.from)!;
    if (taken && !list.some((e) => e.type === t.event)) list.push({ type: t.event });
  }
  const transitional = new Set(model.states.filter((s) => s.tags.includes('transitional')).map((s) => s.status));
  const ends = (status: string) => options.ends.has(status) && !before.has(status);
  const stops = (status: string) => ends(status) && !transitional.has(status);
  const seen = new Set<string>();
  for (const start of options.from) {
    seen.add(start);
    if (ends(start)) continue; // the wait ends at its first observation
    const paths = getShortestPaths(entry.machine, {
      fromState: entry.machine.resolveState({ value: start, context: undefined }),
      events: (state: AnyMachineSnapshot) => events.get(String(state.value)) ?? [],
      stopWhen: (state: AnyMachineSnapshot) => stops(String(state.value)),
    });
    for (const path of paths) seen.add(String(path.state.value));
  }
  return model.states.map((s) => s.status).filter((s) => seen.has(s));
}
