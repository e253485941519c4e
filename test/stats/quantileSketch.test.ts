/** The quantile sketch keeps its promise: quantiles within alpha of the exact ones, exact merges, data round trips. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BadArgumentError } from '../../src/model/index.js';
import { DEFAULT_ALPHA, MAX_BUCKETS, QuantileSketch } from '../../src/stats/quantileSketch.js';

/** The exact lower q-quantile the sketch promises to approximate: rank floor(q * (n - 1)) of the sorted values. */
function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

/**
 * Values over many magnitudes (durations from a microsecond to years), with zeros and repeats: within the range
 * the bound is promised for at every alpha tested (largest / smallest below gamma^MAX_BUCKETS).
 */
const values = fc.array(
  fc.oneof(
    fc.double({ min: 1e-3, max: 1e12, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: 10_000_000 }),
    fc.constantFrom(0, 1, 60_000, 3_600_000),
  ),
  { minLength: 1, maxLength: 400 },
);
const alphas = fc.constantFrom(DEFAULT_ALPHA, 0.001, 0.05, 0.2);
const quantiles = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1];

function sketchOf(list: readonly number[], alpha = DEFAULT_ALPHA): QuantileSketch {
  const sketch = new QuantileSketch(alpha);
  for (const v of list) sketch.add(v);
  return sketch;
}

describe('QuantileSketch', () => {
  test.prop([values, alphas])('every quantile is within the relative error alpha of the exact one', (list, alpha) => {
    const sketch = sketchOf(list, alpha);
    const sorted = [...list].sort((a, b) => a - b);
    for (const q of quantiles) {
      const exact = exactQuantile(sorted, q);
      const estimate = sketch.quantile(q);
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(alpha * exact * (1 + 1e-9));
    }
    expect(sketch.count).toBe(list.length);
    expect(sketch.min).toBe(sorted[0]);
    expect(sketch.max).toBe(sorted[sorted.length - 1]);
  });

  test.prop([values, values])('merging two sketches gives the sketch of all the values', (a, b) => {
    const merged = sketchOf(a);
    merged.merge(sketchOf(b));
    const all = sketchOf([...a, ...b]).toData();
    const data = merged.toData();
    expect({ ...data, sum: 0 }).toEqual({ ...all, sum: 0 });
    expect(data.sum).toBeCloseTo(all.sum, 0);
  });

  test.prop([values])('its plain data reads back to the same sketch', (list) => {
    const data = sketchOf(list).toData();
    const back = QuantileSketch.fromData(JSON.parse(JSON.stringify(data)));
    expect(back.toData()).toEqual(data);
    for (const q of quantiles) expect(back.quantile(q)).toBe(sketchOf(list).quantile(q));
  });

  test.prop([values, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'valueAt is an increasing map of [0, 1] into [min, max]',
    (list, u, w) => {
      const sketch = sketchOf(list);
      const [low, high] = u <= w ? [u, w] : [w, u];
      expect(sketch.valueAt(low)).toBeLessThanOrEqual(sketch.valueAt(high));
      expect(sketch.valueAt(low)).toBeGreaterThanOrEqual(sketch.min);
      expect(sketch.valueAt(high)).toBeLessThanOrEqual(sketch.max);
    },
  );

  it('keeps few buckets: one per factor of (1 + alpha) / (1 - alpha) in use', () => {
    const sketch = new QuantileSketch(0.01);
    for (let ms = 1; ms <= 365 * 86_400_000; ms = Math.ceil(ms * 1.001)) sketch.add(ms);
    expect(sketch.toData().bins.length).toBeLessThan(1200);
  });

  it('past MAX_BUCKETS merges the lowest buckets: counts stay exact, and the high quantiles keep the bound', () => {
    const alpha = 0.001;
    const list = Array.from({ length: 2000 }, (_, i) => 10 ** (-60 + (120 * i) / 1999)); // 10^120 > gamma^MAX_BUCKETS
    const sketch = sketchOf(list, alpha);
    const data = sketch.toData();
    expect(data.count).toBe(list.length);
    expect(data.bins.at(-1)![0] - data.bins[0]![0]).toBeLessThan(MAX_BUCKETS);
    for (const q of [0.9, 0.99, 1]) {
      const exact = exactQuantile(list, q);
      expect(Math.abs(sketch.quantile(q) - exact)).toBeLessThanOrEqual(alpha * exact * (1 + 1e-9));
    }
    expect(sketch.min).toBe(list[0]);
  });

  it('counts positive values below MIN_VALUE as zero', () => {
    const sketch = new QuantileSketch();
    sketch.add(Number.MIN_VALUE);
    sketch.add(0);
    expect(sketch.toData()).toMatchObject({ count: 2, zeros: 2, bins: [] });
    expect(sketch.quantile(1)).toBe(0);
  });

  it('is empty before any value, and rejects bad values, quantiles, alphas and data', () => {
    const sketch = new QuantileSketch();
    expect(sketch.quantile(0.5)).toBeNaN();
    expect(() => sketch.add(-1)).toThrow(BadArgumentError);
    expect(() => sketch.add(Number.NaN)).toThrow(BadArgumentError);
    expect(() => sketch.add(Number.POSITIVE_INFINITY)).toThrow(BadArgumentError);
    expect(() => sketch.quantile(1.5)).toThrow(BadArgumentError);
    expect(() => new QuantileSketch(0)).toThrow(BadArgumentError);
    expect(() => new QuantileSketch(1)).toThrow(BadArgumentError);
    const data = sketchOf([1, 2, 3]).toData();
    expect(() => QuantileSketch.fromData({ ...data, count: 4 })).toThrow(/hold 3 values/);
    expect(() => QuantileSketch.fromData({ ...data, bins: [[1.5, 1]] })).toThrow(/whole index/);
    expect(() => QuantileSketch.fromData({ ...data, alpha: 2 })).toThrow(BadArgumentError);
  });
});
