/** waitForStatus and the clocks on the edges: polls that never answer, huge or odd options, a wall clock stepped back. */
import { describe, expect, it } from 'vitest';
import {
  BadArgumentError,
  BadArgumentTypeError,
  createVirtualClock,
  systemClock,
  type VirtualClock,
  WaitError,
  type WaitForStatusOptions,
  waitForStatus,
} from '../../src/index.js';

const MINUTE = 60_000;
const never = () => new Promise<string>(() => undefined);

function base(clock: VirtualClock, poll: WaitForStatusOptions['poll']): WaitForStatusOptions {
  return { service: 'kafka', target: 'RUNNING', timeout: 5 * MINUTE, interval: 1000, clock, poll, random: () => 0 };
}

async function failure(run: Promise<unknown>): Promise<WaitError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WaitError);
  return error as WaitError;
}

describe('waitForStatus: a poll that never answers', () => {
  it('is given up on a second after the deadline (its signal aborts), and the wait times out', async () => {
    const clock = createVirtualClock(0);
    let pollSignal: AbortSignal | undefined;
    let calls = 0;
    const run = waitForStatus(
      base(clock, ({ signal }) => {
        pollSignal = signal;
        return ++calls === 1 ? 'CREATING' : never();
      }),
    );
    await new Promise((resolve) => setImmediate(resolve)); // the second poll hangs now
    expect(calls).toBe(2);
    clock.advance(5 * MINUTE - clock.now()); // to the deadline
    await new Promise((resolve) => setImmediate(resolve));
    expect(pollSignal!.aborted).toBe(false); // the poll may outlast the deadline by a second
    clock.advance(1000);
    const e = await failure(run);
    expect(e.reason).toBe('timeout');
    expect(e.polls).toBe(2);
    expect(e.history.map((o) => o.status)).toEqual(['CREATING']);
    expect(pollSignal!.aborted).toBe(true);
  });

  it('times out on the system clock too', async () => {
    const e = await failure(
      waitForStatus({ service: 'kafka', target: 'RUNNING', timeout: 20, interval: 10, poll: never }),
    );
    expect(e.reason).toBe('timeout');
  });

  it('is abandoned at once when the wait is aborted', async () => {
    const controller = new AbortController();
    const run = waitForStatus({ ...base(createVirtualClock(0), never), signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('user gave up'));
    const e = await failure(run);
    expect(e.reason).toBe('aborted');
    expect((e.cause as Error).message).toBe('user gave up');
  });
});

describe('waitForStatus: options', () => {
  const clock = createVirtualClock(0);
  const poll = () => 'CREATING';

  it.each([
    ['interval', Infinity],
    ['interval', 2 ** 31],
    ['maxInterval', Infinity],
    ['maxInterval', 30 * 24 * 3_600_000],
    ['interval', Number.NaN],
    ['timeout', -1],
    ['timeout', Number.NaN],
    ['retries', 1.5],
  ])('refuses %s %s with a RangeError naming it', async (name, value) => {
    const run = waitForStatus({ ...base(clock, poll), [name]: value });
    await expect(run).rejects.toBeInstanceOf(BadArgumentError);
    await expect(run).rejects.toThrow(`waitForStatus: ${name} must be`);
  });

  it.each([
    ['timeout', '300'],
    ['interval', '1000'],
    ['poll', 'RUNNING'],
  ])('refuses %s given as a string with a TypeError naming it', async (name, value) => {
    const run = waitForStatus({ ...base(clock, poll), [name]: value } as unknown as WaitForStatusOptions);
    await expect(run).rejects.toBeInstanceOf(BadArgumentTypeError);
    await expect(run).rejects.toBeInstanceOf(TypeError);
    await expect(run).rejects.toThrow(`waitForStatus: ${name} must be`);
  });

  it('waits the longest interval Node can time (about 24.8 days) between polls, not 1 ms', async () => {
    const c = createVirtualClock(0);
    const calls: number[] = [];
    const longest = 2 ** 31 - 1;
    const run = waitForStatus({
      ...base(c, () => {
        calls.push(c.now());
        return calls.length < 3 ? 'CREATING' : 'RUNNING';
      }),
      timeout: Infinity,
      interval: longest,
      maxInterval: longest,
    });
    await expect(run).resolves.toMatchObject({ status: 'RUNNING', polls: 3 });
    expect(calls).toEqual([0, longest, 2 * longest]);
  });

  it('reads a poll answering an object without prototype as a bad answer (a WaitError), not a crash', async () => {
    const e = await failure(waitForStatus(base(createVirtualClock(0), () => Object.create(null) as string)));
    expect(e.reason).toBe('unknown-status');
    expect(e.message).toContain('poll() answered an object, expected a status string or NOT_FOUND');
  });
});

describe('waitForStatus: the wall clock stepped back mid-wait', () => {
  it('measures the wait on the monotonic reading: a step back of an hour changes nothing', async () => {
    const virtual = createVirtualClock(Date.parse('2026-01-01T00:00:00Z'));
    let stepped = 0;
    const clock = { ...virtual, now: () => virtual.now() - stepped };
    let calls = 0;
    const result = await waitForStatus({
      ...base(virtual, () => {
        calls++;
        if (calls === 2) stepped = 3_600_000; // NTP steps the wall clock back by an hour
        return calls < 4 ? 'CREATING' : 'RUNNING';
      }),
      clock,
    });
    expect(result.status).toBe('RUNNING');
    expect(result.elapsed).toBe(virtual.monotonic() - Date.parse('2026-01-01T00:00:00Z'));
    expect(result.verdict.ok).toBe(true);
  });
});

describe('clocks', () => {
  it.each([
    ['the system clock', systemClock],
    ['a virtual clock', createVirtualClock(0)],
  ])('%s refuses to sleep NaN or a negative time, naming the argument', async (_name, clock) => {
    await expect(clock.sleep(Number.NaN)).rejects.toThrow(/clock\.sleep: ms must be a number >= 0, got NaN/);
    await expect(clock.sleep(-1)).rejects.toBeInstanceOf(RangeError);
    await expect(clock.sleep('5' as unknown as number)).rejects.toBeInstanceOf(TypeError);
  });

  it('the system clock sleeps past the timer limit instead of waking after 1 ms', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(2 ** 31 + 1000, controller.signal).then(() => 'woke');
    const first = await Promise.race([sleeping, new Promise((resolve) => setTimeout(resolve, 30, 'asleep'))]);
    expect(first).toBe('asleep');
    controller.abort(new Error('enough'));
    await expect(sleeping).rejects.toThrow('enough');
  });

  it('a virtual clock fires a deadline when its time is moved past it, and never on its own', async () => {
    const clock = createVirtualClock(0);
    let fired = false;
    const deadline = clock.deadline(100).then(() => (fired = true));
    await clock.sleep(99);
    expect(fired).toBe(false);
    clock.advance(1);
    await deadline;
    expect(fired).toBe(true);
    expect(clock.monotonic()).toBe(100);
  });
});
