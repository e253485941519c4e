/**
 * `transitionReport`: the counts of observed changes of status, per status pair, read against the machine:
 * modelled pairs with their counts, those never taken, changes through missed statuses (sampled mode) and the
 * statuses missed, and pairs the machine does not allow.
 */
import type { StatusGraph } from '../graph/statusGraph.js';
import type { LifecycleModel } from '../model/index.js';
import type { ValidationMode } from '../validation/index.js';
import type { TransitionCount, TransitionReport } from './types.js';

/**
 * The transition section of a report, from the count of observed changes per pair (`pairs[from * n + to]`, ids of
 * the graph; the model is the same service's).
 *
 * @example transitionReport(statusGraph('dcs'), lifecycleModel('dcs'), pairs, 'strict').neverObserved
 */
export function transitionReport(
  graph: StatusGraph,
  model: LifecycleModel,
  pairs: Float64Array,
  mode: ValidationMode,
): TransitionReport {
  const n = graph.statuses.length;
  const name = (id: number) => graph.statuses[id]!;
  const modelled = new Map<number, TransitionCount>();
  for (const t of model.transitions) {
    const cell = graph.idOf(t.from) * n + graph.idOf(t.to);
    const known = modelled.get(cell);
    if (known) known.events.push(t.event);
    else modelled.set(cell, { from: t.from, to: t.to, events: [t.event], count: pairs[cell]!, inferred: 0 });
  }
  const throughMissed: TransitionReport['throughMissed'] = [];
  const missed = new Float64Array(n);
  const illegal: TransitionReport['illegal'] = [];
  const table = mode === 'sampled' ? graph.sampled : graph.strict;
  for (let cell = 0; cell < n * n; cell++) {
    const count = pairs[cell]!;
    if (count === 0 || modelled.has(cell)) continue;
    const from = Math.floor(cell / n);
    const to = cell % n;
    const explanation = table[cell]! >= 0 ? graph.explanations[table[cell]!] : undefined;
    if (explanation === undefined || explanation.missed.length === 0) {
      illegal.push({ from: name(from), to: name(to), count });
      continue;
    }
    throughMissed.push({ from: name(from), to: name(to), missed: [...explanation.missed], count });
    const path = [name(from), ...explanation.missed, name(to)];
    for (let i = 0; i + 1 < path.length; i++) {
      const hop = modelled.get(graph.idOf(path[i]!) * n + graph.idOf(path[i + 1]!));
      if (hop) hop.inferred += count;
    }
    for (const status of explanation.missed) missed[graph.idOf(status)]! += count;
  }
  const list = [...modelled.values()];
  return {
    modelled: list,
    neverObserved: list
      .filter((t) => t.count === 0 && t.inferred === 0)
      .map(({ from, to, events }) => ({ from, to, events: [...events] })),
    throughMissed: throughMissed.sort((a, b) => b.count - a.count),
    missed: graph.statuses.flatMap((status, id) => (missed[id]! > 0 ? [{ status, count: missed[id]! }] : [])),
    illegal: illegal.sort((a, b) => b.count - a.count),
  };
}
