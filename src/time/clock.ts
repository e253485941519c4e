/**
 * `Clock`: where time comes from, so that waiting and simulation run on real time in production and on virtual
 * time in tests (no real sleeping). A clock has two readings: `now()`, the wall-clock time observations are
 * stamped with, and `monotonic()`, which never goes backwards (NTP may step the wall clock), for measuring how
 * long something has waited.
 */
import { checkNumber, MAX_TIMER_MS } from '../model/checkArgument.js';

/**
 * A source of time and of sleeping. `monotonic` and `deadline` are optional for clocks of one's own (the system,
 * virtual and scaled clocks have them): without `monotonic`, `now` measures waits; without `deadline`, a wait
 * cannot give up on a poll that never answers (only its abort signal ends it).
 */
export interface Clock {
  /** Milliseconds since the epoch (or since the virtual clock's start): the wall clock. */
  now(): number;
  /** Milliseconds from an arbitrary origin, never going backwards: for elapsed times and deadlines. */
  monotonic?(): number;
  /**
   * Resolve after `ms` milliseconds (any number >= 0; `Infinity` sleeps until the signal aborts); reject with the
   * signal's reason when it aborts first. A virtual clock makes that time pass.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Resolve once `ms` milliseconds have passed, without making time pass: a deadline for something that runs on
   * its own (a request). On the system clock it is a timer, as `sleep`; a virtual clock resolves it when its time
   * is moved past that point (by `advance` or by someone's `sleep`).
   */
  deadline?(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The system, virtual and scaled clocks: every reading and timer is there. */
export interface FullClock extends Clock {
  monotonic(): number;
  deadline(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A timer that may be longer than Node's limit (about 24.8 days), made of timers within it. */
function realTimer(where: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    checkNumber(where, 'ms', ms, { min: 0, infinite: true });
    if (signal?.aborted) return reject(signal.reason);
    const end = performance.now() + ms;
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const arm = () => {
      const left = end - performance.now();
      if (left <= 0) {
        signal?.removeEventListener('abort', onAbort);
        return resolve();
      }
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    arm();
  });
}

/** The real clock: `Date.now()`, `performance.now()` and timers. */
export const systemClock: FullClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep: (ms, signal) => realTimer('clock.sleep', ms, signal),
  deadline: (ms, signal) => realTimer('clock.deadline', ms, signal),
};

/** A clock whose time moves only when someone sleeps on it or calls `advance`. */
export interface VirtualClock extends FullClock {
  /** Move time forward by `ms` milliseconds. */
  advance(ms: number): void;
}

/**
 * A virtual clock that jumps forward by the slept time at once: a single waiter sleeping on it sees time pass
 * without any real delay. Its monotonic reading is its time (virtual time never goes backwards).
 *
 * @example const clock = createVirtualClock(0); await clock.sleep(60_000); clock.now() // 60000
 */
export function createVirtualClock(start = 0): VirtualClock {
  checkNumber('createVirtualClock', 'start', start);
  let time = start;
  const deadlines = new Set<{ at: number; resolve: () => void }>();
  const moveTo = (next: number) => {
    time = next;
    for (const entry of deadlines) {
      if (entry.at <= time) {
        deadlines.delete(entry);
        entry.resolve();
      }
    }
  };
  return {
    now: () => time,
    monotonic: () => time,
    advance(ms) {
      checkNumber('clock.advance', 'ms', ms, { min: 0 });
      moveTo(time + ms);
    },
    async sleep(ms, signal) {
      checkNumber('clock.sleep', 'ms', ms, { min: 0, infinite: true });
      if (signal?.aborted) throw signal.reason;
      if (ms === Infinity)
        return new Promise<void>((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
        );
      moveTo(time + ms);
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
    },
    deadline(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        checkNumber('clock.deadline', 'ms', ms, { min: 0, infinite: true });
        if (signal?.aborted) return reject(signal.reason);
        if (ms === 0) return resolve();
        const entry = {
          at: time + ms,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          deadlines.delete(entry);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        deadlines.add(entry);
      });
    },
  };
}
