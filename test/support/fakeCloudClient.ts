/**
 * A small client of the fake cloud for tests: JSON requests with `fetch`, retried while chaos answers 429 or 5xx
 * (those have no effect, and time does not move between retries in manual progression), and a poller that records
 * what it saw.
 */
import { NOT_FOUND, type NotFound } from '../../src/index.js';

/** An answer: HTTP status and parsed JSON body (undefined when empty). */
export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON answers field by field, as a client does
  body: any;
}

/** One JSON request (no retry). */
export async function call(url: string, method = 'GET', body?: unknown): Promise<Reply> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: 'SDK-HMAC-SHA256 Access=AK, Signature=anything' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Whether a status is one chaos makes up (retry it). */
export function isChaosStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** A request retried while chaos answers 429/5xx (at most `attempts` times). */
export async function callRetrying(url: string, method = 'GET', body?: unknown, attempts = 200): Promise<Reply> {
  for (let i = 1; ; i++) {
    const reply = await call(url, method, body);
    if (!isChaosStatus(reply.status) || i >= attempts) return reply;
  }
}

/** Records what a poller of one instance saw: statuses, and DELETED for a 404 once the instance was seen. */
export class Poller {
  readonly seen: string[] = [];

  constructor(
    private readonly url: string,
    private readonly goneStatus = 'DELETED',
  ) {}

  /** Poll once (retrying chaos answers); a 404 before the instance was ever seen is no observation. */
  async poll(): Promise<string | NotFound | undefined> {
    const reply = await callRetrying(this.url);
    if (reply.status === 404) {
      if (this.seen.length === 0) return undefined; // not visible yet (eventual consistency)
      this.seen.push(this.goneStatus);
      return NOT_FOUND;
    }
    if (reply.status !== 200) throw new Error(`poll: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
    this.seen.push(reply.body.status);
    return reply.body.status as string;
  }
}

/** A Kafka create body with every mandatory field of the API reference. */
export function kafkaCreateBody(name = 'kafka-test'): Record<string, unknown> {
  return {
    name,
    engine: 'kafka',
    engine_version: '2.7',
    broker_num: 3,
    storage_space: 300,
    vpc_id: 'vpc-1',
    security_group_id: 'sg-1',
    subnet_id: 'subnet-1',
    available_zones: ['az-1'],
    product_id: 'c6.2u4g.cluster',
    storage_spec_code: 'dms.physical.storage.ultra.v2',
  };
}

/** A DCS create body with every mandatory field of the API reference. */
export function dcsCreateBody(name = 'dcs-test'): Record<string, unknown> {
  return {
    name,
    engine: 'Redis',
    engine_version: '5.0',
    capacity: 2,
    spec_code: 'redis.ha.xu1.large.r2.2',
    az_codes: ['az-1'],
    vpc_id: 'vpc-1',
    subnet_id: 'subnet-1',
    password: 'Secret-123',
  };
}
