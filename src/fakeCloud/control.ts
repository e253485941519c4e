/**
 * The control API, under `/_lifecycle/`: what a test does to the fake cloud from outside (no chaos, no service
 * errors; its own errors are `LIFECYCLE.*` codes).
 *
 * | request | does |
 * | --- | --- |
 * | `GET /_lifecycle/` | the progression, the clock's time, the services' endpoints |
 * | `GET /_lifecycle/instances` | every instance's true status |
 * | `GET /_lifecycle/history[?service=S][&instance=ID]` | true histories as NDJSON (`validate` reads them) |
 * | `POST /_lifecycle/instances/{id}/inject` `{"outcome":"RESIZE_FAILED"}` | make an outcome happen now |
 * | `POST /_lifecycle/clock/advance` `{"ms":60000}` | move time (manual progression) |
 * | `GET` / `PUT /_lifecycle/chaos` | read / replace the chaos settings |
 * | `GET /_lifecycle/requests` | the last requests logged, as NDJSON |
 */
import { BadArgumentError, UnknownOperationError } from '../model/index.js';
import { ApiError, FAKE_CLOUD_ERRORS } from './apiError.js';
import { type Cloud, isRejected } from './cloud.js';
import type { Body } from './http.js';
import type { RequestLog } from './requestLog.js';

/** The path prefix of the control API (its first segment). */
export const CONTROL_PREFIX = '_lifecycle';

/** A control answer: JSON, or NDJSON text. */
export interface ControlAnswer {
  status: number;
  body: unknown;
}

/** Everything a control request may use. */
export interface ControlContext {
  cloud: Cloud;
  log: RequestLog;
  /** The services' endpoints, for the index. */
  endpoints: Record<string, string>;
}

/** Answer a control request (`segments` are the path's after `_lifecycle`). */
export function handleControl(
  context: ControlContext,
  method: string,
  segments: readonly (string | undefined)[],
  query: URLSearchParams,
  body: Body,
): ControlAnswer {
  const { cloud } = context;
  const route = segments.includes(undefined) ? 'undecodable' : `${method} ${segments.join('/')}`;
  try {
    if (route === 'GET ') {
      return ok({
        progression: cloud.clock.progression,
        now: new Date(cloud.clock.clock.now()).toISOString(),
        endpoints: context.endpoints,
        chaos_operations: cloud.chaosOperations,
      });
    }
    if (route === 'GET instances') return ok(cloud.instances());
    if (route === 'GET history') {
      const service = query.get('service') ?? undefined;
      const instance = query.get('instance') ?? undefined;
      const records = cloud.histories({
        ...(service === undefined ? {} : { service }),
        ...(instance === undefined ? {} : { instance }),
      });
      return ok(ndjson(records));
    }
    if (route === 'GET chaos') return ok(cloud.chaos);
    if (route === 'PUT chaos') return ok(cloud.setChaos(json(body), 'chaos'));
    if (route === 'GET requests') return ok(ndjson(context.log.recent()));
    if (route === 'POST clock/advance') {
      const ms = field(json(body), 'ms');
      if (cloud.clock.progression !== 'manual')
        throw conflict(`the clock moves by itself (progression ${cloud.clock.progression})`);
      const now = cloud.advance(typeof ms === 'number' ? ms : Number.NaN);
      return ok({ now: new Date(now).toISOString() });
    }
    if (method === 'POST' && segments.length === 3 && segments[0] === 'instances' && segments[2] === 'inject') {
      const outcome = field(json(body), 'outcome');
      if (typeof outcome !== 'string') throw new BadArgumentError('"outcome" must be the name of an outcome event');
      const status = cloud.inject(segments[1]!, outcome);
      return ok({ instance_id: segments[1], status });
    }
    throw new ApiError(404, FAKE_CLOUD_ERRORS.noService.code, 'No such control request.');
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.body() };
    if (isRejected(error)) return { status: 409, body: conflict(error.message).body() };
    if (error instanceof BadArgumentError || error instanceof UnknownOperationError) {
      const { status, code, message } = FAKE_CLOUD_ERRORS.badControl;
      return { status, body: new ApiError(status, code, `${message} ${error.message}`).body() };
    }
    throw error;
  }
}

function ok(body: unknown): ControlAnswer {
  return { status: 200, body };
}

function conflict(message: string): ApiError {
  const entry = FAKE_CLOUD_ERRORS.controlConflict;
  return new ApiError(entry.status, entry.code, `${entry.message} ${message}`);
}

function json(body: Body): unknown {
  if (body.kind === 'json') return body.value;
  if (body.kind === 'empty') throw new BadArgumentError('a JSON body is needed');
  throw new BadArgumentError('the body is not JSON');
}

function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadArgumentError('the body must be a JSON object');
  return Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}

function ndjson(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
