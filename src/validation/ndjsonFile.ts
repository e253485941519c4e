/**
 * The fast path of `validateInput` for NDJSON files: the file is read as bytes by the {@link NdjsonByteReader}
 * straight into the compact fleet validator (no string or object per record on the common subset). Whether a file
 * takes it is decided by `ndjsonFileSize` (`ndjsonEligible.ts`); this module is loaded only for the files that do.
 */
import { fileChunks } from '../input/fileChunks.js';
import type { RecordOptions } from '../input/lineParser.js';
import { createNdjsonParser } from '../input/ndjson.js';
import { NdjsonByteReader, type NdjsonByteSink, READ_CHUNK } from '../input/ndjsonBytes.js';
import type { CompactFleet } from './compactFleet.js';

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
