/**
 * `createRandom`: a small seeded pseudo-random generator (mulberry32), so that simulations give the same output
 * for the same seed on every machine. Only integer operations and IEEE 754 basic arithmetic are used (no
 * `Math.random`, no `Math.log`/`Math.exp`, whose results may differ between platforms).
 */
import { BadArgumentError } from '../model/index.js';

/** A seeded source of random numbers. */
export interface Random {
  /** The next 32-bit unsigned integer. */
  uint32(): number;
  /** The next number in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both safe integers, min <= max). */
  integer(min: number, max: number): number;
}

/** The largest seed: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffff_ffff;

/** True when `seed` is a valid seed: an integer from 0 to {@link MAX_SEED}. */
export function isSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/**
 * A mulberry32 generator started at `seed` (an integer from 0 to 2^32 - 1; anything else is a RangeError).
 *
 * @example const random = createRandom(42); random.integer(1, 6) // the same number on every run
 */
export function createRandom(seed: number): Random {
  if (!isSeed(seed)) throw new BadArgumentError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 0x1_0000_0000;
  return {
    uint32,
    next,
    integer(min, max) {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
        throw new BadArgumentError(`integer(${min}, ${max}): expected safe integers with min <= max`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
  };
}
