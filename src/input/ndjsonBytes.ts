/**
 * The fastest way through an NDJSON fleet log: lines are read as bytes, and a line in the common subset (a flat
 * JSON object of plain ASCII strings and numbers, its status spelled exactly as a known status, its time ISO 8601
 * UTC to the second or the millisecond, its instance id a string) becomes four integers and a number without
 * making a string or an object: the instance id is interned from its bytes, the status matched by its bytes, the
 * time read from its digits. Every other line (and every problem) takes the ordinary path, `createNdjsonParser`
 * on the line's text, so the result is the same observation, the same bad record or the same error. Reading also
 * keeps the ordinary reader's rules: lines end at `\n` (a `\r` before it dropped), a byte order mark at the start
 * is skipped, invalid UTF-8 and lines longer than {@link MAX_RECORD_LENGTH} characters are errors with the same
 * messages, checked at the same 64 KiB boundaries of the file.
 */
import { isUtf8 } from 'node:buffer';
import type { Observation } from '../model/index.js';
import { daysFromCivil } from '../time/timeValue.js';
import { InputError, MAX_RECORD_LENGTH, recordTooLong } from './inputError.js';
import type { LineParser } from './lineParser.js';
import { StrictUtf8Decoder } from './utf8.js';

/** The size of the reads the ordinary reader makes (its long-line check runs after each). */
export const READ_CHUNK = 1 << 16;

/** How a time was written: none, ISO 8601 UTC to the second (20 characters), or to the millisecond (24). */
export type FastTimeForm = 0 | 1 | 2;

/** Where the lines of an NDJSON input go. */
export interface NdjsonByteSink {
  /** The number of an instance id from its UTF-8 bytes (or of records without one, for `start === end === -1`). */
  intern(bytes: Uint8Array, start: number, end: number): number;
  /** A fast record: instance number, status id, time in ms (NaN for none), how it was written, line number. */
  record(instance: number, status: number, time: number, form: FastTimeForm, line: number): void;
  /** The observation of a line read the ordinary way. */
  observation(observation: Observation): void;
}

const LINE_FEED = 10;
const QUOTE = 34;
const BACKSLASH = 92;
/** The most string values a remembered line shape has. */
const MAX_SHAPE_VALUES = 16;
/** The greatest line number a fast record carries (beyond it, lines take the ordinary path). */
const MAX_FAST_LINE = 0x7ffffffe;

enum Key {
  Other,
  Status,
  Time,
  Timestamp,
  InstanceId,
  InstanceIdCamel,
  Id,
  Slow,
}

/**
 * Reads NDJSON bytes in chunks, line by line, into a sink. Line numbers start after `firstLine` (for a part of a
 * file that starts further on).
 *
 * @example
 * const reader = new NdjsonByteReader('fleet.ndjson', statuses, parser, sink);
 * for await (const chunk of stream) reader.push(chunk);
 * reader.end();
 */
export class NdjsonByteReader {
  /** Lines read so far (blank ones included). */
  lineNumber: number;
  private carry: Buffer | undefined;
  private started: boolean;
  /** The statuses' bytes end to end; status `id` is `statusText[statusStarts[id]..statusStarts[id + 1])`. */
  private readonly statusText: Uint8Array;
  private readonly statusStarts: Int32Array;
  /** By a hash of length, first and last byte: the first status id of the bucket (-1: none), and the next in it. */
  private readonly statusBucket = new Int32Array(STATUS_BUCKETS).fill(-1);
  private readonly statusNext: Int32Array;

  constructor(
    private readonly file: string,
    statuses: readonly string[],
    private readonly parser: LineParser,
    private readonly sink: NdjsonByteSink,
    options: { firstLine?: number; atStart?: boolean } = {},
  ) {
    this.lineNumber = options.firstLine ?? 0;
    this.started = !(options.atStart ?? true);
    const encoded = statuses.map((s) => Buffer.from(s, 'utf8'));
    this.statusText = Buffer.concat(encoded);
    this.statusStarts = new Int32Array(encoded.length + 1);
    this.statusNext = new Int32Array(encoded.length).fill(-1);
    encoded.forEach((bytes, id) => {
      this.statusStarts[id + 1] = this.statusStarts[id]! + bytes.length;
      if (bytes.length === 0) return;
      const bucket = statusBucket(bytes.length, bytes[0]!, bytes[bytes.length - 1]!);
      this.statusNext[id] = this.statusBucket[bucket]!;
      this.statusBucket[bucket] = id;
    });
  }

  /** Read the complete lines of the next chunk; an unfinished last line waits for the next one. */
  push(chunk: Buffer): void {
    let bytes = chunk;
    if (!this.started && bytes.length > 0) {
      if (this.carry === undefined && bytes.length < 3 && bytes[0] === 0xef) {
        this.carry = Buffer.from(bytes); // perhaps the start of a byte order mark: wait for more
        return;
      }
      if (this.carry !== undefined) {
        bytes = Buffer.concat([this.carry, bytes]);
        this.carry = undefined;
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    let start = 0;
    let end = bytes.indexOf(LINE_FEED);
    if (end >= 0 && this.carry !== undefined) {
      const line = Buffer.concat([this.carry, bytes.subarray(0, end)]);
      this.carry = undefined;
      this.line(line, 0, line.length);
      start = end + 1;
      end = bytes.indexOf(LINE_FEED, start);
    }
    while (end >= 0) {
      this.line(bytes, start, end);
      start = end + 1;
      end = bytes.indexOf(LINE_FEED, start);
    }
    if (start < bytes.length) {
      const rest = bytes.subarray(start);
      this.carry = this.carry === undefined ? Buffer.from(rest) : Buffer.concat([this.carry, rest]);
      this.checkPending(this.carry);
    }
  }

  /** The input has ended: read the last line (one without a line ending). */
  end(): void {
    const last = this.carry;
    this.carry = undefined;
    if (last !== undefined && last.length > 0) {
      if (!this.started && last[0] === 0xef && last[1] === 0xbb && last[2] === 0xbf) {
        this.started = true;
        if (last.length > 3) this.line(last, 3, last.length);
        return;
      }
      this.line(last, 0, last.length);
    }
  }

  /** The unfinished line after a chunk: the ordinary reader's checks (invalid UTF-8, too long) apply to it. */
  private checkPending(pending: Buffer): void {
    let plain = pending.length <= MAX_RECORD_LENGTH;
    if (plain) for (let i = 0; i < pending.length && plain; i++) plain = pending[i]! < 0x80;
    if (plain) return;
    const decoded = new StrictUtf8Decoder().push(pending);
    if (decoded.text.length > MAX_RECORD_LENGTH)
      throw recordTooLong(MAX_RECORD_LENGTH, 'a line', { file: this.file, line: this.lineNumber + 1 });
    if (decoded.invalid) throw this.invalidUtf8(decoded.text, decoded.invalid.byte);
  }

  private invalidUtf8(before: string, byte: number): InputError {
    return new InputError(
      `invalid UTF-8: byte 0x${byte.toString(16).padStart(2, '0')} at byte ${Buffer.byteLength(before) + 1} of the line (the input must be UTF-8 text)`,
      { file: this.file, line: this.lineNumber + 1 },
    );
  }

  /** One line, `bytes[start..end)` without its `\n`. */
  private line(bytes: Buffer, start: number, lineEnd: number): void {
    const end = lineEnd > start && bytes[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
    if (end === start) {
      this.lineNumber++;
      return;
    }
    if (this.lineNumber < MAX_FAST_LINE && this.fast(bytes, start, end, this.lineNumber + 1)) {
      this.lineNumber++;
      return;
    }
    let text: string;
    if (isUtf8(bytes.subarray(start, end))) text = bytes.toString('utf8', start, end);
    else {
      const decoder = new StrictUtf8Decoder();
      let decoded = decoder.push(bytes.subarray(start, end));
      if (!decoded.invalid) decoded = { ...decoder.end(), text: decoded.text };
      throw this.invalidUtf8(decoded.text, decoded.invalid!.byte);
    }
    this.lineNumber++;
    const observation = this.parser.line(text, this.lineNumber);
    if (observation !== undefined) this.sink.observation(observation);
  }

  // where the fields read from the current line are (-1: absent)
  private statusStart = -1;
  private statusEnd = -1;
  private timeStart = -1;
  private timeEnd = -1;
  private stampStart = -1;
  private stampEnd = -1;
  private idStart = -1;
  private idEnd = -1;
  private id2Start = -1;
  private id2End = -1;
  private id3Start = -1;
  private id3End = -1;
  /**
   * The shape of the last line read the fast way when all its values were strings: the bytes around the values
   * (`{"time":"`, `","instance_id":"`, ...), and the field of each value. A line with the same bytes around plain
   * string values is read by comparing those bytes, without looking at its keys again.
   */
  private shape: { around: Buffer[]; fields: Key[] } | undefined;
  private readonly valueStarts = new Int32Array(MAX_SHAPE_VALUES);
  private readonly valueEnds = new Int32Array(MAX_SHAPE_VALUES);
  private readonly valueKeys = new Int32Array(MAX_SHAPE_VALUES);

  /** Read a line of the fast subset into the sink; false (and nothing done) for any other line. */
  private fast(bytes: Buffer, start: number, end: number, line: number): boolean {
    this.statusStart = this.timeStart = this.stampStart = this.idStart = this.id2Start = this.id3Start = -1;
    if (!this.byShape(bytes, start, end)) {
      this.statusStart = this.timeStart = this.stampStart = this.idStart = this.id2Start = this.id3Start = -1;
      if (!this.fields(bytes, start, end)) return false;
    }
    if (this.statusStart < 0) return false;
    const status = this.statusOf(bytes, this.statusStart, this.statusEnd);
    if (status < 0) return false;
    let time = NaN;
    let form: FastTimeForm = 0;
    const whenStart = this.timeStart >= 0 ? this.timeStart : this.stampStart;
    if (whenStart >= 0) {
      const whenEnd = this.timeStart >= 0 ? this.timeEnd : this.stampEnd;
      time = isoMillis(bytes, whenStart, whenEnd);
      if (Number.isNaN(time)) return false;
      form = whenEnd - whenStart === 20 ? 1 : 2;
    }
    const sink = this.sink;
    let instance: number;
    if (this.idStart >= 0) instance = sink.intern(bytes, this.idStart, this.idEnd);
    else if (this.id2Start >= 0) instance = sink.intern(bytes, this.id2Start, this.id2End);
    else if (this.id3Start >= 0) instance = sink.intern(bytes, this.id3Start, this.id3End);
    else instance = sink.intern(bytes, -1, -1);
    sink.record(instance, status, time, form, line);
    return true;
  }

  /** Read the line's fields by the last line's shape; false when it has another. */
  private byShape(bytes: Buffer, start: number, end: number): boolean {
    const shape = this.shape;
    if (shape === undefined) return false;
    const { around, fields } = shape;
    let pos = start;
    for (let i = 0; i < fields.length; i++) {
      const literal = around[i]!;
      const length = literal.length;
      if (pos + length > end) return false;
      for (let k = 0; k < length; k++) if (bytes[pos + k] !== literal[k]) return false;
      pos += length;
      const valueEnd = plainString(bytes, pos, end);
      if (valueEnd < 0) return false;
      this.take(fields[i]!, pos, valueEnd);
      pos = valueEnd;
    }
    const last = around[fields.length]!;
    if (pos + last.length !== end) return false;
    for (let k = 0; k < last.length; k++) if (bytes[pos + k] !== last[k]) return false;
    return true;
  }

  /** Note where the value of field `key` is. */
  private take(key: Key, valueStart: number, valueEnd: number): void {
    switch (key) {
      case Key.Status:
        this.statusStart = valueStart;
        this.statusEnd = valueEnd;
        break;
      case Key.Time:
        this.timeStart = valueStart;
        this.timeEnd = valueEnd;
        break;
      case Key.Timestamp:
        this.stampStart = valueStart;
        this.stampEnd = valueEnd;
        break;
      case Key.InstanceId:
        this.idStart = valueStart;
        this.idEnd = valueEnd;
        break;
      case Key.InstanceIdCamel:
        this.id2Start = valueStart;
        this.id2End = valueEnd;
        break;
      case Key.Id:
        this.id3Start = valueStart;
        this.id3End = valueEnd;
        break;
    }
  }

  /** Read the line's fields token by token; false for a line outside the fast subset. */
  private fields(bytes: Buffer, start: number, end: number): boolean {
    let pos = start;
    while (pos < end && (bytes[pos] === 32 || bytes[pos] === 9)) pos++;
    if (bytes[pos] !== 123 /* { */) return false;
    pos = skip(bytes, pos + 1, end);
    if (bytes[pos] === 125 /* } */) return false;
    let values = 0; // string values, for the shape; -1 once a value is not a string
    for (;;) {
      if (bytes[pos] !== QUOTE) return false;
      const keyStart = pos + 1;
      const keyEnd = plainString(bytes, keyStart, end);
      if (keyEnd < 0) return false;
      const key = keyOf(bytes, keyStart, keyEnd);
      if (key === Key.Slow) return false;
      pos = skip(bytes, keyEnd + 1, end);
      if (bytes[pos] !== 58 /* : */) return false;
      pos = skip(bytes, pos + 1, end);
      if (bytes[pos] === QUOTE) {
        const valueEnd = plainString(bytes, pos + 1, end);
        if (valueEnd < 0) return false;
        this.take(key, pos + 1, valueEnd);
        if (values >= 0 && values < MAX_SHAPE_VALUES) {
          this.valueStarts[values] = pos + 1;
          this.valueEnds[values] = valueEnd;
          this.valueKeys[values] = key;
          values++;
        } else values = -1;
        pos = valueEnd + 1;
      } else {
        if (key !== Key.Other) return false; // numbers, null or booleans in a field read: the ordinary path
        const after = plainValue(bytes, pos, end);
        if (after < 0) return false;
        values = -1;
        pos = after;
      }
      pos = skip(bytes, pos, end);
      const next = bytes[pos];
      if (next === 125 /* } */) break;
      if (next !== 44 /* , */) return false;
      pos = skip(bytes, pos + 1, end);
    }
    if (skip(bytes, pos + 1, end) !== end) return false;
    if (values > 0) {
      const around: Buffer[] = [];
      const fields: Key[] = [];
      let from = start;
      for (let i = 0; i < values; i++) {
        around.push(Buffer.from(bytes.subarray(from, this.valueStarts[i]!)));
        fields.push(this.valueKeys[i]! as Key);
        from = this.valueEnds[i]!;
      }
      around.push(Buffer.from(bytes.subarray(from, end)));
      this.shape = { around, fields };
    }
    return true;
  }

  /** The id of the status spelled exactly by these bytes, or -1. */
  private statusOf(bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    if (length === 0) return -1;
    const text = this.statusText;
    const starts = this.statusStarts;
    for (
      let id = this.statusBucket[statusBucket(length, bytes[start]!, bytes[end - 1]!)]!;
      id >= 0;
      id = this.statusNext[id]!
    ) {
      const from = starts[id]!;
      if (starts[id + 1]! - from !== length) continue;
      let i = 0;
      while (i < length && text[from + i] === bytes[start + i]) i++;
      if (i === length) return id;
    }
    return -1;
  }
}

const STATUS_BUCKETS = 1024;

/** The bucket of a status of `length` bytes starting with byte `first` and ending with byte `last`. */
function statusBucket(length: number, first: number, last: number): number {
  return (length * 61 + first * 7 + last * 131) & (STATUS_BUCKETS - 1);
}

/** Past spaces and tabs. */
function skip(bytes: Buffer, from: number, end: number): number {
  let pos = from;
  while (pos < end && (bytes[pos] === 32 || bytes[pos] === 9)) pos++;
  return pos;
}

/**
 * The end (the closing quote) of a string of plain ASCII (no escape, no control character) starting at `from`,
 * or -1.
 */
function plainString(bytes: Buffer, from: number, end: number): number {
  for (let pos = from; pos < end; pos++) {
    const c = bytes[pos]!;
    if (c === QUOTE) return pos;
    if (c < 32 || c >= 0x80 || c === BACKSLASH) return -1;
  }
  return -1;
}

/** Past a JSON number, `true`, `false` or `null` at `from`, or -1 (anything else: the ordinary path). */
function plainValue(bytes: Buffer, from: number, end: number): number {
  const c = bytes[from];
  if (c === 116 /* t */) return word(bytes, from, end, 'true');
  if (c === 102 /* f */) return word(bytes, from, end, 'false');
  if (c === 110 /* n */) return word(bytes, from, end, 'null');
  let pos = from;
  if (bytes[pos] === 45 /* - */) pos++;
  if (bytes[pos] === 48 /* 0 */) pos++;
  else if (isDigit(bytes[pos]) && bytes[pos] !== 48) while (pos < end && isDigit(bytes[pos])) pos++;
  else return -1;
  if (bytes[pos] === 46 /* . */) {
    pos++;
    if (!isDigit(bytes[pos])) return -1;
    while (pos < end && isDigit(bytes[pos])) pos++;
  }
  if (bytes[pos] === 101 || bytes[pos] === 69 /* e E */) {
    pos++;
    if (bytes[pos] === 43 || bytes[pos] === 45) pos++;
    if (!isDigit(bytes[pos])) return -1;
    while (pos < end && isDigit(bytes[pos])) pos++;
  }
  return pos <= end ? pos : -1;
}

function word(bytes: Buffer, from: number, end: number, text: string): number {
  if (from + text.length > end) return -1;
  for (let i = 0; i < text.length; i++) if (bytes[from + i] !== text.charCodeAt(i)) return -1;
  return from + text.length;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/** Which field a key names (compared as bytes, unrolled: this runs for every key of every line). */
function keyOf(b: Buffer, s: number, end: number): Key {
  switch (end - s) {
    case 6: // status
      return b[s] === 115 &&
        b[s + 1] === 116 &&
        b[s + 2] === 97 &&
        b[s + 3] === 116 &&
        b[s + 4] === 117 &&
        b[s + 5] === 115
        ? Key.Status
        : Key.Other;
    case 4: // time
      return b[s] === 116 && b[s + 1] === 105 && b[s + 2] === 109 && b[s + 3] === 101 ? Key.Time : Key.Other;
    case 9:
      if (same(b, s, 'operation')) return Key.Slow;
      return same(b, s, 'timestamp') ? Key.Timestamp : Key.Other;
    case 11: // instance_id
      return b[s] === 105 &&
        b[s + 1] === 110 &&
        b[s + 2] === 115 &&
        b[s + 3] === 116 &&
        b[s + 4] === 97 &&
        b[s + 5] === 110 &&
        b[s + 6] === 99 &&
        b[s + 7] === 101 &&
        b[s + 8] === 95 &&
        b[s + 9] === 105 &&
        b[s + 10] === 100
        ? Key.InstanceId
        : Key.Other;
    case 10:
      return same(b, s, 'instanceId') ? Key.InstanceIdCamel : Key.Other;
    case 2:
      return b[s] === 105 && b[s + 1] === 100 ? Key.Id : Key.Other;
    default:
      return Key.Other;
  }
}

function same(bytes: Buffer, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.fffZ` (years 1000 to 9999, a real date) as milliseconds; NaN for
 * anything else. Exactly what `timeValue` gives for the same text, and `toISOString` writes it back.
 */
function isoMillis(b: Buffer, s: number, end: number): number {
  const length = end - s;
  if (length !== 20 && length !== 24) return NaN;
  if (
    b[s + 4] !== 45 ||
    b[s + 7] !== 45 ||
    b[s + 10] !== 84 ||
    b[s + 13] !== 58 ||
    b[s + 16] !== 58 ||
    b[end - 1] !== 90
  )
    return NaN;
  const days = dayOf(b, s);
  if (Number.isNaN(days)) return NaN;
  const hour = two(b, s + 11);
  const minute = two(b, s + 14);
  const second = two(b, s + 17);
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN; // NaN fails too
  let millis = 0;
  if (length === 24) {
    if (b[s + 19] !== 46) return NaN;
    millis = two(b, s + 20) * 10 + digit(b[s + 22]!);
    if (!(millis >= 0)) return NaN;
  }
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

/** The last date read (its 10 bytes, `YYYY-MM-DD`) and its day number: lines of a log mostly share their date. */
const lastDate = new Uint8Array(10);
let lastDay = NaN;

/** Days since 1970-01-01 of the date `YYYY-MM-DD` at `s` (years 1000 to 9999, a real date), or NaN. */
function dayOf(b: Buffer, s: number): number {
  if (
    b[s] === lastDate[0] &&
    b[s + 1] === lastDate[1] &&
    b[s + 2] === lastDate[2] &&
    b[s + 3] === lastDate[3] &&
    b[s + 5] === lastDate[5] &&
    b[s + 6] === lastDate[6] &&
    b[s + 8] === lastDate[8] &&
    b[s + 9] === lastDate[9]
  )
    return lastDay;
  const year = two(b, s) * 100 + two(b, s + 2);
  const month = two(b, s + 5);
  const day = two(b, s + 8);
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1)) return NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month]! || (month === 2 && day === 29 && !leap)) return NaN;
  for (let i = 0; i < 10; i++) lastDate[i] = b[s + i]!;
  lastDay = daysFromCivil(year, month, day);
  return lastDay;
}

/** Two decimal digits at `s`, or NaN. */
function two(b: Buffer, s: number): number {
  return digit(b[s]!) * 10 + digit(b[s + 1]!);
}

function digit(c: number): number {
  const d = c - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}
