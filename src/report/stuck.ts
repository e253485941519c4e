/**
 * `stuckInstances`: instances whose last status is transitional (the service should move them on by itself) and
 * has lasted longer than a threshold, measured up to the newest time in the input: a fixed threshold, or by
 * default the status's own p99 dwell time in the same input.
 */
import type { StatusGraph } from '../graph/statusGraph.js';
import type { QuantileSketch } from '../stats/quantileSketch.js';
import type { StuckInstance, StuckReport } from './types.js';

/** Where an instance stands at the end of the input. */
export interface InstanceEnd {
  instance: string | null;
  /** Status id, or -1. */
  current: number;
  /** Time of the first observation of the current status. */
  since: number;
  entered: boolean;
  file: string;
  line: number | undefined;
}

/** Options of {@link stuckInstances}. */
export interface StuckOptions {
  /** The newest time in the input, or null. */
  newest: number | null;
  /** A fixed threshold (default: the status's p99). */
  stuckAfter?: number;
  /** 1 where the status (by id) is transitional. */
  transitional: Uint8Array;
}

/**
 * The stuck instances, oldest first.
 *
 * @example stuckInstances(graph, ends, dwellSketches, { newest, transitional }).instances
 */
export function stuckInstances(
  graph: StatusGraph,
  ends: Iterable<InstanceEnd>,
  dwell: readonly QuantileSketch[],
  options: StuckOptions,
): StuckReport {
  const instances: StuckInstance[] = [];
  const unjudged = new Map<number, number>();
  const newest = options.newest;
  if (newest !== null) {
    for (const end of ends) {
      if (end.current < 0 || options.transitional[end.current] !== 1 || Number.isNaN(end.since)) continue;
      const sketch = dwell[end.current]!;
      const threshold = options.stuckAfter ?? (sketch.count > 0 ? sketch.quantile(0.99) : undefined);
      if (threshold === undefined) {
        unjudged.set(end.current, (unjudged.get(end.current) ?? 0) + 1);
        continue;
      }
      const age = newest - end.since;
      if (age <= threshold) continue;
      instances.push({
        instance: end.instance,
        status: graph.statuses[end.current]!,
        since: end.since,
        age,
        threshold,
        entered: end.entered,
        file: end.file,
        ...(end.line === undefined ? {} : { line: end.line }),
      });
    }
  }
  return {
    newest,
    threshold: options.stuckAfter ?? 'p99',
    instances: instances.sort((a, b) => b.age - a.age),
    unjudged: [...unjudged].map(([id, count]) => ({ status: graph.statuses[id]!, instances: count })),
  };
}
