/**
 * The fast path of `validateInput` for NDJSON files: the file is read as bytes by the {@link NdjsonByteReader}
 * straight into the compact fleet validator (no string or object per record on the common subset). Whether a file
 * takes it is decided the way the ordinary reader decides its format: by its first non-blank line.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { recordShape } from '../input/fields.js';
import { fileChunks } from '../input/fileChunks.js';
import { detectFormat, wrongFormat } from '../input/format.js';
import type { RecordOptions } from '../input/lineParser.js';
import { isBlankLine } from '../input/lineParser.js';
import { createNdjsonParser } from '../input/ndjson.js';
import { NdjsonByteReader, type NdjsonByteSink, READ_CHUNK } from '../input/ndjsonBytes.js';
import { startsDocument } from '../input/observationReader.js';
import { StrictUtf8Decoder } from '../input/utf8.js';
import type { CompactFleet } from './compactFleet.js';

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
export async function ndjsonFileSize(source: unknown, options: ByteInputOptions): Promise<number | undefined> {
  if (typeof source !== 'string' || source === '-' || options.records !== undefined) return undefined;
  if (options.format !== undefined && options.format !== 'ndjson') return undefined;
  if (options.fields !== undefined && !recordShape(options.fields).builtIn) return undefined;
  let handle: FileHandle | undefined;
  try {
    handle = await open(source, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return undefined;
    if (options.format === 'ndjson') return stats.size;
    const head = Buffer.alloc(Math.min(READ_CHUNK, stats.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isNdjson(head.subarray(0, bytesRead), bytesRead === stats.size) ? stats.size : undefined;
  } catch {
    return undefined; // the ordinary reader reports it
  } finally {
    await handle?.close();
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

/** The sink that puts what the byte reader reads into a compact fleet. */
export function fleetSink(fleet: CompactFleet): NdjsonByteSink {
  const table = fleet.table;
  return {
    intern: (bytes, start, end) => (start < 0 ? table.intern(undefined) : table.internBytes(bytes, start, end)),
    record: (instance, status, time, form, line) => fleet.pushKnown(instance, status, time, form, line),
    observation: (observation) => fleet.push(observation),
  };
}

/**
 * Validate an NDJSON file into `fleet` on this thread; returns the number of lines read. `records` are the
 * ordinary reader's record options (field shape, time unit, where bad records go).
 */
export async function validateNdjsonFile(
  fleet: CompactFleet,
  path: string,
  name: string,
  size: number,
  records: RecordOptions,
  onChunk?: (bytesRead: number) => void,
): Promise<number> {
  const reader = new NdjsonByteReader(name, fleet.statuses, createNdjsonParser(name, records), fleetSink(fleet));
  let done = 0;
  for await (const chunk of fileChunks(path, { start: 0, end: size })) {
    reader.push(chunk);
    done += chunk.length;
    if (done % (16 * READ_CHUNK) === 0 || done === size) onChunk?.(done);
  }
  reader.end();
  return reader.lineNumber;
}
