/**
 * The laws of the fake cloud's histories, over HTTP, in every chaos setting: each instance's true history (from
 * the control API) is strictly legal for its machine from the initial status; what a poller saw is legal in
 * sampled mode; and a seeded run is reproducible (same ids, statuses, times and answers).
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type ChaosSettings, startFakeCloud } from '../../src/fakeCloud/index.js';
import { lifecycleModel, statusesTagged, validateHistory } from '../../src/index.js';
import { type call, callRetrying, dcsCreateBody, kafkaCreateBody, Poller } from '../support/fakeCloudClient.js';

type Step = { advance: number } | { operation: string };

/** How a client asks for each operation, per service (the API actions of the route tables). */
const CLIENTS = {
  kafka: {
    create: (base: string) => callRetrying(`${base}/instances`, 'POST', kafkaCreateBody()),
    idOf: (body: { instance_id: string }) => body.instance_id,
    operations: {
      restart: (base: string, id: string) =>
        callRetrying(`${base}/instances/action`, 'POST', { action: 'restart', instances: [id] }),
      resize: (base: string, id: string, size: number) =>
        callRetrying(`${base}/instances/${id}/extend`, 'POST', { oper_type: 'storage', new_storage_space: size }),
      delete: (base: string, id: string) => callRetrying(`${base}/instances/${id}`, 'DELETE'),
    },
  },
  dcs: {
    create: (base: string) => callRetrying(`${base}/instances`, 'POST', dcsCreateBody()),
    idOf: (body: { instances: { instance_id: string }[] }) => body.instances[0]!.instance_id,
    operations: {
      restart: (base: string, id: string) =>
        callRetrying(`${base}/instances/status`, 'PUT', { action: 'restart', instances: [id] }),
      resize: (base: string, id: string, size: number) =>
        callRetrying(`${base}/instances/${id}/resize`, 'POST', {
          spec_code: 'redis.ha.xu1.large.r2.4',
          new_capacity: size,
        }),
      restore: (base: string, id: string) =>
        callRetrying(`${base}/instances/${id}/restores`, 'POST', { backup_id: 'b-1' }),
      delete: (base: string, id: string) => callRetrying(`${base}/instances/${id}`, 'DELETE'),
    },
  },
} as const;
type ServiceId = keyof typeof CLIENTS;

/** The operation event each client call requests (the route tables' data, restated for the test). */
const EVENTS: Record<string, string> = { restart: 'RESTART', resize: 'RESIZE', restore: 'RESTORE', delete: 'DELETE' };

/** Whether a reply accepted the operation (a batch answers per instance). */
function accepted(reply: { status: number; body: { results?: { result: string }[] } | undefined }): boolean {
  if (reply.status >= 300) return false;
  return reply.body?.results === undefined || reply.body.results[0]?.result === 'success';
}

/**
 * Create two instances, apply the steps to the first (polling after each, and checking that each operation is
 * accepted exactly when the machine allows it from the true status), settle, and report.
 */
async function run(service: ServiceId, chaos: ChaosSettings, seed: number, steps: Step[]) {
  const cloud = await startFakeCloud({ progression: 'manual', seed, chaos });
  try {
    const client = CLIENTS[service];
    const base = `${cloud.endpoints[service]}/v2/project-1`;
    const answers: number[] = [];
    const created = await client.create(base);
    await client.create(base); // a second instance, untouched: chaos draws must not mix them up
    expect(created.status).toBe(200);
    const id = client.idOf(created.body);
    const poller = new Poller(`${base}/instances/${id}`);
    let size = 1000;
    await poller.poll();
    for (const step of steps) {
      if ('advance' in step) cloud.advance(step.advance);
      else {
        const operations = client.operations as Record<
          string,
          (b: string, i: string, s: number) => ReturnType<typeof call>
        >;
        size += 100;
        const truth = cloud.instances().find((i) => i.instance_id === id)!;
        const model = lifecycleModel(service);
        const allowed =
          truth.hidden_polls === 0 &&
          !statusesTagged(model, 'final').has(truth.status) &&
          model.transitions.some(
            (t) => t.fromLeaf === truth.state && t.kind === 'operation' && t.event === EVENTS[step.operation],
          );
        const reply = await operations[step.operation]!(base, id, size);
        expect(accepted(reply), `${step.operation} from ${truth.status}: HTTP ${reply.status}`).toBe(allowed);
        answers.push(reply.status);
      }
      await poller.poll();
    }
    for (let i = 0; i < 20; i++) {
      cloud.advance(10 * 60_000);
      await poller.poll();
    }
    return { histories: cloud.histories({ service }), seen: poller.seen, answers, id };
  } finally {
    await cloud.close();
  }
}

function expectLegal(service: ServiceId, result: Awaited<ReturnType<typeof run>>): void {
  const byInstance = new Map<string, string[]>();
  for (const r of result.histories) byInstance.set(r.instance_id, [...(byInstance.get(r.instance_id) ?? []), r.status]);
  expect(byInstance.size).toBe(2);
  for (const [instance, statuses] of byInstance) {
    const verdict = validateHistory(service, statuses, { fromStart: true });
    expect(verdict.violations, `true history of ${instance}: ${statuses.join(' ')}`).toEqual([]);
  }
  const polled = validateHistory(service, result.seen, { mode: 'sampled' });
  expect(polled.violations, `polled: ${result.seen.join(' ')}`).toEqual([]);
}

const NAMED: [string, ChaosSettings][] = [
  ['no chaos', {}],
  ['errors', { errors: { 429: 0.2, 500: 0.1, 503: 0.2 } }],
  ['latency', { latency: { min: 0, max: 2 } }],
  ['failures', { failures: { CREATE: 0.3, RESIZE: 0.7, RESTART: 0.5, DELETE: 0.3 } }],
  ['stuck', { stuck: { RESIZE: 1, RESTART: 0.5 }, stuckFor: 3_600_000 }],
  ['404 after create', { notFoundAfterCreate: 3 }],
  [
    'everything',
    {
      errors: { 429: 0.1, 503: 0.1 },
      failures: { RESIZE: 0.5, RESTART: 0.5 },
      stuck: { DELETE: 0.5 },
      stuckFor: 600_000,
      notFoundAfterCreate: 2,
    },
  ],
];

const step = (service: ServiceId): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.integer({ min: 1_000, max: 20 * 60_000 }).map((advance) => ({ advance })),
    fc.constantFrom(...Object.keys(CLIENTS[service].operations)).map((operation) => ({ operation })),
  );
const chaosSetting = fc.oneof(
  fc.constantFrom(...NAMED.map(([, settings]) => settings)),
  fc.record(
    {
      errors: fc.record({
        429: fc.double({ min: 0, max: 0.3, noNaN: true }),
        503: fc.double({ min: 0, max: 0.3, noNaN: true }),
      }),
      failures: fc.record({
        CREATE: fc.double({ min: 0, max: 1, noNaN: true }),
        RESIZE: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      stuck: fc.record({ RESTART: fc.double({ min: 0, max: 1, noNaN: true }) }),
      notFoundAfterCreate: fc.integer({ min: 0, max: 3 }),
    },
    { requiredKeys: [] },
  ),
);

for (const service of Object.keys(CLIENTS) as ServiceId[]) {
  describe(`${service}: histories of the fake cloud`, () => {
    fcTest.prop([chaosSetting, fc.nat(), fc.array(step(service), { maxLength: 12 })], { numRuns: 10 })(
      'true histories are strictly legal and what a poller saw is legal in sampled mode, whatever the chaos',
      async (chaos, seed, steps) => {
        expectLegal(service, await run(service, chaos, seed, steps));
      },
    );

    fcTest.prop([fc.constantFrom(...NAMED), fc.nat(), fc.array(step(service), { maxLength: 10 })], { numRuns: 5 })(
      'a seeded run is reproducible: the same ids, statuses, times and answers',
      async ([, chaos], seed, steps) => {
        const first = await run(service, chaos, seed, steps);
        const second = await run(service, chaos, seed, steps);
        expect(second).toEqual(first);
        expectLegal(service, first);
      },
    );
  });
}
