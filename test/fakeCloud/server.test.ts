/**
 * The fake cloud's server survives any client and bounds its memory: bad JSON, empty and huge bodies, unknown
 * paths and methods, broken percent-encoding and raw garbage all get an error body in the service's format; the
 * instance count and the request log are capped. The control API moves the clock, injects outcomes and serves the
 * true histories as NDJSON that `instance-lifecycle validate` accepts.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCloud, type FakeCloudOptions, startFakeCloud } from '../../src/fakeCloud/index.js';
import { BadArgumentError } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { call, dcsCreateBody, kafkaCreateBody } from '../support/fakeCloudClient.js';

let cloud: FakeCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

async function start(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  cloud = await startFakeCloud({ progression: 'manual', ...options });
  return cloud;
}

async function raw(url: string, method: string, body: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method, ...(method === 'GET' ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('the fake cloud server', () => {
  it('binds 127.0.0.1 unless told otherwise', async () => {
    const fake = await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.endpoints).toEqual({ kafka: `${fake.url}/kafka`, dcs: `${fake.url}/dcs` });
  });

  it.each([
    ['kafka', 'POST', '/v2/p/instances', '{"name":', 400, 'DMS.00400005'],
    ['kafka', 'POST', '/v2/p/instances', '', 400, 'DMS.00400004'],
    ['kafka', 'POST', '/v2/p/instances', '[1,2]', 400, 'DMS.00400062'],
    ['kafka', 'GET', '/v2/p/nothing/here', '', 404, 'DMS.00404001'],
    ['kafka', 'PATCH', '/v2/p/instances', '', 405, 'DMS.00405001'],
    ['kafka', 'GET', '/v2/p/instances', '', 400, 'DMS.00400062'], // engine=kafka is mandatory
    ['kafka', 'GET', '/v2/p/instances/%E0%A4%A', '', 404, 'DMS.00404001'],
    ['dcs', 'POST', '/v2/p/instances', 'not json', 400, 'DCS.4005'],
    ['dcs', 'PUT', '/v2/p/instances/status', '{"action":"stop","instances":["a"]}', 400, 'DCS.4064'],
    ['dcs', 'GET', '/v3/p/instances', '', 404, 'DCS.4001'],
  ])('%s %s %s %j answers %i %s', async (service, method, path, body, status, code) => {
    const fake = await start();
    const reply = await raw(`${fake.url}/${service}${path}`, method, body);
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual({ error_code: code, error_msg: expect.any(String) });
  });

  it('answers a path outside the services and the control API with its own 404', async () => {
    const fake = await start();
    const reply = await call(`${fake.url}/v2/p/instances`);
    expect([reply.status, reply.body.error_code]).toEqual([404, 'LIFECYCLE.404']);
  });

  it('refuses a body over the cap with 413 and keeps serving', async () => {
    const fake = await start({ maxBodyBytes: 1000 });
    const reply = await raw(`${fake.endpoints.dcs}/v2/p/instances`, 'POST', 'x'.repeat(100_000));
    expect(reply).toEqual({ status: 413, body: { error_code: 'LIFECYCLE.413', error_msg: expect.any(String) } });
    expect((await call(`${fake.endpoints.dcs}/v2/p/instances`)).status).toBe(200);
  });

  it('survives raw garbage on the socket and keeps serving', async () => {
    const fake = await start();
    await new Promise<void>((resolve) => {
      const socket = connect(fake.port, '127.0.0.1', () => socket.end('\u0000\u0001 NOT HTTP \r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
    expect((await call(`${fake.endpoints.kafka}/v2/p/instances?engine=kafka`)).status).toBe(200);
  });

  it('keeps at most maxInstances, making room by forgetting deleted ones, else the quota error', async () => {
    const fake = await start({ progression: 'immediate', maxInstances: 2 });
    const base = `${fake.endpoints.kafka}/v2/p/instances`;
    const first = (await call(base, 'POST', kafkaCreateBody('first'))).body.instance_id;
    await call(base, 'POST', kafkaCreateBody('second'));
    const full = await call(base, 'POST', kafkaCreateBody('third'));
    expect([full.status, full.body.error_code]).toEqual([400, 'DMS.00400035']);
    await call(`${base}/${first}`, 'DELETE');
    expect((await call(base, 'POST', kafkaCreateBody('third'))).status).toBe(200);
    expect(fake.instances().map((i) => i.instance_id)).not.toContain(first);
  });

  it('keeps at most logCapacity log entries, and gives every one to the log sink', async () => {
    const seen: string[] = [];
    const fake = await start({ logCapacity: 3, log: (entry) => seen.push(entry.path) });
    for (let i = 0; i < 5; i++) await call(`${fake.endpoints.dcs}/v2/p/instances?offset=${i}`);
    expect(seen).toHaveLength(5);
    expect(fake.requests().map((r) => r.path)).toEqual(seen.slice(2));
  });

  it('rejects bad options with a BadArgumentError', async () => {
    await expect(startFakeCloud({ seed: -1 })).rejects.toThrow(BadArgumentError);
    await expect(startFakeCloud({ speed: 0 })).rejects.toThrow(/speed must be a finite number > 0/);
    await expect(startFakeCloud({ chaos: { errors: { 500: 7 } } })).rejects.toThrow(/errors: 500/);
    await expect(startFakeCloud({ port: 70_000 })).rejects.toThrow(/port must be/);
  });
});

describe('the control API', () => {
  it('advances the clock in manual progression only', async () => {
    const fake = await start();
    const before = (await call(`${fake.url}/_lifecycle/`)).body;
    expect(before).toMatchObject({ progression: 'manual', now: '2026-01-01T00:00:00.000Z' });
    const advanced = await call(`${fake.url}/_lifecycle/clock/advance`, 'POST', { ms: 90_000 });
    expect(advanced.body).toEqual({ now: '2026-01-01T00:01:30.000Z' });
    const bad = await call(`${fake.url}/_lifecycle/clock/advance`, 'POST', { ms: -5 });
    expect([bad.status, bad.body.error_code]).toEqual([400, 'LIFECYCLE.400']);
    await fake.close();
    const immediate = await start({ progression: 'immediate' });
    const refused = await call(`${immediate.url}/_lifecycle/clock/advance`, 'POST', { ms: 1000 });
    expect([refused.status, refused.body.error_code]).toEqual([409, 'LIFECYCLE.409']);
  });

  it('injects outcomes the machine has from the current status, and refuses others', async () => {
    const fake = await start();
    const id = (await call(`${fake.endpoints.dcs}/v2/p/instances`, 'POST', dcsCreateBody())).body.instances[0]
      .instance_id;
    const inject = (outcome: unknown) => call(`${fake.url}/_lifecycle/instances/${id}/inject`, 'POST', { outcome });
    expect((await inject('RESTART_FAILED')).status).toBe(409); // not an outcome of CREATING
    expect((await inject('EXPLODE')).status).toBe(400);
    expect((await inject(7)).status).toBe(400);
    expect((await call(`${fake.url}/_lifecycle/instances/nope/inject`, 'POST', { outcome: 'FAULT' })).status).toBe(400);
    expect((await inject('CREATE_SUCCEEDED')).body).toEqual({ instance_id: id, status: 'RUNNING' });
  });

  it('serves the true histories as NDJSON that instance-lifecycle validate accepts (strict, from the start)', async () => {
    const fake = await start({ progression: 'immediate', seed: 9 });
    const base = `${fake.endpoints.kafka}/v2/p/instances`;
    const ids: string[] = [];
    for (const name of ['kafka-one', 'kafka-two'])
      ids.push((await call(base, 'POST', kafkaCreateBody(name))).body.instance_id);
    await call(`${base}/action`, 'POST', { action: 'restart', instances: ids });
    await call(`${base}/${ids[0]}`, 'DELETE');
    const response = await fetch(`${fake.url}/_lifecycle/history?service=kafka`);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const text = await response.text();
    const result = await runCliCapture(['validate', 'kafka', '-', '--from-start', '--json'], { stdin: text });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.histories.map((h: { instance: string; status: string }) => [h.instance, h.status])).toEqual([
      [ids[0], 'DELETED'],
      [ids[1], 'RUNNING'],
    ]);
    const unknown = await call(`${fake.url}/_lifecycle/history?service=ecs2`);
    expect([unknown.status, unknown.body.error_code]).toEqual([400, 'LIFECYCLE.400']);
  });

  it('answers unknown control requests with its own 404', async () => {
    const fake = await start();
    const reply = await call(`${fake.url}/_lifecycle/teleport`, 'POST', {});
    expect([reply.status, reply.body.error_code]).toEqual([404, 'LIFECYCLE.404']);
  });
});
