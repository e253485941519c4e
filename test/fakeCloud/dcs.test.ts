/**
 * DCS through plain `fetch`, following the API reference (no DCS SDK is published for Node): create, show, list,
 * the status actions (restart, flush), resize, restore, single and batch delete; refusals with the documented
 * codes; a deleted instance answers 404 and leaves the lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCloud, startFakeCloud } from '../../src/fakeCloud/index.js';
import { validateHistory } from '../../src/index.js';
import { call, dcsCreateBody } from '../support/fakeCloudClient.js';

const STEP = 30_000;
let cloud: FakeCloud;
let base: string;

beforeAll(async () => {
  cloud = await startFakeCloud({ progression: 'manual', seed: 5 });
  base = `${cloud.endpoints.dcs}/v2/project-1`;
});
afterAll(() => cloud.close());

async function create(name: string): Promise<string> {
  const reply = await call(`${base}/instances`, 'POST', dcsCreateBody(name));
  expect(reply.status).toBe(200);
  expect(reply.body.instances).toEqual([{ instance_id: expect.any(String), instance_name: name }]);
  return reply.body.instances[0].instance_id;
}

async function showUntil(id: string, done: (status: string) => boolean): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const reply = await call(`${base}/instances/${id}`);
    expect(reply.status).toBe(200);
    if (done(reply.body.status)) return reply.body.status;
    cloud.advance(STEP);
  }
  throw new Error('no change after 200 polls');
}

describe('DCS through fetch', () => {
  it('runs a whole lifecycle with the documented shapes', async () => {
    const id = await create('cache-life');
    const creating = await call(`${base}/instances/${id}`);
    expect(creating.body).toMatchObject({ instance_id: id, name: 'cache-life', engine: 'Redis', capacity: 2 });
    expect(creating.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(creating.body).toHaveProperty('update_at');

    // Refusals while creating: deletion DCS.4099, other operations DCS.4026.
    const early = await call(`${base}/instances/${id}`, 'DELETE');
    expect([early.status, early.body.error_code]).toEqual([400, 'DCS.4099']);
    const resizeEarly = await call(`${base}/instances/${id}/resize`, 'POST', { spec_code: 'x', new_capacity: 4 });
    expect([resizeEarly.status, resizeEarly.body.error_code]).toEqual([400, 'DCS.4026']);

    expect(await showUntil(id, (s) => s === 'RUNNING')).toBe('RUNNING');
    const listed = await call(`${base}/instances`);
    expect(listed.body.instance_num).toBe(1);
    expect(listed.body.instances[0]).toHaveProperty('updated_at');
    expect(listed.body.instances[0]).not.toHaveProperty('update_at');

    const flushed = await call(`${base}/instances/status`, 'PUT', { instances: [id], action: 'flush' });
    expect(flushed.body.results).toEqual([{ result: 'success', instance: id }]);
    const restarted = await call(`${base}/instances/status`, 'PUT', { instances: [id, 'nope'], action: 'restart' });
    expect(restarted.body.results).toEqual([
      { result: 'success', instance: id },
      { result: 'failed', instance: 'nope' },
    ]);
    const flushRestarting = await call(`${base}/instances/status`, 'PUT', { instances: [id], action: 'flush' });
    expect(flushRestarting.body.results).toEqual([{ result: 'failed', instance: id }]);
    await showUntil(id, (s) => s === 'RUNNING');

    const resized = await call(`${base}/instances/${id}/resize`, 'POST', {
      spec_code: 'redis.ha.xu1.large.r2.4',
      new_capacity: 4,
    });
    expect(resized.status).toBe(204);
    await showUntil(id, (s) => s === 'RUNNING');
    const bigger = await call(`${base}/instances/${id}`);
    expect([bigger.body.capacity, bigger.body.spec_code]).toEqual([4, 'redis.ha.xu1.large.r2.4']);

    const restored = await call(`${base}/instances/${id}/restores`, 'POST', { backup_id: 'backup-1' });
    expect(restored.status).toBe(200);
    expect(restored.body.restore_id).toEqual(expect.any(String));
    await showUntil(id, (s) => s === 'RUNNING');

    const deleted = await call(`${base}/instances/${id}`, 'DELETE');
    expect(deleted).toEqual({ status: 204, body: undefined });
    let gone = await call(`${base}/instances/${id}`);
    for (let i = 0; i < 200 && gone.status === 200; i++) {
      cloud.advance(STEP);
      gone = await call(`${base}/instances/${id}`);
    }
    expect([gone.status, gone.body.error_code]).toEqual([404, 'DCS.3022']);
    expect((await call(`${base}/instances`)).body).toEqual({ instance_num: 0, instances: [] });
    expect((await call(`${base}/instances/${id}`, 'DELETE')).status).toBe(404);

    const history = cloud.histories({ instance: id }).map((r) => r.status);
    expect(validateHistory('dcs', history, { fromStart: true }).ok).toBe(true);
  });

  it('deletes in a batch, failed creations with all_failure=true', async () => {
    const a = await create('cache-a');
    const b = await create('cache-b');
    const failed = await create('cache-failed');
    await showUntil(a, (s) => s === 'RUNNING');
    await showUntil(b, (s) => s === 'RUNNING');
    cloud.inject(failed, 'CREATE_FAILED'); // an outcome event of the machine, through the control side
    const listedDefault = await call(`${base}/instances`);
    expect(listedDefault.body.instances.map((i: { instance_id: string }) => i.instance_id)).toEqual([a, b]);
    const withFailures = await call(`${base}/instances?include_failure=true`);
    expect(withFailures.body.instance_num).toBe(3);

    const batch = await call(`${base}/instances`, 'DELETE', { instances: [a, b] });
    expect(batch.body.results).toEqual([
      { result: 'success', instance: a },
      { result: 'success', instance: b },
    ]);
    const allFailure = await call(`${base}/instances?all_failure=true`, 'DELETE');
    expect(allFailure.body.results).toEqual([{ result: 'success', instance: failed }]);
    const empty = await call(`${base}/instances`, 'DELETE', { instances: [] });
    expect([empty.status, empty.body.error_code]).toEqual([400, 'DCS.4065']);
  });

  it('checks create bodies: each missing mandatory field is named', async () => {
    for (const field of ['name', 'engine', 'capacity', 'spec_code', 'az_codes', 'vpc_id', 'subnet_id']) {
      const body = dcsCreateBody('cache-bad');
      delete body[field];
      const reply = await call(`${base}/instances`, 'POST', body);
      expect([reply.status, reply.body.error_code], field).toEqual([400, 'DCS.4800']);
      expect(reply.body.error_msg).toContain(field);
    }
    const badName = await call(`${base}/instances`, 'POST', { ...dcsCreateBody(), name: 'a' });
    expect(badName.body.error_code).toBe('DCS.4010');
  });

  it('pages lists with offset and limit, and refuses a bad limit', async () => {
    const ids = [await create('page-1'), await create('page-2'), await create('page-3')];
    const page = await call(`${base}/instances?name=page&offset=1&limit=1`);
    expect(page.body.instance_num).toBe(3);
    expect(page.body.instances.map((i: { instance_id: string }) => i.instance_id)).toEqual([ids[1]]);
    const bad = await call(`${base}/instances?limit=0`);
    expect([bad.status, bad.body.error_code]).toEqual([400, 'DCS.4800']);
  });
});
