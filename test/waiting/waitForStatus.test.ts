import { describe, expect, it } from 'vitest';
import {
  NOT_FOUND,
  UnknownOperationError,
  UnknownStatusError,
  WaitError,
  type WaitForStatusOptions,
  waitForStatus,
} from '../../src/index.js';
import { type ScriptedAnswer, scriptedPoll, seededRandom } from '../support/scriptedPoll.js';

const MINUTE = 60_000;

/** Run a wait over scripted answers on a virtual clock; `interval` 1 s, `maxInterval` 10 s, seeded jitter. */
async function wait(
  answers: readonly ScriptedAnswer[],
  options: Partial<WaitForStatusOptions> & Pick<WaitForStatusOptions, 'service' | 'target'>,
) {
  const script = scriptedPoll(answers);
  const run = waitForStatus({
    poll: script.poll,
    clock: script.clock,
    random: seededRandom(7),
    timeout: 10 * MINUTE,
    interval: 1000,
    maxInterval: 10_000,
    ...options,
  });
  const outcome = await run.then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  return { ...outcome, ...script };
}

/** The WaitError of a failed wait (fails the test when the wait did not fail with one). */
function waitError(error: unknown): WaitError {
  expect(error).toBeInstanceOf(WaitError);
  return error as WaitError;
}

describe('waitForStatus: resolves and rejects', () => {
  it('resolves with the history when the target shows', async () => {
    const { result, calls } = await wait(['CREATING', 'CREATING', 'RUNNING'], { service: 'kafka', target: 'RUNNING' });
    expect(result?.status).toBe('RUNNING');
    expect(result?.history.map((o) => o.status)).toEqual(['CREATING', 'CREATING', 'RUNNING']);
    expect(result?.history.map((o) => o.time)).toEqual(calls);
    expect(result?.polls).toBe(3);
    expect(result?.verdict.ok).toBe(true);
  });

  it('resolves at once when the first answer is a target, and names statuses missed between polls', async () => {
    const first = await wait(['RUNNING'], { service: 'dcs', target: 'RUNNING' });
    expect(first.result?.polls).toBe(1);
    const missed = await wait(['RUNNING', 'DELETED'], { service: 'kafka', target: 'DELETED', after: 'DELETE' });
    expect(missed.result?.verdict.missed).toEqual([{ index: 1, from: 'RUNNING', to: 'DELETED', missed: ['DELETING'] }]);
  });

  it('rejects as unreachable at the observation of a failure status, not at the timeout', async () => {
    const { error, calls, clock } = await wait(['CREATING', 'CREATING', 'CREATEFAILED', 'CREATEFAILED'], {
      service: 'kafka',
      target: 'RUNNING',
    });
    const e = waitError(error);
    expect(e.reason).toBe('unreachable');
    expect(calls).toHaveLength(3); // the third answer decided it
    expect(e.history.at(-1)?.status).toBe('CREATEFAILED');
    expect(e.failure).toMatchObject({ status: 'CREATEFAILED', operations: ['DELETE'] });
    expect(clock.now()).toBeLessThan(10 * MINUTE);
  });

  it('rejects as unreachable on a final status (the instance vanished while waiting for RUNNING)', async () => {
    const { error } = await wait(['RESTARTING', 'DELETED'], { service: 'dcs', target: 'RUNNING' });
    // RESTARTING → DELETED is illegal: the model and the service disagree, which is reported first
    expect(waitError(error).reason).toBe('illegal-transition');
    const gone = await wait(['DELETING', NOT_FOUND], { service: 'dcs', target: 'RUNNING' });
    // DELETING cannot reach RUNNING: the wait ends at the first answer
    expect(waitError(gone.error)).toMatchObject({ reason: 'unreachable', polls: 1 });
  });

  it('rejects an illegal change with the validator violation', async () => {
    const { error } = await wait(['CREATING', 'RESTARTING'], { service: 'kafka', target: 'RUNNING' });
    const e = waitError(error);
    expect(e.reason).toBe('illegal-transition');
    expect(e.violation).toMatchObject({ index: 1, from: 'CREATING', to: 'RESTARTING', kind: 'illegal-transition' });
    expect(e.history.map((o) => o.status)).toEqual(['CREATING', 'RESTARTING']);
  });

  it('rejects an unknown status, prototype names included, and a poll answer that is no string', async () => {
    for (const status of ['PAUSED', '__proto__', 'constructor']) {
      const { error } = await wait(['CREATING', status], { service: 'kafka', target: 'RUNNING' });
      const e = waitError(error);
      expect(e.reason).toBe('unknown-status');
      expect(e.violation?.to).toBe(status);
    }
    const { error } = await wait([undefined as unknown as string], { service: 'kafka', target: 'RUNNING' });
    expect(waitError(error).reason).toBe('unknown-status');
  });

  it('accepts a status spelled in another case, as the validator does', async () => {
    const { result } = await wait(['creating', ' Running '], { service: 'kafka', target: 'RUNNING' });
    expect(result?.status).toBe('RUNNING');
  });

  it('times out with the history so far, after a last poll at the deadline', async () => {
    const { error, calls, clock } = await wait(['CREATING'], {
      service: 'kafka',
      target: 'RUNNING',
      timeout: 5 * MINUTE,
    });
    const e = waitError(error);
    expect(e.reason).toBe('timeout');
    expect(e.history.length).toBe(calls.length);
    expect(e.history.every((o) => o.status === 'CREATING')).toBe(true);
    expect(calls.at(-1)).toBe(5 * MINUTE);
    expect(clock.now()).toBe(5 * MINUTE);
    expect(e.elapsed).toBe(5 * MINUTE);
  });

  it('rejects bad options before polling', async () => {
    const { calls: c1, error: e1 } = await wait(['RUNNING'], { service: 'kafka', target: 'RUNING' });
    expect(e1).toBeInstanceOf(UnknownStatusError);
    expect(c1).toHaveLength(0);
    const { error: e2 } = await wait(['RUNNING'], { service: 'kafka', target: 'RUNNING', after: 'REBOOT' });
    expect(e2).toBeInstanceOf(UnknownOperationError);
    const { error: e3 } = await wait(['RUNNING'], { service: 'kafka', target: 'RUNNING', timeout: -1 });
    expect(e3).toBeInstanceOf(RangeError);
  });
});

describe('waitForStatus: abort', () => {
  it('rejects as aborted without polling when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user gave up'));
    const { error, calls } = await wait(['CREATING'], {
      service: 'kafka',
      target: 'RUNNING',
      signal: controller.signal,
    });
    const e = waitError(error);
    expect(e.reason).toBe('aborted');
    expect(e.cause).toMatchObject({ message: 'user gave up' });
    expect(calls).toHaveLength(0);
  });

  it('stops when aborted during the wait, with the history so far, and hands the signal to poll', async () => {
    const controller = new AbortController();
    const script = scriptedPoll(['CREATING']);
    let seenSignal: AbortSignal | undefined;
    const run = waitForStatus({
      service: 'kafka',
      target: 'RUNNING',
      timeout: 10 * MINUTE,
      clock: script.clock,
      signal: controller.signal,
      poll: ({ attempt, signal }) => {
        seenSignal = signal;
        if (attempt === 3) controller.abort();
        return script.poll();
      },
    });
    const e = waitError(await run.catch((error: unknown) => error));
    expect(e.reason).toBe('aborted');
    expect(e.history).toHaveLength(3);
    // poll's signal follows the caller's (and also aborts when the wait gives up on a poll at its deadline)
    expect(seenSignal!.aborted).toBe(true);
    expect(seenSignal!.reason).toBe(controller.signal.reason);
  });

  it('reports an aborted poll as aborted, not as a poll failure', async () => {
    const controller = new AbortController();
    const { clock } = scriptedPoll([]);
    const run = waitForStatus({
      service: 'kafka',
      target: 'RUNNING',
      timeout: MINUTE,
      clock,
      signal: controller.signal,
      retries: 0,
      poll: () => {
        controller.abort();
        throw new Error('request aborted');
      },
    });
    expect(waitError(await run.catch((error: unknown) => error)).reason).toBe('aborted');
  });
});

describe('waitForStatus: poll errors', () => {
  const boom = new Error('503 Service Unavailable');

  it('recovers from transient errors up to `retries` in a row, which leave no observation', async () => {
    const { result, calls } = await wait(['CREATING', boom, boom, boom, 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
      retries: 3,
    });
    expect(result?.history.map((o) => o.status)).toEqual(['CREATING', 'RUNNING']);
    expect(result?.polls).toBe(5);
    expect(calls).toHaveLength(5);
  });

  it('gives up after `retries` + 1 failures in a row, with the last error as cause', async () => {
    const { error, calls } = await wait(['CREATING', boom, boom, boom, boom, 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
      retries: 3,
    });
    const e = waitError(error);
    expect(e.reason).toBe('poll-failed');
    expect(e.cause).toBe(boom);
    expect(calls).toHaveLength(5);
    expect(e.history.map((o) => o.status)).toEqual(['CREATING']);
  });

  it('counts failures in a row only: a success resets the count', async () => {
    const { result } = await wait(['CREATING', boom, boom, 'CREATING', boom, boom, 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
      retries: 2,
    });
    expect(result?.status).toBe('RUNNING');
  });

  it('fails at once on an error the user classifies as not transient', async () => {
    const denied = Object.assign(new Error('403 Forbidden'), { status: 403 });
    const { error, calls } = await wait(['CREATING', denied, 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
      isTransient: (e) => (e as { status?: number }).status !== 403,
    });
    expect(waitError(error)).toMatchObject({ reason: 'poll-failed', cause: denied });
    expect(calls).toHaveLength(2);
  });
});

describe('waitForStatus: not found is the final status', () => {
  it('resolves a deletion wait on NOT_FOUND, marking the observation', async () => {
    for (const service of ['kafka', 'dcs']) {
      const { result } = await wait(['DELETING', 'DELETING', NOT_FOUND], { service, target: 'DELETED' });
      expect(result?.status).toBe('DELETED');
      expect(result?.history.at(-1)).toMatchObject({ status: 'DELETED', notFound: true });
    }
  });

  it('kafka: ERROR on the way to deletion is pending', async () => {
    const { result } = await wait(['DELETING', 'ERROR', NOT_FOUND], { service: 'kafka', target: 'DELETED' });
    expect(result?.history.map((o) => o.status)).toEqual(['DELETING', 'ERROR', 'DELETED']);
  });

  it('takes an explicit notFoundStatus, and rejects an unknown one', async () => {
    const { result } = await wait(['DELETING', NOT_FOUND], {
      service: 'kafka',
      target: 'DELETED',
      notFoundStatus: 'DELETED',
    });
    expect(result?.status).toBe('DELETED');
    const { error } = await wait([NOT_FOUND], { service: 'kafka', target: 'DELETED', notFoundStatus: 'GONE' });
    expect(error).toBeInstanceOf(UnknownStatusError);
  });
});

describe('waitForStatus: right after an operation (after)', () => {
  it('deletion: accepts the status DELETE leaves from while the request has not shown', async () => {
    const { result } = await wait(['RUNNING', 'RUNNING', 'DELETING', NOT_FOUND], {
      service: 'kafka',
      target: 'DELETED',
      after: 'DELETE',
    });
    expect(result).toMatchObject({ status: 'DELETED', operationObserved: true });
  });

  it('deletion: without after, RUNNING is a failure at the first answer (Kafka)', async () => {
    const { error, calls } = await wait(['RUNNING', 'DELETING', NOT_FOUND], { service: 'kafka', target: 'DELETED' });
    expect(waitError(error).reason).toBe('unreachable');
    expect(calls).toHaveLength(1);
  });

  it('deletion: DCS may show RUNNING until the instance is gone (the current API): RUNNING stays pending', async () => {
    const { result, calls } = await wait(['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', NOT_FOUND], {
      service: 'dcs',
      target: 'DELETED',
      after: 'DELETE',
      operationGrace: 2,
    });
    expect(result).toMatchObject({ status: 'DELETED', polls: 5 });
    expect(calls).toHaveLength(5);
  });

  it('deletion: rejects once the grace is used up and the request never showed (Kafka)', async () => {
    const { error, calls } = await wait(['RUNNING'], {
      service: 'kafka',
      target: 'DELETED',
      after: 'DELETE',
      operationGrace: 4,
    });
    const e = waitError(error);
    expect(e.reason).toBe('unreachable');
    expect(calls).toHaveLength(5); // 4 accepted, the 5th decides
    expect(e.message).toMatch(/DELETE has not shown/);
  });

  it('restart: the RUNNING seen before the restart shows does not end the wait', async () => {
    const { result } = await wait(['RUNNING', 'RUNNING', 'RESTARTING', 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
      after: 'RESTART',
    });
    expect(result).toMatchObject({ polls: 4, operationObserved: true });
    const without = await wait(['RUNNING', 'RUNNING', 'RESTARTING', 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
    });
    expect(without.result?.polls).toBe(1); // the naive wait ends before the restart even began
  });

  it('restart: when only RUNNING is ever seen, resolves after the grace and says the restart was not observed', async () => {
    const { result } = await wait(['RUNNING'], {
      service: 'dcs',
      target: 'RUNNING',
      after: 'RESTART',
      operationGrace: 3,
    });
    expect(result).toMatchObject({ status: 'RUNNING', polls: 4, operationObserved: false });
  });

  it('restart from ERROR that stays ERROR is rejected after the grace', async () => {
    const { error, calls } = await wait(['ERROR'], {
      service: 'kafka',
      target: 'RUNNING',
      after: 'RESTART',
      operationGrace: 2,
    });
    expect(waitError(error).reason).toBe('unreachable');
    expect(calls).toHaveLength(3);
  });

  it('resize: a failed Kafka resize returns to RUNNING; the wait resolves and the history shows the failure', async () => {
    const { result } = await wait(['RUNNING', 'EXTENDING', 'EXTENDEDFAILED', 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
      after: 'RESIZE',
    });
    expect(result?.history.map((o) => o.status)).toContain('EXTENDEDFAILED');
    expect(result?.failedSeen).toEqual(['EXTENDEDFAILED']);
    expect(result?.operationObserved).toBe(true);
    const success = await wait(['RUNNING', 'EXTENDING', 'RUNNING'], {
      service: 'kafka',
      target: 'RUNNING',
      after: 'RESIZE',
    });
    expect(success.result?.failedSeen).toEqual([]);
  });
});

describe('waitForStatus: backoff between polls', () => {
  it('waits between min and max, growing, with the last wait cut at the deadline', async () => {
    const { calls } = await wait(['CREATING'], {
      service: 'kafka',
      target: 'RUNNING',
      interval: 1000,
      maxInterval: 10_000,
      timeout: 2 * MINUTE,
      random: seededRandom(42),
    });
    const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
    const last = gaps.pop()!;
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(1000);
      expect(gap).toBeLessThanOrEqual(10_000);
    }
    expect(last).toBeLessThanOrEqual(10_000);
    // ceilings double: gap k is at most 1000 * 2^(k-1); after the ceiling passes max, every gap is max
    for (const [k, gap] of gaps.entries()) expect(gap).toBeLessThanOrEqual(Math.min(10_000, 1000 * 2 ** k));
    expect(gaps.slice(-3)).toEqual([10_000, 10_000, 10_000]);
  });

  it('is repeatable with the same seed and differs with another', async () => {
    const run = (seed: number) =>
      wait(['CREATING'], { service: 'kafka', target: 'RUNNING', timeout: MINUTE, random: seededRandom(seed) });
    const [a, b, c] = await Promise.all([run(1), run(1), run(2)]);
    expect(a.calls).toEqual(b.calls);
    expect(a.calls).not.toEqual(c.calls);
  });
});
