/**
 * `QuantileSketch`: a small mergeable quantile sketch in the style of DDSketch (Masson, Rim and Lee, VLDB 2019).
 * Positive values go to logarithmic buckets: with `gamma = (1 + alpha) / (1 - alpha)`, bucket `i` holds the values
 * in `(gamma^(i-1), gamma^i]` and stands for `2 gamma^i / (gamma + 1)`, which is within a relative error `alpha` of
 * every value in the bucket. Zero goes to a bucket of its own (exact), and so do positive values below
 * {@link MIN_VALUE} (counted as zero: far below any duration).
 *
 * Error bound: for any q, `quantile(q)` is within a relative error `alpha` (default 1%) of the exact lower
 * quantile, the value of rank `floor(q * (count - 1))` (0-based) of the sorted values; count, min, max and sum are
 * exact. Memory is one counter per bucket from the lowest to the highest in use: about `ln(max / min) / (2 alpha)`
 * buckets, e.g. under 1,200 for durations from 1 ms to a year at 1%, whatever the number of values. The window
 * spans at most {@link MAX_BUCKETS} buckets (512 KiB): the bound holds while the largest positive value is at most
 * `gamma^MAX_BUCKETS` times the smallest (about 10^569 at 1%, 10^56 at 0.1%); beyond, the lowest buckets are merged
 * and only the smallest values lose it. Two sketches with the same `alpha` merge exactly
 * (the merged sketch is the sketch of all the values).
 */
import { BadArgumentError } from '../model/badArgument.js';

/** The relative accuracy used unless told otherwise. */
export const DEFAULT_ALPHA = 0.01;
/** Positive values below this are counted as zero. */
export const MIN_VALUE = 1e-300;
/** The most buckets a sketch keeps (the lowest are merged beyond). */
export const MAX_BUCKETS = 65_536;

/** A sketch as plain data (JSON): what reports carry, and what {@link QuantileSketch.fromData} reads back. */
export interface SketchData {
  /** Relative accuracy. */
  alpha: number;
  /** Number of values. */
  count: number;
  /** Values equal to zero (or below {@link MIN_VALUE}). */
  zeros: number;
  /** Smallest and largest value, and their sum (exact). */
  min: number;
  max: number;
  sum: number;
  /** Non-empty buckets as `[index, count]`, by increasing index; bucket `i` holds `(gamma^(i-1), gamma^i]`. */
  bins: [number, number][];
}

/** A mergeable quantile sketch with relative error `alpha` (see the module comment). */
export class QuantileSketch {
  readonly alpha: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  /** Bucket counts: `counts[i]` is bucket `offset + i` (a dense window, grown as needed). */
  private counts = new Float64Array(0);
  private offset = 0;
  private total = 0;
  private zeros = 0;
  private low = Infinity;
  private high = -Infinity;
  private sum = 0;

  /**
   * An empty sketch; `alpha` is the relative accuracy, between 0 and 1 (exclusive).
   *
   * @example const s = new QuantileSketch(0.01); for (const d of durations) s.add(d); s.quantile(0.99)
   */
  constructor(alpha = DEFAULT_ALPHA) {
    if (!(alpha > 0 && alpha < 1)) throw new BadArgumentError(`sketch: alpha must be between 0 and 1, got ${alpha}`);
    this.alpha = alpha;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  /** How many values were added. */
  get count(): number {
    return this.total;
  }

  /** The smallest value added (NaN when empty). */
  get min(): number {
    return this.total === 0 ? NaN : this.low;
  }

  /** The largest value added (NaN when empty). */
  get max(): number {
    return this.total === 0 ? NaN : this.high;
  }

  /** The mean of the values added (NaN when empty). */
  get mean(): number {
    return this.total === 0 ? NaN : this.sum / this.total;
  }

  /** Add a value: a finite number >= 0 (others throw a BadArgumentError). */
  add(value: number, times = 1): void {
    if (!(value >= 0) || value === Infinity)
      throw new BadArgumentError(`sketch: expected a finite value >= 0, got ${value}`);
    this.total += times;
    this.sum += value * times;
    if (value < this.low) this.low = value;
    if (value > this.high) this.high = value;
    if (value < MIN_VALUE) {
      this.zeros += times;
      return;
    }
    let position = Math.ceil(Math.log(value) / this.logGamma) - this.offset;
    if (position < 0 || position >= this.counts.length) position = this.cover(position + this.offset);
    this.counts[position]! += times;
  }

  /** Add every value of another sketch with the same `alpha` (throws otherwise). */
  merge(other: QuantileSketch): void {
    if (other.alpha !== this.alpha)
      throw new BadArgumentError(`sketch: cannot merge alpha ${other.alpha} into alpha ${this.alpha}`);
    if (other.total === 0) return;
    this.total += other.total;
    this.sum += other.sum;
    this.zeros += other.zeros;
    this.low = Math.min(this.low, other.low);
    this.high = Math.max(this.high, other.high);
    for (const [index, count] of other.sortedBins()) {
      const position = this.cover(index); // first: it may replace the array
      this.counts[position]! += count;
    }
  }

  /**
   * The estimated lower q-quantile (0 <= q <= 1): within `alpha` of the value of rank `floor(q * (count - 1))`.
   * NaN when empty.
   *
   * @example sketch.quantile(0.5) // the median, within 1%
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new BadArgumentError(`sketch: quantile must be between 0 and 1, got ${q}`);
    if (this.total === 0) return NaN;
    const rank = Math.floor(q * (this.total - 1));
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    for (const [index, count] of this.sortedBins()) {
      seen += count;
      if (seen > rank) return this.clamp((2 * this.gamma ** index) / (this.gamma + 1));
    }
    return this.high;
  }

  /**
   * The value at a point `u` (0 <= u < 1) of the distribution: the inverse of its cumulative distribution, linear
   * within a bucket and clamped to [min, max]. With `u` uniform, the result follows the sketched distribution (for
   * simulations calibrated from observed durations).
   */
  valueAt(u: number): number {
    if (this.total === 0) return NaN;
    const position = Math.min(Math.max(u, 0), 1) * this.total;
    if (position < this.zeros) return 0;
    let seen = this.zeros;
    for (const [index, count] of this.sortedBins()) {
      if (position < seen + count) {
        const lower = this.gamma ** (index - 1);
        const upper = this.gamma ** index;
        return this.clamp(lower + ((position - seen) / count) * (upper - lower));
      }
      seen += count;
    }
    return this.high;
  }

  /** The sketch as plain data. */
  toData(): SketchData {
    return {
      alpha: this.alpha,
      count: this.total,
      zeros: this.zeros,
      min: this.total === 0 ? 0 : this.low,
      max: this.total === 0 ? 0 : this.high,
      sum: this.sum,
      bins: this.sortedBins(),
    };
  }

  /**
   * A sketch read back from plain data (a report's JSON); throws a BadArgumentError naming what is malformed.
   *
   * @example QuantileSketch.fromData(report.dwell.statuses[0].sketch).quantile(0.9)
   */
  static fromData(data: SketchData, what = 'sketch'): QuantileSketch {
    const fail = (detail: string): never => {
      throw new BadArgumentError(`${what}: ${detail}`);
    };
    if (typeof data !== 'object' || data === null) fail('expected an object');
    const sketch = new QuantileSketch(typeof data.alpha === 'number' ? data.alpha : fail('expected "alpha"'));
    for (const key of ['count', 'zeros', 'min', 'max', 'sum'] as const) {
      if (typeof data[key] !== 'number' || !Number.isFinite(data[key]) || data[key] < 0)
        fail(`expected "${key}" to be a number >= 0`);
    }
    if (!Array.isArray(data.bins)) fail('expected "bins" to be a list of [index, count]');
    let total = data.zeros;
    for (const bin of data.bins) {
      if (!Array.isArray(bin) || !Number.isSafeInteger(bin[0]) || !Number.isSafeInteger(bin[1]) || bin[1] < 1)
        fail('expected every bin to be [whole index, count >= 1]');
      const position = sketch.cover(bin[0]); // first: it may replace the array
      sketch.counts[position]! += bin[1];
      total += bin[1];
    }
    if (total !== data.count) fail(`the bins hold ${total} values, but "count" says ${data.count}`);
    if (data.count > 0 && data.min > data.max) fail('"min" is larger than "max"');
    sketch.total = data.count;
    sketch.zeros = data.zeros;
    sketch.sum = data.sum;
    if (data.count > 0) {
      sketch.low = data.min;
      sketch.high = data.max;
    }
    return sketch;
  }

  private sortedBins(): [number, number][] {
    const bins: [number, number][] = [];
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i]! > 0) bins.push([this.offset + i, this.counts[i]!]);
    return bins;
  }

  /**
   * The position of bucket `index` in `counts`, growing the window to cover it. The window spans at most
   * {@link MAX_BUCKETS} buckets: past that, the lowest buckets are merged into the lowest one kept.
   */
  private cover(index: number): number {
    const length = this.counts.length;
    if (length === 0) {
      this.counts = new Float64Array(64);
      this.offset = index - 32;
      return 32;
    }
    if (index >= this.offset && index < this.offset + length) return index - this.offset;
    const slack = Math.max(32, length); // grow geometrically
    let low = Math.min(this.offset, index - (index < this.offset ? slack : 0));
    let high = Math.max(this.offset + length - 1, index + (index >= this.offset + length ? slack : 0));
    if (high - low + 1 > MAX_BUCKETS) {
      high = Math.max(high - (index >= this.offset + length ? slack : 0), this.offset + length - 1, index);
      low = Math.max(low, high - MAX_BUCKETS + 1);
    }
    const counts = new Float64Array(high - low + 1);
    for (let i = 0; i < length; i++) {
      const count = this.counts[i]!;
      if (count > 0) counts[Math.max(this.offset + i, low) - low]! += count;
    }
    this.counts = counts;
    this.offset = low;
    return Math.max(index, low) - low;
  }

  private clamp(value: number): number {
    return Math.min(Math.max(value, this.low), this.high);
  }
}
