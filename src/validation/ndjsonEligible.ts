/**
 * `ndjsonFileSize`: whether an input takes the byte path of NDJSON files, decided the way the ordinary reader
 * decides its format (by its first non-blank line), without loading any reader module.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { recordShape } from '../input/fields.js';
import { detectFormat, wrongFormat } from '../input/format.js';
import { isBlankLine } from '../input/lineParser.js';
import { startsDocument } from '../input/observationReader.js';
import { StrictUtf8Decoder } from '../input/utf8.js';

/** The size of the head of a file read to decide (the ordinary reader's first read). */
const HEAD = 1 << 16;

/** What decides whether an input may take the byte path. */
export interface ByteInputOptions {
  format?: string | undefined;
  fields?: object | undefined;
  records?: string | undefined;
}

/**
 * The size of `source` when it is a regular file that the ordinary reader would read as NDJSON with the built-in
 * field names (so the byte path gives the same result); undefined otherwise (then the ordinary reader reads it).
 */
export function ndjsonFileSize(source: unknown, options: ByteInputOptions): number | undefined {
  if (typeof source !== 'string' || source === '-' || options.records !== undefined) return undefined;
  if (options.format !== undefined && options.format !== 'ndjson') return undefined;
  if (options.fields !== undefined && !recordShape(options.fields).builtIn) return undefined;
  // read at once, synchronously (a few system calls, no module or thread pool round trip at start-up); only a regular
  // file is opened, so a named pipe never blocks here
  let fd: number | undefined;
  try {
    if (!statSync(source).isFile()) return undefined;
    fd = openSync(source, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) return undefined;
    if (options.format === 'ndjson') return stats.size;
    const head = Buffer.alloc(Math.min(HEAD, stats.size));
    const bytesRead = readSync(fd, head, 0, head.length, 0);
    return isNdjson(head.subarray(0, bytesRead), bytesRead === stats.size) ? stats.size : undefined;
  } catch {
    return undefined; // the ordinary reader reports it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when the first non-blank line of the head of a file (all of it when `whole`) shows NDJSON. */
function isNdjson(head: Buffer, whole: boolean): boolean {
  const decoded = new StrictUtf8Decoder().push(head);
  if (decoded.invalid) return false;
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  if (!whole) lines.pop(); // unfinished
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (isBlankLine(line)) continue;
    return wrongFormat(line) === undefined && detectFormat(line) === 'ndjson' && !startsDocument(line);
  }
  return false;
}
