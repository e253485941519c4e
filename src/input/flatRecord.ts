/**
 * `scanFlatRecord`: the fast path of NDJSON reading. Most fleet-log lines are flat JSON objects of plain strings and
 * numbers; this reads such a line without building the whole object `JSON.parse` would, taking only the fields an
 * observation needs. It accepts a strict subset of JSON and gives up (returns undefined) on anything else (escapes,
 * control characters, nested values, `null` or booleans in a field it reads, a missing status), so the caller falls
 * back to `JSON.parse`, which then gives the same result or the precise error.
 */
import type { Observation } from '../model/index.js';
import { epochTime, type TimeUnit } from './fields.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const UNUSUAL = /[\u0000-\u001f\\]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The observation on a flat NDJSON line, or undefined when the line is outside the fast subset. An epoch time (a
 * number, or numeric text) is read in `timeUnit` and becomes ISO 8601 text, as `observationFromJson` does.
 *
 * @example scanFlatRecord('{"status":"RUNNING","id":7}', 3) // { status: 'RUNNING', line: 3, instance: '7' }
 */
export function scanFlatRecord(text: string, line: number, timeUnit: TimeUnit = 'auto'): Observation | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const end = text.length;
  let pos = skipSpaces(text, 0);
  if (text.charCodeAt(pos) !== 123 /* { */) return undefined;
  pos = skipSpaces(text, pos + 1);
  // (the calls of skipSpaces below are guarded: most JSON lines have no spaces between tokens)
  let status: string | undefined;
  let time: string | number | undefined;
  let timestamp: string | number | undefined;
  let instanceId: string | undefined;
  let instanceIdCamel: string | undefined;
  let id: string | undefined;
  if (text.charCodeAt(pos) === 125 /* } */) return undefined; // {}: no status
  for (;;) {
    if (text.charCodeAt(pos) !== 34) return undefined;
    const keyEnd = text.indexOf('"', pos + 1);
    if (keyEnd < 0) return undefined;
    const key = fieldOf(text, pos + 1, keyEnd);
    pos = keyEnd + 1;
    if (text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
    if (text.charCodeAt(pos) !== 58 /* : */) return undefined;
    pos++;
    if (text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
    const c = text.charCodeAt(pos);
    let value: string | number | undefined;
    if (c === 34) {
      const close = text.indexOf('"', pos + 1);
      if (close < 0) return undefined;
      value = key === Field.Other ? '' : text.slice(pos + 1, close);
      pos = close + 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text);
      if (match === null) return undefined;
      // an instance id keeps its digits as written (2^53 + 1 is not 2^53); a time is a number
      value =
        key === Field.InstanceId || key === Field.InstanceIdCamel || key === Field.Id ? match[0] : Number(match[0]);
      pos += match[0].length;
    } else if (text.startsWith('true', pos) || text.startsWith('null', pos)) {
      pos += 4;
    } else if (text.startsWith('false', pos)) {
      pos += 5;
    } else {
      return undefined; // nested values, or not JSON
    }
    if (key !== Field.Other) {
      if (value === undefined || (key === Field.Status && typeof value !== 'string')) return undefined; // null, booleans
      if (key === Field.Status) status = value as string;
      else if (key === Field.Time) time = value;
      else if (key === Field.Timestamp) timestamp = value;
      else if (key === Field.InstanceId) instanceId = value as string;
      else if (key === Field.InstanceIdCamel) instanceIdCamel = value as string;
      else id = value as string;
    }
    if (text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
    const next = text.charCodeAt(pos);
    if (next === 125 /* } */) break;
    if (next !== 44 /* , */) return undefined;
    pos++;
    if (text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
  }
  if (skipSpaces(text, pos + 1) !== end || status === undefined) return undefined;
  let when = time ?? timestamp;
  // epoch numbers, and epoch text (ISO 8601 text is longer), become ISO 8601 text
  if (typeof when === 'number' || (when !== undefined && when.length < 20)) when = epochTime(when, timeUnit);
  const instance = instanceId ?? instanceIdCamel ?? id;
  // built in one piece: no change of shape while it is filled
  if (when !== undefined && instance !== undefined) return { status, line, time: when, instance };
  if (when !== undefined) return { status, line, time: when };
  if (instance !== undefined) return { status, line, instance };
  return { status, line };
}

enum Field {
  Other,
  Status,
  Time,
  Timestamp,
  InstanceId,
  InstanceIdCamel,
  Id,
}

/** Which field the key between `start` and `end` names (compared in place: no string is made for it). */
function fieldOf(text: string, start: number, end: number): Field {
  switch (end - start) {
    case 6:
      return text.startsWith('status', start) ? Field.Status : Field.Other;
    case 4:
      return text.startsWith('time', start) ? Field.Time : Field.Other;
    case 9:
      return text.startsWith('timestamp', start) ? Field.Timestamp : Field.Other;
    case 11:
      return text.startsWith('instance_id', start) ? Field.InstanceId : Field.Other;
    case 10:
      return text.startsWith('instanceId', start) ? Field.InstanceIdCamel : Field.Other;
    case 2:
      return text.startsWith('id', start) ? Field.Id : Field.Other;
    default:
      return Field.Other;
  }
}

function skipSpaces(text: string, from: number): number {
  let pos = from;
  let c = text.charCodeAt(pos);
  while (c === 32 || c === 13 || c === 10 || c === 9) c = text.charCodeAt(++pos);
  return pos;
}
