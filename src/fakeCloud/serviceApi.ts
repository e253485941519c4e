/**
 * What a service's REST API is in the fake cloud: its error table and its routes (an API action, a method, a path
 * pattern, and a handler), plus the small helpers the services' handlers share (reading bodies and queries,
 * paging, the statuses of a failed creation). The services' statuses and events are never named here: handlers
 * name only the operation events the API triggers, listed as data in each route table.
 */
import { type LifecycleModel, lifecycleModel, statusesTagged } from '../model/index.js';
import { ApiError, type ErrorTable } from './apiError.js';
import type { ChaosSettings } from './chaos.js';
import type { CloudInstance, InstanceStore } from './instanceStore.js';

/** What a handler gets. */
export interface RouteContext {
  /** The path parameters (`project`, `id`, ...). */
  params: ReadonlyMap<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body (undefined when none was sent). */
  body: unknown;
  store: InstanceStore;
  /** The chaos in force (for new instances). */
  chaos: ChaosSettings;
}

/** A handler's answer. */
export interface Answer {
  status: number;
  /** JSON body; none for 204. */
  body?: unknown;
  /** The instances the request was about, for the request log. */
  instances?: string[];
}

/** One route of a service's API. */
export interface Route {
  /** The API action, as the request log and chaos rules name it. */
  action: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path pattern below the service's prefix, with `{name}` parameters: `/v2/{project}/instances/{id}`. */
  path: string;
  /** Whether the request must have a JSON body. */
  body?: boolean;
  handle(context: RouteContext): Answer | Promise<Answer>;
}

/** A service's REST API in the fake cloud. */
export interface ServiceApi {
  /** The registered service id; also the path prefix (`/kafka/...`). */
  service: string;
  errors: ErrorTable;
  routes: readonly Route[];
  /** The operation events the routes request (checked against the machine when the fake cloud starts). */
  operations: readonly string[];
}

/** A path parameter the route pattern guarantees. */
export function param(context: RouteContext, name: string): string {
  return context.params.get(name) ?? '';
}

/** The body as a JSON object, or the invalid-parameter error. */
export function bodyObject(context: RouteContext, errors: ErrorTable): Record<string, unknown> {
  const body = context.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw ApiError.of(errors.invalidParameter, '(the body must be a JSON object)');
  return body as Record<string, unknown>;
}

/** Checked readers of body fields: each throws the invalid-parameter error naming the field. */
export function fieldReader(body: Record<string, unknown>, errors: ErrorTable) {
  const invalid = (name: string) => ApiError.of(errors.invalidParameter, `(${name})`);
  const has = (name: string) => Object.hasOwn(body, name) && body[name] !== undefined && body[name] !== null;
  return {
    has,
    string(name: string, optional = false): string | undefined {
      if (!has(name)) {
        if (optional) return undefined;
        throw invalid(name);
      }
      const value = body[name];
      if (typeof value !== 'string' || value.length === 0 || value.length > 1024) throw invalid(name);
      return value;
    },
    number(name: string, optional = false, integer = true): number | undefined {
      if (!has(name)) {
        if (optional) return undefined;
        throw invalid(name);
      }
      const value = body[name];
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw invalid(name);
      if (integer && !Number.isSafeInteger(value)) throw invalid(name);
      return value;
    },
    boolean(name: string): boolean | undefined {
      if (!has(name)) return undefined;
      if (typeof body[name] !== 'boolean') throw invalid(name);
      return body[name] as boolean;
    },
    strings(name: string, optional = false, max = 100): string[] | undefined {
      if (!has(name)) {
        if (optional) return undefined;
        throw invalid(name);
      }
      const value = body[name];
      if (
        !Array.isArray(value) ||
        value.length > max ||
        !value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 1024)
      )
        throw invalid(name);
      return value as string[];
    },
  };
}

/** `offset` and `limit` of a list query, checked (`limit` from 1 to `maxLimit`, default `defaultLimit`). */
export function paging(
  query: URLSearchParams,
  errors: ErrorTable,
  defaultLimit: number,
  maxLimit: number,
): { offset: number; limit: number } {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const text = query.get(name);
    if (text === null || text === '') return fallback;
    const value = Number(text);
    if (!/^\d{1,9}$/.test(text) || value < min || value > max) throw ApiError.of(errors.invalidParameter, `(${name})`);
    return value;
  };
  return { offset: read('offset', 0, 0, 1e9), limit: read('limit', defaultLimit, 1, maxLimit) };
}

/**
 * The statuses of an instance whose creation failed: statuses tagged `failed` that an outcome of the initial
 * status leads to (lists leave them out unless `include_failure=true`).
 */
export function creationFailedStatuses(model: LifecycleModel): Set<string> {
  const failed = statusesTagged(model, 'failed');
  return new Set(
    model.transitions
      .filter((t) => t.from === model.initial && t.kind === 'outcome' && failed.has(t.to))
      .map((t) => t.to),
  );
}

/** The instances of a list request after the filters every service has (`instance_id`, `name`, `status`, failures). */
export function filterInstances(
  store: InstanceStore,
  service: string,
  project: string,
  query: URLSearchParams,
  exactName: boolean,
): CloudInstance[] {
  const failedCreation = creationFailedStatuses(lifecycleModel(service));
  const id = query.get('instance_id') || query.get('id');
  const name = query.get('name');
  const status = query.get('status');
  const includeFailure = query.get('include_failure') === 'true';
  return store.list(service, project).filter((i) => {
    const current = i.sim.current;
    if (!includeFailure && failedCreation.has(current)) return false;
    if (id && i.id !== id) return false;
    if (status && current !== status) return false;
    const instanceName = String(i.fields.name);
    if (name && (exactName ? instanceName !== name : !instanceName.includes(name))) return false;
    return true;
  });
}

/**
 * The ids of a batch request's `instances` field, checked: an array of 1 to `max` distinct strings. The errors
 * for a missing, too long or repeated list are the service's own.
 */
export function batchIds(
  value: unknown,
  errors: { empty: ApiError; tooMany: ApiError; repeated: ApiError; invalid: ApiError },
  max = 50,
): string[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) throw errors.empty;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length <= 256)) throw errors.invalid;
  if (value.length > max) throw errors.tooMany;
  if (new Set(value).size !== value.length) throw errors.repeated;
  return value as string[];
}

/** An ISO 8601 UTC time with milliseconds. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
