/**
 * The field names a record may use, and turning a parsed JSON record into an observation. Shared by the JSON array,
 * NDJSON and CSV readers.
 */
import { describeValue, type Observation } from '../model/index.js';
import { numberMembers } from './jsonSyntax.js';

/** Field names of the status. */
export const STATUS_FIELDS: readonly string[] = ['status'];
/** Field names of the time, in order of preference. */
export const TIME_FIELDS: readonly string[] = ['time', 'timestamp'];
/** Field names of the instance id, in order of preference. */
export const INSTANCE_FIELDS: readonly string[] = ['instance_id', 'instanceId', 'id'];

/** What a record must look like, for messages. */
export const RECORD_SHAPE = 'a status string, or an object with a "status" string (and optional "time", "instance_id")';

/**
 * The observation a parsed JSON value stands for, or a message saying what is wrong with it (returned, not thrown,
 * so the caller adds the place). A numeric instance id is kept as written: give `source`, the JSON text the value
 * was parsed from (from `from` on), so that an id above 2^53 keeps its digits (without it, the number's shortest
 * spelling is used).
 *
 * @example observationFromJson({ status: 'RUNNING', id: 7 }, 3) // { status: 'RUNNING', line: 3, instance: '7' }
 */
export function observationFromJson(value: unknown, line: number, source?: string, from = 0): Observation | string {
  if (typeof value === 'string') return { status: value, line };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `expected ${RECORD_SHAPE}, found ${describe(value)}`;
  const record = value as Record<string, unknown>;
  const status = record.status;
  if (typeof status !== 'string') {
    return status === undefined
      ? 'expected a "status" field in the record'
      : `expected "status" to be a string, found ${describe(status)}`;
  }
  const observation: Observation = { status, line };
  const time = record.time ?? record.timestamp;
  if (time !== undefined && time !== null) {
    if (typeof time !== 'string' && typeof time !== 'number')
      return `expected the time to be ISO 8601 text or a number, found ${describe(time)}`;
    observation.time = time;
  }
  const field = INSTANCE_FIELDS.find(
    (name) => Object.hasOwn(record, name) && record[name] !== null && record[name] !== undefined,
  );
  const instance = field === undefined ? undefined : record[field];
  if (instance !== undefined) {
    if (typeof instance !== 'string' && typeof instance !== 'number')
      return `expected the instance id to be a string or a number, found ${describe(instance)}`;
    observation.instance =
      typeof instance === 'number' && source !== undefined
        ? (numberMembers(source, from).get(field!) ?? String(instance))
        : String(instance);
  }
  return observation;
}

function describe(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large for a double';
  return describeValue(value);
}
