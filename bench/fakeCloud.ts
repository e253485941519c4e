/**
 * `measureFakeCloud`: requests per second the fake cloud answers (GET of one Kafka instance, 8 clients in
 * parallel over keep-alive), paired with a bare node:http server that answers the same JSON without routing,
 * lifecycle or logging, in alternating rounds (best of each).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeCloud } from '../src/fakeCloud/index.js';

const CLIENTS = 8;

/** The figures: requests/s of the fake cloud and of the bare server. */
export interface FakeCloudRates {
  fakeCloudPerSecond: number;
  bareServerPerSecond: number;
}

async function rate(url: string, requests: number): Promise<number> {
  const started = performance.now();
  let left = requests;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left-- > 0) {
        const response = await fetch(url);
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        await response.arrayBuffer();
      }
    }),
  );
  return requests / ((performance.now() - started) / 1000);
}

/** Measure both servers, `rounds` alternating rounds of `requests` requests each. */
export async function measureFakeCloud(requests = 4000, rounds = 3): Promise<FakeCloudRates> {
  const cloud = await startFakeCloud({ progression: 'immediate', logCapacity: 1000 });
  const body = {
    name: 'bench-instance',
    engine: 'kafka',
    engine_version: '2.7',
    broker_num: 3,
    storage_space: 300,
    vpc_id: 'v',
    security_group_id: 's',
    subnet_id: 'n',
    available_zones: ['az'],
    product_id: 'c6.2u4g.cluster',
    storage_spec_code: 'dms.physical.storage.ultra.v2',
  };
  const created = await fetch(`${cloud.endpoints.kafka}/v2/p/instances`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  const { instance_id: id } = (await created.json()) as { instance_id: string };
  const showUrl = `${cloud.endpoints.kafka}/v2/p/instances/${id}`;
  const answer = await (await fetch(showUrl)).text();
  const bare = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(answer);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const fake: number[] = [];
  const plain: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      fake.push(await rate(showUrl, requests));
      plain.push(await rate(bareUrl, requests));
    }
  } finally {
    await cloud.close();
    bare.closeAllConnections();
    await new Promise((resolve) => bare.close(resolve));
  }
  return { fakeCloudPerSecond: Math.max(...fake), bareServerPerSecond: Math.max(...plain) };
}
