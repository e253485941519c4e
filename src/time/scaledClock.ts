/** `createScaledClock`: real time, sped up (or slowed down) by a constant factor. */
import { BadArgumentError } from '../model/index.js';
import { type Clock, type FullClock, systemClock } from './clock.js';

/**
 * A clock on which `speed` milliseconds pass for each millisecond of the base clock (the system clock by default),
 * starting at `start`. Sleeping on it sleeps `ms / speed` on the base clock. Throws a {@link BadArgumentError} for a
 * speed that is not a finite number > 0.
 *
 * @example
 * const clock = createScaledClock(3600); // one simulated hour per real second
 * await clock.sleep(3_600_000);          // returns after about one real second
 */
export function createScaledClock(speed: number, start?: number, base: Clock = systemClock): FullClock {
  if (!Number.isFinite(speed) || speed <= 0)
    throw new BadArgumentError(`speed must be a finite number > 0, got ${speed}`);
  const baseStart = base.now();
  const origin = start ?? baseStart;
  const baseMonotonic = () => (base.monotonic ? base.monotonic() : base.now());
  const monotonicStart = baseMonotonic();
  return {
    now: () => origin + Math.floor((base.now() - baseStart) * speed),
    monotonic: () => (baseMonotonic() - monotonicStart) * speed,
    sleep: (ms, signal) => base.sleep(Math.max(0, ms) / speed, signal),
    deadline: (ms, signal) =>
      base.deadline
        ? base.deadline(Math.max(0, ms) / speed, signal)
        : systemClock.deadline(Math.max(0, ms) / speed, signal),
  };
}
