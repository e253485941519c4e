/**
 * `backoffDelay`: how long to wait before the next poll. The policy is the retry strategy of the Smithy waiters
 * specification (https://smithy.io/2.0/additional-specs/waiters.html#waiter-retries), as AWS SDK waiters implement
 * it in `@smithy/util-waiter` (packages/util-waiter/src/poller.ts of smithy-lang/smithy-typescript): exponential
 * backoff from `min`, capped at `max`, with the delay drawn at random between `min` and the exponential ceiling
 * (the "full jitter" of the AWS Architecture Blog post "Exponential Backoff And Jitter", kept at least `min`).
 * Once the ceiling has passed `max`, the delay is `max` itself, as in the specification.
 */
import { BadArgumentError } from '../model/index.js';

/** The bounds of the delay between polls, in milliseconds. */
export interface BackoffBounds {
  /** The smallest delay (Smithy's `minDelay`). */
  readonly min: number;
  /** The largest delay (Smithy's `maxDelay`). */
  readonly max: number;
}

/**
 * The delay before poll `attempt + 1`, after `attempt` polls (1-based), within `[min, max]`, in whole milliseconds
 * (for whole-millisecond bounds).
 * `random` returns a number in `[0, 1)` (`Math.random` by default; inject a seeded one for repeatable waits).
 *
 * @example backoffDelay(1, { min: 2000, max: 120000 }, () => 0.5) // 2000: the first ceiling is min itself
 * @example backoffDelay(3, { min: 2000, max: 120000 }, () => 0.5) // 5000: halfway between 2000 and 8000
 */
export function backoffDelay(attempt: number, bounds: BackoffBounds, random: () => number = Math.random): number {
  const { min, max } = bounds;
  if (!(min >= 0) || !(max >= min))
    throw new BadArgumentError(`backoff bounds must satisfy 0 <= min <= max, got min ${min}, max ${max}`);
  if (min === max) return min;
  // The attempt from which min * 2^(attempt - 1) would exceed max (computed once, as Smithy does, to avoid overflow).
  const attemptCeiling = min === 0 ? 1 : Math.log(max / min) / Math.log(2) + 1;
  if (attempt > attemptCeiling) return max;
  const ceiling = Math.min(max, min * 2 ** (Math.max(1, attempt) - 1));
  const r = random();
  if (!(r >= 0 && r < 1)) throw new BadArgumentError(`random() must return a number in [0, 1), got ${r}`);
  // Whole milliseconds, kept within [min, ceiling].
  return Math.min(ceiling, Math.max(min, Math.round(min + r * (ceiling - min))));
}
