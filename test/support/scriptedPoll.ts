/** Test helpers for waits: a poll that answers from a script, on a virtual clock, and a seeded random source. */
import { createVirtualClock, type NotFound, type VirtualClock } from '../../src/index.js';
import { createRandom } from '../../src/simulation/index.js';

/** One scripted answer: a status, NOT_FOUND, or an error the poll throws. */
export type ScriptedAnswer = string | NotFound | Error;

/** A poll that gives the script's answers in order, then repeats the last one; it records when it was called. */
export interface ScriptedPoll {
  poll: () => string | NotFound;
  clock: VirtualClock;
  /** `clock.now()` at each call. */
  calls: number[];
}

/**
 * A scripted poll on a fresh virtual clock.
 *
 * @example const { poll, clock } = scriptedPoll(['CREATING', 'RUNNING']);
 */
export function scriptedPoll(answers: readonly ScriptedAnswer[]): ScriptedPoll {
  const clock = createVirtualClock(0);
  const calls: number[] = [];
  const poll = () => {
    const answer = answers[Math.min(calls.length, answers.length - 1)]!;
    calls.push(clock.now());
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { poll, clock, calls };
}

/** A seeded source of jitter in [0, 1), from the simulation's seeded generator. */
export function seededRandom(seed: number): () => number {
  const random = createRandom(seed);
  return () => random.next();
}
