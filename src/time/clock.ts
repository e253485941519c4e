/**
 * `Clock`: where time comes from, so that waiting and simulation run on real time in production and on virtual
 * time in tests (no real sleeping).
 */
import { BadArgumentError } from '../model/index.js';

/** A source of time and of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch (or since the virtual clock's start). */
  now(): number;
  /** Resolve after `ms` milliseconds; reject with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock whose time moves only when someone sleeps on it or calls `advance`. */
export interface VirtualClock extends Clock {
  /** Move time forward by `ms` milliseconds. */
  advance(ms: number): void;
}

/**
 * A virtual clock that jumps forward by the slept time at once: a single waiter sleeping on it sees time pass
 * without any real delay.
 *
 * @example const clock = createVirtualClock(0); await clock.sleep(60_000); clock.now() // 60000
 */
export function createVirtualClock(start = 0): VirtualClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      if (!(ms >= 0)) throw new BadArgumentError(`cannot advance a clock by ${ms} ms`);
      time += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      time += Math.max(0, ms);
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
    },
  };
}
