/**
 * `waitForStatus` against the fake cloud over HTTP, with chaos on. The wait's clock is the fake cloud's (manual
 * progression): sleeping between polls advances it, so nothing really sleeps. It retries the 429/5xx answers,
 * fails fast on a failure outcome, and reaches DELETED through a 404.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type ChaosSettings, type FakeCloud, startFakeCloud } from '../../src/fakeCloud/index.js';
import { type Clock, NOT_FOUND, validateHistory, WaitError, waitForStatus } from '../../src/index.js';
import { call, callRetrying, dcsCreateBody, isChaosStatus, kafkaCreateBody } from '../support/fakeCloudClient.js';

const HOUR = 3_600_000;
let cloud: FakeCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

/** An HTTP answer the wait may retry. */
class TransientHttpError extends Error {}

/** The fake cloud's clock, slept on by advancing it. */
function cloudClockOf(fake: FakeCloud): Clock {
  return {
    now: () => fake.now(),
    sleep: async (ms) => fake.advance(Math.round(ms)),
  };
}

/**
 * `poll` for an instance: its status; NOT_FOUND for a 404 once the instance was seen (a 404 before that is the
 * cloud's eventual consistency, retried); chaos answers are retried.
 */
function poller(url: string) {
  let seen = false;
  return async () => {
    const reply = await call(url);
    if (isChaosStatus(reply.status) || (reply.status === 404 && !seen))
      throw new TransientHttpError(`HTTP ${reply.status}`);
    if (reply.status === 404) return NOT_FOUND;
    if (reply.status !== 200) throw new Error(`HTTP ${reply.status}`);
    seen = true;
    return reply.body.status as string;
  };
}

async function start(chaos: ChaosSettings, seed = 1): Promise<FakeCloud> {
  cloud = await startFakeCloud({ progression: 'manual', seed, chaos });
  return cloud;
}

const waitOptions = (fake: FakeCloud) => ({
  clock: cloudClockOf(fake),
  timeout: 6 * HOUR,
  interval: 15_000,
  maxInterval: 60_000,
  retries: 50,
  random: () => 0.5,
  isTransient: (error: unknown) => error instanceof TransientHttpError,
});

describe('waitForStatus against the fake cloud', () => {
  it('retries 5xx and 429 answers and the 404s right after create, then reaches RUNNING', async () => {
    const fake = await start({ errors: { 429: 0.2, 500: 0.2, 503: 0.2 }, notFoundAfterCreate: 2 });
    const base = `${fake.endpoints.kafka}/v2/p1/instances`;
    const id = (await callRetrying(base, 'POST', kafkaCreateBody())).body.instance_id;
    const result = await waitForStatus({
      service: 'kafka',
      target: 'RUNNING',
      poll: poller(`${base}/${id}`),
      ...waitOptions(fake),
    });
    expect(result.status).toBe('RUNNING');
    expect(result.polls).toBeGreaterThan(result.history.length); // some polls failed and were retried
    const chaosAnswers = fake.requests().filter((r) => r.action === 'show' && r.chaos?.error !== undefined);
    expect(chaosAnswers.length).toBeGreaterThan(0);
    expect(validateHistory('kafka', result.history, { mode: 'sampled' }).ok).toBe(true);
  });

  it('fails fast on a failure outcome: a creation that fails', async () => {
    const fake = await start({ failures: { CREATE: 1 } });
    const base = `${fake.endpoints.dcs}/v2/p1/instances`;
    const id = (await call(base, 'POST', dcsCreateBody())).body.instances[0].instance_id;
    const wait = waitForStatus({
      service: 'dcs',
      target: 'RUNNING',
      poll: poller(`${base}/${id}`),
      ...waitOptions(fake),
    });
    const error = await wait.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaitError);
    expect((error as WaitError).reason).toBe('unreachable');
    // DCS documents two ways a creation fails: CREATEFAILED, or a faulty instance (ERROR)
    expect(['CREATEFAILED', 'ERROR']).toContain((error as WaitError).status);
    expect((error as WaitError).elapsed).toBeLessThan(HOUR); // long before the timeout
  });

  it('fails fast on a failure outcome: a restart that fails', async () => {
    const fake = await start({ failures: { RESTART: 1 } });
    const base = `${fake.endpoints.kafka}/v2/p1/instances`;
    const id = (await call(base, 'POST', kafkaCreateBody())).body.instance_id;
    await waitForStatus({ service: 'kafka', target: 'RUNNING', poll: poller(`${base}/${id}`), ...waitOptions(fake) });
    const restart = await call(`${base}/action`, 'POST', { action: 'restart', instances: [id] });
    expect(restart.body.results).toEqual([{ result: 'success', instance: id }]);
    const error = await waitForStatus({
      service: 'kafka',
      target: 'RUNNING',
      after: 'RESTART',
      poll: poller(`${base}/${id}`),
      ...waitOptions(fake),
    }).catch((e: unknown) => e);
    expect((error as WaitError).reason).toBe('unreachable');
    expect((error as WaitError).status).toBe('ERROR');
  });

  it('reaches DELETED through a 404, with chaos on every request', async () => {
    const fake = await start({ errors: { 500: 0.3, 503: 0.2 } }, 4);
    const base = `${fake.endpoints.dcs}/v2/p1/instances`;
    const id = (await callRetrying(base, 'POST', dcsCreateBody())).body.instances[0].instance_id;
    await waitForStatus({ service: 'dcs', target: 'RUNNING', poll: poller(`${base}/${id}`), ...waitOptions(fake) });
    expect((await callRetrying(`${base}/${id}`, 'DELETE')).status).toBe(204);
    const result = await waitForStatus({
      service: 'dcs',
      target: 'DELETED',
      after: 'DELETE',
      poll: poller(`${base}/${id}`),
      ...waitOptions(fake),
    });
    expect(result.status).toBe('DELETED');
    expect(result.history.at(-1)).toMatchObject({ status: 'DELETED', notFound: true });
    const truth = fake.histories({ instance: id }).map((r) => r.status);
    expect(validateHistory('dcs', truth, { fromStart: true }).ok).toBe(true);
    expect(truth.at(-1)).toBe('DELETED');
  });
});
