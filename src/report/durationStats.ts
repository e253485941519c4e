/** `durationStats`: the summary figures of a sketch of durations (count, min, p50, p90, p99, max, mean). */
import type { QuantileSketch } from '../stats/quantileSketch.js';
import type { DurationStats } from './types.js';

/**
 * The figures of a sketch, with the sketch as data. Empty sketches give zeros (and count 0).
 *
 * @example durationStats(sketch).p99
 */
export function durationStats(sketch: QuantileSketch): DurationStats {
  const empty = sketch.count === 0;
  const at = (q: number) => (empty ? 0 : sketch.quantile(q));
  return {
    count: sketch.count,
    min: empty ? 0 : sketch.min,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: empty ? 0 : sketch.max,
    mean: empty ? 0 : sketch.mean,
    sketch: sketch.toData(),
  };
}
