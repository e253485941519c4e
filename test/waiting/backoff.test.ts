import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/waiting/index.js';

const bounds = fc
  .tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 200_000 }))
  .map(([min, extra]) => ({ min, max: min + extra }));
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoffDelay (Smithy waiter retries: exponential backoff with jitter)', () => {
  fcTest.prop([fc.integer({ min: 1, max: 200 }), bounds, unit])(
    'stays within [min, max] and under the exponential ceiling',
    (attempt, b, r) => {
      const delay = backoffDelay(attempt, b, () => r);
      expect(delay).toBeGreaterThanOrEqual(b.min);
      expect(delay).toBeLessThanOrEqual(b.max);
      // jitter is drawn below min * 2^(attempt-1), except once that ceiling has passed max, where max is used
      if (b.min * 2 ** (attempt - 1) <= b.max) expect(delay).toBeLessThanOrEqual(b.min * 2 ** (attempt - 1));
    },
  );

  fcTest.prop([bounds, unit])('grows with the attempt for the same draw, and reaches max', (b, r) => {
    const delays = Array.from({ length: 40 }, (_, i) => backoffDelay(i + 1, b, () => r));
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.at(-1)).toBe(b.max);
  });

  it('draws between min and the doubled ceiling', () => {
    const b = { min: 2000, max: 120_000 };
    expect(backoffDelay(1, b, () => 0.99)).toBe(2000); // the first ceiling is min itself
    expect(backoffDelay(3, b, () => 0)).toBe(2000);
    expect(backoffDelay(3, b, () => 0.5)).toBe(2000 + 0.5 * (8000 - 2000));
    expect(backoffDelay(8, b, () => 0.5)).toBe(120_000); // 2000 * 2^7 = 256000 > max
  });

  it('rejects bad bounds and a random source out of [0, 1)', () => {
    expect(() => backoffDelay(1, { min: 5, max: 1 })).toThrow(RangeError);
    expect(() => backoffDelay(2, { min: 1, max: 5 }, () => 1)).toThrow(RangeError);
  });
});
