/**
 * Time in the fake cloud: scaled real time moves instances on by themselves; manual time moves only when told;
 * immediate time finishes every change before answering, except where chaos keeps an instance stuck.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCloud, startFakeCloud } from '../../src/fakeCloud/index.js';
import { call, kafkaCreateBody } from '../support/fakeCloudClient.js';

let cloud: FakeCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

async function createKafka(fake: FakeCloud): Promise<string> {
  return (await call(`${fake.endpoints.kafka}/v2/p/instances`, 'POST', kafkaCreateBody())).body.instance_id;
}

const status = async (fake: FakeCloud, id: string) =>
  (await call(`${fake.endpoints.kafka}/v2/p/instances/${id}`)).body.status as string;

describe('progression', () => {
  it('scaled: a creation of minutes finishes in real milliseconds at a high speed', async () => {
    cloud = await startFakeCloud({ speed: 10_000_000 });
    const id = await createKafka(cloud);
    let seen = await status(cloud, id);
    for (let i = 0; i < 1000 && seen === 'CREATING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen = await status(cloud, id);
    }
    expect(seen).toBe('RUNNING');
  });

  it('manual: nothing moves until the clock is advanced', async () => {
    cloud = await startFakeCloud({ progression: 'manual' });
    const id = await createKafka(cloud);
    for (let i = 0; i < 3; i++) expect(await status(cloud, id)).toBe('CREATING');
    cloud.advance(60 * 60_000);
    expect(await status(cloud, id)).toBe('RUNNING');
  });

  it('immediate: every change is done before the next answer', async () => {
    cloud = await startFakeCloud({ progression: 'immediate' });
    const id = await createKafka(cloud);
    expect(await status(cloud, id)).toBe('RUNNING');
    await call(`${cloud.endpoints.kafka}/v2/p/instances/${id}`, 'DELETE');
    expect((await call(`${cloud.endpoints.kafka}/v2/p/instances/${id}`)).status).toBe(404);
    expect(cloud.histories().map((r) => r.status)).toEqual(['CREATING', 'RUNNING', 'DELETING', 'DELETED']);
    expect(() => cloud?.advance(1000)).toThrow(/moves by itself/);
  });
});
