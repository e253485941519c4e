/**
 * The field names a record may use, and turning a parsed JSON record into an observation. Shared by the JSON array,
 * NDJSON and CSV readers.
 */
import type { Observation } from '../model/index.js';

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
 * The observation a parsed JSON value stands for, or a message saying what is wrong with it (returned, not thrown,
 * so the caller adds the place).
 *
 * @example observationFromJson({ status: 'RUNNING', id: 7 }, 3) // { status: 'RUNNING', line: 3, instance: '7' }
 */
export function observationFromJson(value: unknown, line: number): Observation | string {
  if (typeof value === 'string') return { status: value, line };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `expected ${RECORD_SHAPE}, found ${describe(value)}`;
  const record = value as Record<string, unknown>;
  const status = Object.hasOwn(record, 'status') ? record.status : undefined;
  const operation = Object.hasOwn(record, 'operation') ? record.operation : undefined;
  if (operation !== undefined && (typeof operation !== 'string' || operation.trim() === ''))
    return `expected "operation" to be a non-empty string, found ${describe(operation)}`;
  if (typeof status !== 'string' && !(status === undefined && operation !== undefined)) {
    return status === undefined
      ? 'expected a "status" (or an "operation") field in the record'
      : `expected "status" to be a string, found ${describe(status)}`;
  }
  const observation: Observation = { status: status ?? '', line };
  if (operation !== undefined) observation.operation = operation;
  const time = record.time ?? record.timestamp;
  if (time !== undefined && time !== null) {
    if (typeof time !== 'string' && typeof time !== 'number')
      return `expected the time to be ISO 8601 text or a number, found ${describe(time)}`;
    observation.time = time;
  }
  const instance = record.instance_id ?? record.instanceId ?? record.id;
  if (instance !== undefined && instance !== null) {
    if (typeof instance !== 'string' && typeof instance !== 'number')
      return `expected the instance id to be a string or a number, found ${describe(instance)}`;
    observation.instance = String(instance);
  }
  return observation;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
