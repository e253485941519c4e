/**
 * How time moves in the fake cloud: real time sped up by a factor (`scaled`), only when told (`manual`, through
 * the control API), or at once (`immediate`: before each request, every instance finishes what it is doing).
 */
import { BadArgumentError } from '../model/index.js';
import { DEFAULT_START } from '../simulation/index.js';
import { type Clock, createScaledClock, createVirtualClock, type VirtualClock } from '../time/index.js';

/** The ways time can move. */
export type Progression = 'scaled' | 'manual' | 'immediate';

/** Every {@link Progression}, for options and messages. */
export const PROGRESSIONS: readonly Progression[] = ['scaled', 'manual', 'immediate'];

/** The default speed of `scaled` time: one simulated minute per real second. */
export const DEFAULT_SPEED = 60;

/** The cloud's clock, and what its progression allows. */
export interface CloudClock {
  progression: Progression;
  clock: Clock;
  /** Move time forward (manual and immediate progression); undefined for scaled time. */
  advance?: (ms: number) => void;
  /** For immediate progression: the virtual clock to move to each next change. */
  virtual?: VirtualClock;
}

/**
 * The clock of a progression. `start` is the clock's first time (epoch ms): by default the real time now for
 * scaled time, and {@link DEFAULT_START} for the others, so that a seeded run is the same on every machine.
 */
export function cloudClock(progression: Progression, speed = DEFAULT_SPEED, start?: number): CloudClock {
  if (!PROGRESSIONS.includes(progression))
    throw new BadArgumentError(`progression must be one of ${PROGRESSIONS.join(', ')}, got ${String(progression)}`);
  if (start !== undefined && !Number.isSafeInteger(start))
    throw new BadArgumentError(`start must be a whole number of epoch milliseconds, got ${start}`);
  if (progression === 'scaled') return { progression, clock: createScaledClock(speed, start) };
  const virtual = createVirtualClock(start ?? Date.parse(DEFAULT_START));
  return { progression, clock: virtual, advance: (ms) => virtual.advance(ms), virtual };
}

/**
 * Immediate progression: move the clock to each next change of any instance until none is due, except changes out
 * of statuses an instance is stuck in. `nextChanges` gives the times of the next changes. Bounded: at most
 * `maxSteps` moves.
 */
export function settle(clock: VirtualClock, nextChanges: () => (number | undefined)[], maxSteps = 10_000): void {
  for (let step = 0; step < maxSteps; step++) {
    let next: number | undefined;
    for (const at of nextChanges()) if (at !== undefined && (next === undefined || at < next)) next = at;
    if (next === undefined) return;
    clock.advance(Math.max(0, next - clock.now()));
  }
}
