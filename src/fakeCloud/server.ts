/**
 * `startFakeCloud`: the fake cloud behind HTTP (node:http), in the caller's process. Each request is routed to a
 * service's API (`/kafka/...`, `/dcs/...`) or to the control API (`/_lifecycle/...`), goes through chaos, and is
 * logged. The server binds 127.0.0.1 unless told otherwise, caps request bodies, and answers every request, bad
 * ones included, with an error body rather than failing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { BadArgumentError } from '../model/index.js';
import { ApiError, type ErrorCode, FAKE_CLOUD_ERRORS } from './apiError.js';
import type { ChaosSettings, RequestChaos } from './chaos.js';
import { Cloud, type CloudOptions, type HistoryRecord, type InstanceSummary } from './cloud.js';
import { CONTROL_PREFIX, handleControl } from './control.js';
import { type Body, readBody, send } from './http.js';
import { MAX_LOGGED_PATH, RequestLog, type RequestLogEntry } from './requestLog.js';
import { matchRoute, pathSegments } from './router.js';
import type { Answer, ServiceApi } from './serviceApi.js';

/** Options of {@link startFakeCloud}. */
export interface FakeCloudOptions extends CloudOptions {
  /** Port to listen on (default 0: a free port, see `port` of the result). */
  port?: number;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Called with every request's log entry (the CLI writes them as NDJSON). */
  log?: (entry: RequestLogEntry) => void;
  /** How many log entries `GET /_lifecycle/requests` keeps (default 1000). */
  logCapacity?: number;
  /** Largest request body read, in bytes (default 1 MiB); larger ones answer 413. */
  maxBodyBytes?: number;
}

/** A running fake cloud. */
export interface FakeCloud {
  /** `http://127.0.0.1:PORT`: the server's address. */
  readonly url: string;
  readonly port: number;
  /** The endpoint to give each service's client (`${url}/kafka`, `${url}/dcs`), by service id. */
  readonly endpoints: Readonly<Record<string, string>>;
  /** The fake cloud's time now (epoch ms on its clock). */
  now(): number;
  /** Move time forward (manual progression); throws a {@link BadArgumentError} otherwise. */
  advance(ms: number): void;
  /** Make an outcome happen now to an instance; returns its status then. */
  inject(instanceId: string, outcome: string): string;
  /** The chaos in force. */
  readonly chaos: ChaosSettings;
  /** Replace the chaos (checked like a chaos file). */
  setChaos(settings: ChaosSettings): void;
  /** The true histories, as `GET /_lifecycle/history` gives them. */
  histories(filter?: { service?: string; instance?: string }): HistoryRecord[];
  /** Every instance's true status. */
  instances(): InstanceSummary[];
  /** The last requests logged. */
  requests(): RequestLogEntry[];
  /** Stop the server (open connections are closed). */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/**
 * Start a fake cloud: the services' REST APIs with lifecycles from their machines, chaos, and a control API.
 * Rejects with a {@link BadArgumentError} for a bad option (seed, speed, chaos...), or the listen error.
 *
 * @example
 * const cloud = await startFakeCloud({ progression: 'manual', seed: 1 });
 * const created = await fetch(`${cloud.endpoints.dcs}/v2/p1/instances`, { method: 'POST', body: JSON.stringify(body) });
 * cloud.advance(10 * 60_000);           // creation done
 * cloud.histories({ service: 'dcs' });  // [{ instance_id, status: 'CREATING', time }, { ..., status: 'RUNNING' }]
 * await cloud.close();
 */
export async function startFakeCloud(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  const cloud = new Cloud(options);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isSafeInteger(port) || port < 0 || port > 65535)
    throw new BadArgumentError(`port must be a whole number from 0 to 65535, got ${port}`);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (!Number.isSafeInteger(maxBody) || maxBody < 1) throw new BadArgumentError('maxBodyBytes must be >= 1');
  const log = new RequestLog(options.logCapacity ?? 1000, options.log);
  const endpoints: Record<string, string> = {};
  let requestCount = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, new ApiError(500, 'LIFECYCLE.500', 'Internal error.').body());
      else response.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const rawPath = request.url ?? '/';
    const requestId = `fake-${++requestCount}`;
    const entry: Partial<RequestLogEntry> = {};
    let url: URL;
    try {
      url = new URL(rawPath, 'http://fake.invalid');
    } catch {
      url = new URL('http://fake.invalid/');
    }
    const segments = pathSegments(url.pathname);
    const body = await readBody(request, maxBody);
    let answer: { status: number; body?: unknown };
    let chaos: RequestChaos | undefined;
    if (body.kind === 'too-large') {
      answer = errorAnswer(ApiError.of(FAKE_CLOUD_ERRORS.bodyTooLarge, `(more than ${maxBody} bytes)`));
      response.setHeader('connection', 'close');
    } else if (segments[0] === CONTROL_PREFIX) {
      entry.action = 'control';
      answer = handleControl({ cloud, log, endpoints }, method, segments.slice(1), url.searchParams, body);
    } else {
      const api = cloud.apis.find((a) => a.service === segments[0]);
      if (!api)
        answer = errorAnswer(
          ApiError.of(FAKE_CLOUD_ERRORS.noService, `(served: ${Object.values(endpoints).join(', ')})`),
        );
      else {
        entry.service = api.service;
        const result = await serviceRequest(api, method, segments.slice(1), url, body, entry);
        answer = result.answer;
        chaos = result.chaos;
      }
    }
    send(response, answer.status, answer.body, { 'x-request-id': requestId });
    const errorCode = errorCodeOf(answer.body);
    log.add({
      time: new Date().toISOString(),
      method: method.slice(0, 20),
      path: rawPath.slice(0, MAX_LOGGED_PATH),
      ...entry,
      status: answer.status,
      ...(errorCode === undefined ? {} : { error_code: errorCode }),
      ...(chaos && (chaos.error !== undefined || chaos.latency > 0)
        ? {
            chaos: {
              ...(chaos.error === undefined ? {} : { error: chaos.error }),
              ...(chaos.latency > 0 ? { latency: chaos.latency } : {}),
            },
          }
        : {}),
      ms: Math.round(performance.now() - started),
    });
  }

  async function serviceRequest(
    api: ServiceApi,
    method: string,
    segments: readonly (string | undefined)[],
    url: URL,
    body: Body,
    entry: Partial<RequestLogEntry>,
  ): Promise<{ answer: { status: number; body?: unknown }; chaos?: RequestChaos }> {
    const match = matchRoute(api.routes, method, segments);
    if (match === undefined) return { answer: errorAnswer(ApiError.of(api.errors.unknownUrl)) };
    if (match === 'method-not-allowed') return { answer: errorAnswer(ApiError.of(api.errors.methodNotAllowed)) };
    const { route, params } = match;
    entry.action = route.action;
    const id = params.get('id');
    if (id !== undefined) entry.instances = [id.slice(0, 256)];
    cloud.settle();
    const chaos = cloud.requests.draw(api.service, route.action, url.pathname);
    if (chaos.latency > 0) await sleep(chaos.latency);
    if (chaos.error !== undefined) return { answer: errorAnswer(chaosError(api, chaos.error)), chaos };
    try {
      let parsed: unknown;
      if (body.kind === 'not-json' && method !== 'GET') throw ApiError.of(api.errors.bodyNotJson);
      if (body.kind === 'json') parsed = body.value;
      if (route.body && body.kind === 'empty') throw ApiError.of(api.errors.bodyEmpty);
      const answer: Answer = await route.handle({
        params,
        query: url.searchParams,
        body: parsed,
        store: cloud.store,
        chaos: cloud.chaos,
      });
      if (answer.instances) entry.instances = answer.instances.slice(0, 100);
      return { answer, chaos };
    } catch (error) {
      if (error instanceof ApiError) return { answer: errorAnswer(error), chaos };
      return { answer: errorAnswer(ApiError.of(api.errors.internal)), chaos };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const base = `http://${shownHost}:${address.port}`;
  for (const api of cloud.apis) endpoints[api.service] = `${base}/${api.service}`;

  return {
    url: base,
    port: address.port,
    endpoints,
    now: () => cloud.clock.clock.now(),
    advance: (ms) => void cloud.advance(ms),
    inject: (id, outcome) => cloud.inject(id, outcome),
    get chaos() {
      return cloud.chaos;
    },
    setChaos: (settings) => void cloud.setChaos(settings),
    histories: (filter) => cloud.histories(filter),
    instances: () => cloud.instances(),
    requests: () => log.recent(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function errorAnswer(error: ApiError): { status: number; body: unknown } {
  return { status: error.status, body: error.body() };
}

function chaosError(api: ServiceApi, status: 429 | 500 | 503): ApiError {
  const entry: ErrorCode =
    status === 500
      ? api.errors.internal
      : status === 429
        ? FAKE_CLOUD_ERRORS.tooManyRequests
        : FAKE_CLOUD_ERRORS.unavailable;
  return ApiError.of(entry);
}

function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'error_code')) return undefined;
  const code = (body as { error_code: unknown }).error_code;
  return typeof code === 'string' ? code : undefined;
}
