/**
 * Chaos: settings are checked field by field; per-request draws depend only on the seed and the order of requests;
 * rates are honoured at their ends (0: never, 1: always); failures, stuck statuses and 404s after create do what
 * they say, over HTTP.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestChaosSource } from '../../src/fakeCloud/chaos.js';
import { type ChaosSettings, type FakeCloud, parseChaos, startFakeCloud } from '../../src/fakeCloud/index.js';
import { BadArgumentError } from '../../src/index.js';
import { call, dcsCreateBody, kafkaCreateBody } from '../support/fakeCloudClient.js';

const OPERATIONS = ['CREATE', 'RESIZE', 'RESTART', 'DELETE'];
let cloud: FakeCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

describe('chaos settings', () => {
  it.each([
    [[], /expected an object/],
    [{ errors: { 503: 2 } }, /errors: 503: expected a rate from 0 to 1, got 2/],
    [{ errors: { 500: 0.6, 503: 0.6 } }, /add up to 1.2/],
    [{ errors: { 404: 0.1 } }, /unknown field "404"/],
    [{ latency: { min: 10, max: 5 } }, /max \(5\) is less than min \(10\)/],
    [{ failures: { RESIZ: 1 } }, /failures: unknown operation "RESIZ"; known: CREATE, RESIZE/],
    [{ rules: [{ action: 3 }] }, /rules\[0\]: action must be a string/],
    [{ notFoundAfterCreate: -1 }, /notFoundAfterCreate: expected a whole number/],
    [{ seed: 1.5 }, /seed must be a whole number/],
    [{ surprise: true }, /unknown field "surprise"/],
  ])('refuses %j', (value, message) => {
    expect(() => parseChaos(value, 'chaos.json', OPERATIONS)).toThrow(BadArgumentError);
    expect(() => parseChaos(value, 'chaos.json', OPERATIONS)).toThrow(message);
  });

  it('keeps what it is given', () => {
    const settings = {
      seed: 3,
      errors: { 429: 0.1, 503: 0.2 },
      latency: { min: 0, max: 5 },
      rules: [{ service: 'kafka', action: 'show', errors: { 500: 1 } }],
      notFoundAfterCreate: 2,
      failures: { RESIZE: 0.5 },
      stuck: { CREATE: 0.1 },
      stuckFor: 1000,
    };
    expect(JSON.parse(JSON.stringify(parseChaos(settings, 'x', OPERATIONS)))).toEqual(settings);
  });
});

const rate = fc.double({ min: 0, max: 1 / 3, noNaN: true });
const requests = fc.array(
  fc.record({ service: fc.constantFrom('kafka', 'dcs'), action: fc.constantFrom('show', 'list', 'create') }),
  { maxLength: 50 },
);

describe('per-request chaos', () => {
  fcTest.prop([fc.nat(), rate, rate, rate, requests])(
    'the same seed and requests give the same answers',
    (seed, a, b, c, list) => {
      const settings: ChaosSettings = { errors: { 429: a, 500: b, 503: c }, latency: { min: 0, max: 100 } };
      const run = () => {
        const source = new RequestChaosSource(settings, seed);
        return list.map((r) => source.draw(r.service, r.action, `/${r.service}/v2/p/instances`));
      };
      expect(run()).toEqual(run());
    },
  );

  fcTest.prop([fc.nat(), requests])('rate 0 never answers an error, rate 1 always does', (seed, list) => {
    const never = new RequestChaosSource({ errors: { 500: 0 } }, seed);
    const always = new RequestChaosSource({ errors: { 503: 1 } }, seed);
    for (const r of list) {
      expect(never.draw(r.service, r.action, '/').error).toBeUndefined();
      expect(always.draw(r.service, r.action, '/').error).toBe(503);
    }
  });

  fcTest.prop([fc.nat(), requests])('the first matching rule replaces the defaults', (seed, list) => {
    const source = new RequestChaosSource(
      { errors: { 500: 1 }, rules: [{ service: 'dcs', action: 'show', errors: { 429: 1 } }, { service: 'dcs' }] },
      seed,
    );
    for (const r of list) {
      const expected = r.service === 'kafka' ? 500 : r.action === 'show' ? 429 : undefined;
      expect(source.draw(r.service, r.action, '/').error).toBe(expected);
    }
  });
});

describe('chaos over HTTP', () => {
  it('answers 503 without effect, per rule, and logs it', async () => {
    cloud = await startFakeCloud({
      progression: 'manual',
      chaos: { rules: [{ service: 'dcs', action: 'create', errors: { 503: 1 } }] },
    });
    const reply = await call(`${cloud.endpoints.dcs}/v2/p/instances`, 'POST', dcsCreateBody());
    expect([reply.status, reply.body.error_code]).toEqual([503, 'LIFECYCLE.503']);
    expect(cloud.instances()).toEqual([]);
    expect(cloud.requests().at(-1)).toMatchObject({ action: 'create', status: 503, chaos: { error: 503 } });
    const kafka = await call(`${cloud.endpoints.kafka}/v2/p/instances`, 'POST', kafkaCreateBody());
    expect(kafka.status).toBe(200); // the rule is for DCS only
  });

  it('answers 500 with the service’s internal error code', async () => {
    cloud = await startFakeCloud({ progression: 'manual', chaos: { errors: { 500: 1 } } });
    const reply = await call(`${cloud.endpoints.kafka}/v2/p/instances?engine=kafka`);
    expect([reply.status, reply.body.error_code]).toEqual([500, 'DMS.00500000']);
  });

  it('makes every creation fail with failures.CREATE = 1, and none by default', async () => {
    cloud = await startFakeCloud({ progression: 'immediate' });
    await call(`${cloud.endpoints.kafka}/v2/p/instances`, 'POST', kafkaCreateBody('fine'));
    cloud.setChaos({ failures: { CREATE: 1 } });
    await call(`${cloud.endpoints.kafka}/v2/p/instances`, 'POST', kafkaCreateBody('doomed'));
    expect(cloud.instances().map((i) => i.status)).toEqual(['RUNNING', 'CREATEFAILED']);
  });

  it('keeps an instance stuck in the status an operation leads to', async () => {
    cloud = await startFakeCloud({ progression: 'immediate', chaos: { stuck: { RESIZE: 1 } } });
    const base = `${cloud.endpoints.dcs}/v2/p/instances`;
    const id = (await call(base, 'POST', dcsCreateBody())).body.instances[0].instance_id;
    expect((await call(`${base}/${id}`)).body.status).toBe('RUNNING');
    await call(`${base}/${id}/resize`, 'POST', { spec_code: 'redis.ha.xu1.large.r2.4', new_capacity: 4 });
    for (let i = 0; i < 5; i++) expect((await call(`${base}/${id}`)).body.status).toBe('EXTENDING');
    expect(cloud.instances()[0]!.stuck).toEqual(['EXTENDING']);
    expect(cloud.inject(id, 'RESIZE_SUCCEEDED')).toBe('RUNNING'); // a test can free it
  });

  it('answers 404 to the first polls after create, and lists it only then', async () => {
    cloud = await startFakeCloud({ progression: 'manual', chaos: { notFoundAfterCreate: 2 } });
    const base = `${cloud.endpoints.kafka}/v2/p/instances`;
    const id = (await call(base, 'POST', kafkaCreateBody())).body.instance_id;
    expect((await call(`${base}?engine=kafka`)).body.instance_num).toBe(0);
    expect((await call(`${base}/${id}`)).status).toBe(404);
    expect((await call(`${base}/${id}`)).status).toBe(404);
    expect((await call(`${base}/${id}`)).status).toBe(200);
    expect((await call(`${base}?engine=kafka`)).body.instance_num).toBe(1);
  });

  it('is set and read through the control API, and refused with a one-line reason', async () => {
    cloud = await startFakeCloud({ progression: 'manual' });
    const control = `${cloud.url}/_lifecycle/chaos`;
    const set = await call(control, 'PUT', { errors: { 429: 0.5 } });
    expect(set).toEqual({ status: 200, body: { errors: { 429: 0.5 } } });
    expect((await call(control)).body).toEqual({ errors: { 429: 0.5 } });
    const bad = await call(control, 'PUT', { errors: { 429: 'often' } });
    expect([bad.status, bad.body.error_code]).toEqual([400, 'LIFECYCLE.400']);
    expect(bad.body.error_msg).toMatch(/errors: 429: expected a rate from 0 to 1, got "often"/);
  });
});
