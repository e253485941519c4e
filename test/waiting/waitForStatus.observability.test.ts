/**
 * waitForStatus: what it tells while it runs (onPoll, onChange), what a failure carries (counts of each status,
 * the last poll error), and eventual consistency (consecutive target polls, not-found checks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BadArgumentError,
  NOT_FOUND,
  type PollReport,
  type StatusChange,
  WaitError,
  type WaitForStatusOptions,
  waitForStatus,
} from '../../src/index.js';
import { type ScriptedAnswer, scriptedPoll, seededRandom } from '../support/scriptedPoll.js';

const MINUTE = 60_000;

async function wait(
  answers: readonly ScriptedAnswer[],
  options: Partial<WaitForStatusOptions> & Pick<WaitForStatusOptions, 'service' | 'target'>,
) {
  const script = scriptedPoll(answers);
  const polls: PollReport[] = [];
  const changes: StatusChange[] = [];
  const outcome = await waitForStatus({
    poll: script.poll,
    clock: script.clock,
    random: seededRandom(3),
    timeout: 10 * MINUTE,
    interval: 1000,
    maxInterval: 10_000,
    onPoll: (p) => polls.push(p),
    onChange: (c) => changes.push(c),
    ...options,
  }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error: error as WaitError }),
  );
  return { ...outcome, ...script, polls, changes };
}

describe('waitForStatus: onPoll and onChange', () => {
  it('reports every poll, failed ones with their error, and every change of status with its time', async () => {
    const boom = new Error('503 Service Unavailable');
    const { result, polls, changes, calls } = await wait(['CREATING', boom, 'CREATING', 'RUNNING'], {
      service: 'dcs',
      target: 'RUNNING',
    });
    expect(result?.status).toBe('RUNNING');
    expect(polls.map((p) => p.attempt)).toEqual([1, 2, 3, 4]);
    expect(polls.map((p) => p.status)).toEqual(['CREATING', undefined, 'CREATING', 'RUNNING']);
    expect(polls[1]?.error).toBe(boom);
    expect(polls.map((p) => p.elapsed)).toEqual(calls);
    expect(changes).toEqual([
      { from: undefined, to: 'CREATING', elapsed: calls[0], attempt: 1 },
      { from: 'CREATING', to: 'RUNNING', elapsed: calls[3], attempt: 4 },
    ]);
  });

  it('marks not-found answers', async () => {
    const { changes, polls } = await wait(['DELETING', NOT_FOUND], { service: 'dcs', target: 'DELETED' });
    expect(changes.at(-1)).toMatchObject({ from: 'DELETING', to: 'DELETED', notFound: true });
    expect(polls.at(-1)).toMatchObject({ status: 'DELETED', notFound: true });
  });

  it('property: onChange sees exactly the changes of the history, onPoll every poll', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), async (a, b) => {
        const answers = [...Array(a + 1).fill('CREATING'), ...Array(b + 1).fill('RUNNING')];
        const { result, polls, changes } = await wait(answers, {
          service: 'dcs',
          target: 'RUNNING',
          consecutive: b + 1,
        });
        const statuses = result!.history.map((o) => o.status);
        const expected = statuses.filter((s, i) => s !== statuses[i - 1]);
        return changes.map((c) => c.to).join() === expected.join() && polls.length === result!.polls;
      }),
      { numRuns: 30 },
    );
  });
});

describe('waitForStatus: what a WaitError carries', () => {
  it('the counts of each status seen, in order of first sight, and the last poll error', async () => {
    const flaky = new Error('connection reset');
    const { error } = await wait(['CREATING', flaky, 'CREATING', 'CREATING', 'CREATEFAILED'], {
      service: 'dcs',
      target: 'RUNNING',
    });
    expect(error).toBeInstanceOf(WaitError);
    expect(error?.reason).toBe('unreachable');
    expect(error?.counts).toEqual([
      { status: 'CREATING', count: 3 },
      { status: 'CREATEFAILED', count: 1 },
    ]);
    expect(error?.lastPollError).toBe(flaky);
    expect(error?.history.map((o) => o.status)).toEqual(['CREATING', 'CREATING', 'CREATING', 'CREATEFAILED']);
  });

  it('no last poll error when every poll answered; the timeout carries the counts too', async () => {
    const { error } = await wait(['CREATING'], { service: 'dcs', target: 'RUNNING', timeout: 30_000 });
    expect(error?.reason).toBe('timeout');
    expect(error?.lastPollError).toBeUndefined();
    expect(error?.counts).toEqual([{ status: 'CREATING', count: error!.history.length }]);
  });
});

describe('waitForStatus: consecutive', () => {
  it('resolves only after the target showed N polls in a row', async () => {
    const { result } = await wait(['CREATING', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING'], {
      service: 'dcs',
      target: 'RUNNING',
      consecutive: 3,
    });
    expect(result?.polls).toBe(4);
    expect(result?.history.map((o) => o.status)).toEqual(['CREATING', 'RUNNING', 'RUNNING', 'RUNNING']);
  });

  it('a failed poll neither counts nor breaks the run', async () => {
    const { result } = await wait(['RUNNING', new Error('x'), 'RUNNING'], {
      service: 'dcs',
      target: 'RUNNING',
      consecutive: 2,
    });
    expect(result?.polls).toBe(3);
  });

  it('a status in between breaks the run (and is judged as usual)', async () => {
    const { result } = await wait(['EXTENDING', 'RUNNING', 'EXTENDING', 'RUNNING', 'RUNNING'], {
      service: 'dcs',
      target: 'RUNNING',
      consecutive: 2,
    });
    expect(result?.polls).toBe(5);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects consecutive %s as a bad argument', async (consecutive) => {
    await expect(
      waitForStatus({ service: 'dcs', target: 'RUNNING', poll: () => 'RUNNING', timeout: 0, consecutive }),
    ).rejects.toThrow(BadArgumentError);
  });
});

describe('waitForStatus: notFoundChecks', () => {
  it('retries not-found answers before anything was seen, up to N in a row', async () => {
    const { result, polls } = await wait([NOT_FOUND, NOT_FOUND, 'CREATING', 'RUNNING'], {
      service: 'dcs',
      target: 'RUNNING',
      notFoundChecks: 2,
    });
    expect(result?.history.map((o) => o.status)).toEqual(['CREATING', 'RUNNING']);
    expect(polls.slice(0, 2).every((p) => p.notFoundRetried === true)).toBe(true);
  });

  it('the next not-found answer counts as the final status', async () => {
    const { error } = await wait([NOT_FOUND, NOT_FOUND, NOT_FOUND], {
      service: 'dcs',
      target: 'RUNNING',
      notFoundChecks: 2,
    });
    expect(error?.reason).toBe('unreachable');
    expect(error?.polls).toBe(3);
    expect(error?.history).toHaveLength(1);
  });

  it('by default a first not-found answer is the final status at once', async () => {
    const { error } = await wait([NOT_FOUND, 'CREATING'], { service: 'dcs', target: 'RUNNING' });
    expect(error?.polls).toBe(1);
  });

  it('once a status was seen, not-found means gone at once', async () => {
    const { result } = await wait(['DELETING', NOT_FOUND], { service: 'dcs', target: 'DELETED', notFoundChecks: 5 });
    expect(result?.polls).toBe(2);
  });

  it.each([-1, 0.5])('rejects notFoundChecks %s as a bad argument', async (notFoundChecks) => {
    await expect(
      waitForStatus({ service: 'dcs', target: 'RUNNING', poll: () => 'RUNNING', timeout: 0, notFoundChecks }),
    ).rejects.toThrow(BadArgumentError);
  });
});
