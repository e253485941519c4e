/** The scaled clock: time runs `speed` times as fast as its base clock, from its start; sleeping is scaled down. */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BadArgumentError, createScaledClock, createVirtualClock } from '../../src/index.js';

describe('createScaledClock', () => {
  fcTest.prop([
    fc.integer({ min: 1, max: 10_000 }),
    fc.integer({ min: 0, max: 2 ** 40 }),
    fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 20 }),
  ])('advances speed ms per base ms, from its start, never backwards', (speed, start, steps) => {
    const base = createVirtualClock(5_000);
    const clock = createScaledClock(speed, start, base);
    let previous = clock.now();
    expect(previous).toBe(start);
    let elapsed = 0;
    for (const step of steps) {
      base.advance(step);
      elapsed += step;
      expect(clock.now()).toBe(start + elapsed * speed);
      expect(clock.now()).toBeGreaterThanOrEqual(previous);
      previous = clock.now();
    }
  });

  it('sleeps ms / speed on the base clock', async () => {
    const base = createVirtualClock(0);
    const clock = createScaledClock(60, 0, base);
    await clock.sleep(3_600_000);
    expect(base.now()).toBe(60_000);
    expect(clock.now()).toBe(3_600_000);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses speed %d', (speed) => {
    expect(() => createScaledClock(speed)).toThrow(BadArgumentError);
  });
});
