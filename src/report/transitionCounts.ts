/**
 * `transitionReport`: the counts of observed changes of status, as the validator judged them, read against the
 * machine: modelled pairs with their counts, those never taken, changes through missed statuses and the statuses
 * missed, and changes judged illegal.
 */
import type { StatusGraph } from '../graph/statusGraph.js';
import type { TransitionCount, TransitionReport } from './types.js';

/** Legal changes from one status to another through the same missed statuses (ids of the graph). */
export interface MissedPath {
  from: number;
  to: number;
  missed: string[];
  count: number;
}

/** The changes a fleet showed, as the validator judged each one (ids of the graph; `n * n` cells by `from * n + to`). */
export interface ObservedChanges {
  /** Legal changes of one transition, per pair. */
  pairs: Float64Array;
  /** Legal changes through missed statuses. */
  missed: readonly MissedPath[];
  /** Changes judged illegal, per pair. */
  illegal: Float64Array;
}

/**
 * The transition section of a report, from the changes observed (the machine's transitions are the graph's).
 * A pair of one transition whose events are not the machine's (none: a legal step of one transition is one) is
 * listed as through missed statuses, with none missed, so no change is ever dropped.
 *
 * @example transitionReport(statusGraph('dcs'), changes).neverObserved
 */
export function transitionReport(graph: StatusGraph, changes: ObservedChanges): TransitionReport {
  const n = graph.statuses.length;
  const name = (id: number) => graph.statuses[id]!;
  const modelled = new Map<number, TransitionCount>();
  for (const t of graph.transitions) {
    if (t.from === t.to) continue; // a hidden move between sub-states of one status: no change the API shows
    const cell = t.from * n + t.to;
    const known = modelled.get(cell);
    if (known) {
      if (!known.events.includes(t.event)) known.events.push(t.event);
    } else
      modelled.set(cell, {
        from: name(t.from),
        to: name(t.to),
        events: [t.event],
        count: changes.pairs[cell]!,
        inferred: 0,
      });
  }
  const paths: MissedPath[] = [...changes.missed];
  const illegal: TransitionReport['illegal'] = [];
  for (let cell = 0; cell < n * n; cell++) {
    const from = Math.floor(cell / n);
    const to = cell % n;
    if (changes.illegal[cell]! > 0) illegal.push({ from: name(from), to: name(to), count: changes.illegal[cell]! });
    if (changes.pairs[cell]! > 0 && !modelled.has(cell))
      paths.push({ from, to, missed: [], count: changes.pairs[cell]! });
  }
  const missed = new Float64Array(n);
  for (const p of paths) {
    const path = [name(p.from), ...p.missed, name(p.to)];
    for (let i = 0; i + 1 < path.length; i++) {
      const hop = modelled.get(graph.idOf(path[i]!) * n + graph.idOf(path[i + 1]!));
      if (hop) hop.inferred += p.count;
    }
    for (const status of p.missed) missed[graph.idOf(status)]! += p.count;
  }
  const list = [...modelled.values()];
  return {
    modelled: list,
    neverObserved: list
      .filter((t) => t.count === 0 && t.inferred === 0)
      .map(({ from, to, events }) => ({ from, to, events: [...events] })),
    throughMissed: paths
      .map((p) => ({ from: name(p.from), to: name(p.to), missed: [...p.missed], count: p.count }))
      .sort((a, b) => b.count - a.count),
    missed: graph.statuses.flatMap((status, id) => (missed[id]! > 0 ? [{ status, count: missed[id]! }] : [])),
    illegal: illegal.sort((a, b) => b.count - a.count),
  };
}
