/**
 * The field names a record may use, and turning a parsed JSON record into an observation. Shared by the JSON array,
 * NDJSON and CSV readers. The built-in names (aliases) are the default; `--status-field`, `--id-field` and
 * `--time-field` (the readers' `fields` option) name other fields, as dotted paths into nested objects.
 */
import { describeValue } from '../model/checkArgument.js';
import type { Observation } from '../model/index.js';
import { numberMembers } from './jsonSyntax.js';

/** Field names of the status. */
export const STATUS_FIELDS: readonly string[] = ['status'];
/** Field names of an operation the user requested (a record may carry one instead of, or before, a status). */
export const OPERATION_FIELDS: readonly string[] = ['operation'];
/** Field names of the time, in order of preference. */
export const TIME_FIELDS: readonly string[] = ['time', 'timestamp'];
/** Field names of the instance id, in order of preference. */
export const INSTANCE_FIELDS: readonly string[] = ['instance_id', 'instanceId', 'id'];

/** What a record must look like, for messages. */
export const RECORD_SHAPE =
  'a status string, or an object with a "status" or an "operation" string (and optional "time", "instance_id")';

/**
 * The fields of your own records, each a dotted path into nested objects (`instance.status`); for CSV, the column
 * name. A field not given keeps the built-in names.
 */
export interface FieldNames {
  /** The status field (default `status`). */
  status?: string;
  /** The instance id field (default `instance_id`, `instanceId` or `id`). */
  id?: string;
  /** The time field (default `time` or `timestamp`). */
  time?: string;
}

/**
 * How numeric times (epoch times) are read: `s` seconds, `ms` milliseconds, or `auto` (default): a number below
 * 10^11 is seconds (10^11 seconds is the year 5138; 10^11 milliseconds is 1973), anything else milliseconds.
 */
export type TimeUnit = 'auto' | 's' | 'ms';

/** Every {@link TimeUnit}. */
export const TIME_UNITS: readonly TimeUnit[] = ['auto', 's', 'ms'];

/** The fields a reader looks for, as candidate names: each a path of keys. */
export interface RecordShape {
  status: readonly (readonly string[])[];
  time: readonly (readonly string[])[];
  instance: readonly (readonly string[])[];
  /** True when every field keeps its built-in names (the fast NDJSON path applies). */
  builtIn: boolean;
}

/** Where an operation is read from (its name is fixed: `operation`). */
const OPERATION_PATHS: readonly (readonly string[])[] = OPERATION_FIELDS.map((name) => [name]);

const BUILT_IN: RecordShape = {
  status: STATUS_FIELDS.map((name) => [name]),
  time: TIME_FIELDS.map((name) => [name]),
  instance: INSTANCE_FIELDS.map((name) => [name]),
  builtIn: true,
};

/**
 * The record shape for field names given by a user (built-in names for the fields not given). A name is split at
 * dots into a path of keys.
 *
 * @example recordShape({ status: 'instance.status' }).status // [['instance', 'status']]
 */
export function recordShape(fields: FieldNames = {}): RecordShape {
  if (fields.status === undefined && fields.id === undefined && fields.time === undefined) return BUILT_IN;
  const path = (name: string) => [name.split('.')];
  return {
    status: fields.status === undefined ? BUILT_IN.status : path(fields.status),
    time: fields.time === undefined ? BUILT_IN.time : path(fields.time),
    instance: fields.id === undefined ? BUILT_IN.instance : path(fields.id),
    builtIn: false,
  };
}

/**
 * The observation a parsed JSON value stands for, or a message saying what is wrong with it (returned, not thrown,
 * so the caller adds the place). Numeric times become ISO 8601 text (see {@link epochTime}). A numeric instance id
 * is kept as written: give `source`, the JSON text the value was parsed from (from `from` on), so that an id above
 * 2^53 keeps its digits (for a top-level id field; otherwise, and without `source`, the number's shortest
 * spelling is used).
 *
 * @example observationFromJson({ status: 'RUNNING', id: 7 }, 3) // { status: 'RUNNING', line: 3, instance: '7' }
 */
export function observationFromJson(
  value: unknown,
  line: number,
  shape: RecordShape = BUILT_IN,
  timeUnit: TimeUnit = 'auto',
  source?: string,
  from = 0,
): Observation | string {
  if (typeof value === 'string') return { status: value, line };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `expected ${shape.builtIn ? RECORD_SHAPE : `an object with a "${fieldName(shape.status)}" string`}, found ${describe(value)}`;
  const status = firstField(value, shape.status);
  const operation = firstField(value, OPERATION_PATHS);
  if (operation !== undefined && (typeof operation !== 'string' || operation.trim() === ''))
    return `expected "operation" to be a non-empty string, found ${describe(operation)}`;
  if (typeof status !== 'string' && !(status === undefined && operation !== undefined)) {
    const name = fieldName(shape.status);
    return status === undefined
      ? `expected a "${name}" (or an "operation") field in the record`
      : `expected "${name}" to be a string, found ${describe(status)}`;
  }
  const observation: Observation = { status: status ?? '', line };
  if (operation !== undefined) observation.operation = operation;
  const time = firstField(value, shape.time);
  if (time !== undefined && time !== null) {
    if (typeof time !== 'string' && typeof time !== 'number')
      return `expected the time to be ISO 8601 text or a number, found ${describe(time)}`;
    observation.time = epochTime(time, timeUnit);
  }
  const instance = firstField(value, shape.instance);
  if (instance !== undefined && instance !== null) {
    if (typeof instance !== 'string' && typeof instance !== 'number')
      return `expected the instance id to be a string or a number, found ${describe(instance)}`;
    observation.instance =
      typeof instance === 'number' && source !== undefined
        ? (numberText(value, shape.instance, source, from) ?? String(instance))
        : String(instance);
  }
  return observation;
}

/**
 * A time as read from input: an epoch number (or numeric text shorter than 20 characters) becomes ISO 8601 text, in
 * the unit given (see {@link TimeUnit}); other text is kept as written. So every report shows times as ISO 8601.
 *
 * @example epochTime(1767225600, 'auto') // '2026-01-01T00:00:00.000Z'
 * @example epochTime('1767225600000', 'auto') // '2026-01-01T00:00:00.000Z'
 */
export function epochTime(time: string | number, unit: TimeUnit = 'auto'): string | number {
  let value = time;
  if (typeof value === 'string') {
    if (value.length >= 20) return time; // ISO 8601 text is this long; epoch text is not
    const text = value.trim();
    if (text === '' || !/^-?\d+(\.\d+)?$/.test(text)) return time;
    value = Number(text);
  }
  const seconds = unit === 's' || (unit === 'auto' && Math.abs(value) < 1e11);
  const date = new Date(seconds ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? time : date.toISOString();
}

/** The value of the first of the paths that the record has (own keys only) and is not null, or null, or undefined. */
/** The text of the number the first present path leads to, when that path is one top-level field. */
function numberText(
  record: object,
  paths: readonly (readonly string[])[],
  source: string,
  from: number,
): string | undefined {
  const path = paths.find((p) => {
    const found = firstField(record, [p]);
    return found !== undefined && found !== null;
  });
  return path?.length === 1 ? numberMembers(source, from).get(path[0]!) : undefined;
}

function firstField(record: object, paths: readonly (readonly string[])[]): unknown {
  let found: unknown;
  for (const path of paths) {
    let value: unknown = record;
    for (const key of path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) {
        value = undefined;
        break;
      }
      value = (value as Record<string, unknown>)[key];
    }
    if (value !== undefined && value !== null) return value;
    found ??= value;
  }
  return found;
}

/** The name of a field for messages: its first path, dotted. */
function fieldName(paths: readonly (readonly string[])[]): string {
  return paths[0]!.join('.');
}

function describe(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large for a double';
  return describeValue(value);
}
