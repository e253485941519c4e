/**
 * `readRangeBatches`: one byte range of an NDJSON file read into batches of integers (instance numbers local to the
 * range, status ids, times, lines counted from the range's start), as a worker thread of `ndjsonRanges` reads it.
 * Lines the byte scanner does not take are read the ordinary way and travel as items. Kept apart from the validation
 * side so that a worker loads only what reading needs.
 */
import type { TimeUnit } from '../input/fields.js';
import { type FileRange, fileChunks } from '../input/fileChunks.js';
import { InputError } from '../input/inputError.js';
import { DEFAULT_RECORD_OPTIONS } from '../input/lineParser.js';
import { createNdjsonParser } from '../input/ndjson.js';
import { type FastTimeForm, NdjsonByteReader } from '../input/ndjsonBytes.js';
import type { Observation } from '../model/index.js';
import { InstanceTable } from './instanceTable.js';

/** Records per batch a range sends. */
const BATCH = 1 << 15;

/** A line a range read the ordinary way: its observation, or the bad record it is (lines from the range's start). */
export type RangeItem =
  | { observation: Observation }
  | { bad: { detail: string; line: number | undefined; column: number | undefined } };

/** Records of a range, in order: a status of -1 marks the next of `items` (a line read the ordinary way). */
export interface RangeBatch {
  count: number;
  instances: Int32Array;
  statuses: Int32Array;
  times: Float64Array;
  forms: Uint8Array;
  lines: Int32Array;
  /** The range's instance number whose id is the first in `nameBytes` (ids come in the order first used). */
  nameBase: number;
  /** The ids of the instance numbers first used in this batch, UTF-8 bytes end to end. */
  nameBytes: Uint8Array;
  /** Where each of those ids ends in `nameBytes`; -1 for records without an id. */
  nameEnds: Int32Array;
  /** How many ids the batch brings. */
  nameCount: number;
  items: RangeItem[];
  /** Bytes of the range read so far. */
  bytes: number;
}

/**
 * What a range sends: a batch, the end (with its count of lines), the error that stopped it, or that it was given
 * up (its range is read elsewhere).
 */
export type RangeMessage =
  | { batch: RangeBatch }
  | { done: { lines: number } }
  | { dropped: true }
  | { error: { detail: string; line: number | undefined; column: number | undefined; input: boolean } };

/** What a range reader needs to know. */
export interface RangeTask {
  path: string;
  /** The name messages give the file. */
  name: string;
  range: FileRange;
  statuses: readonly string[];
  timeUnit: TimeUnit;
}

/**
 * Read one range of an NDJSON file into batches (what a worker runs; also usable in-process). When `dropped()` turns
 * true (checked between reads), reading stops with a `dropped` message.
 *
 * @example for await (const message of readRangeBatches(task)) handle(message);
 */
export async function* readRangeBatches(
  task: RangeTask,
  dropped: () => boolean = () => false,
): AsyncGenerator<RangeMessage, void, undefined> {
  const table = new InstanceTable();
  let named = 0;
  const ready: RangeBatch[] = [];
  let batch = newBatch();
  const full = () => {
    ready.push(batch);
    batch = newBatch();
  };
  const name = (local: number) => {
    while (named <= local) addName(batch, table, named++);
  };
  const parser = createNdjsonParser(task.name, {
    ...DEFAULT_RECORD_OPTIONS,
    timeUnit: task.timeUnit,
    onBadRecord(problem) {
      batch.items.push({ bad: { detail: problem.detail, line: problem.line, column: problem.column } });
      add(-1, -1, NaN, 0, 0);
    },
  });
  const add = (instance: number, status: number, time: number, form: FastTimeForm, line: number) => {
    const i = batch.count++;
    batch.instances[i] = instance;
    batch.statuses[i] = status;
    batch.times[i] = time;
    batch.forms[i] = form;
    batch.lines[i] = line;
    if (batch.count === BATCH) full();
  };
  const reader = new NdjsonByteReader(
    task.name,
    task.statuses,
    parser,
    {
      intern: (bytes, start, end) => (start < 0 ? table.intern(undefined) : table.internBytes(bytes, start, end)),
      record(instance, status, time, form, line) {
        name(instance);
        add(instance, status, time, form, line);
      },
      observation(observation) {
        batch.items.push({ observation });
        add(-1, -1, NaN, 0, 0);
      },
    },
    { atStart: task.range.start === 0 },
  );
  let bytes = 0;
  try {
    for await (const chunk of fileChunks(task.path, task.range)) {
      if (dropped()) {
        yield { dropped: true };
        return;
      }
      reader.push(chunk);
      bytes += chunk.length;
      for (const done of ready.splice(0)) yield { batch: { ...done, bytes } };
    }
    reader.end();
  } catch (error) {
    for (const done of ready.splice(0)) yield { batch: { ...done, bytes } };
    if (batch.count > 0) yield { batch: { ...batch, bytes } };
    const input = error instanceof InputError;
    yield {
      error: {
        detail: input ? error.detail : String((error as Error)?.message ?? error),
        line: input ? error.line : undefined,
        column: input ? error.column : undefined,
        input,
      },
    };
    return;
  }
  for (const done of ready.splice(0)) yield { batch: { ...done, bytes } };
  if (batch.count > 0) yield { batch: { ...batch, bytes } };
  yield { done: { lines: reader.lineNumber } };
}

/** Add the id of the range's instance `local` to the batch (as bytes: no string is made). */
function addName(batch: RangeBatch, table: InstanceTable, local: number): void {
  if (batch.nameCount === 0) batch.nameBase = local;
  if (batch.nameCount === batch.nameEnds.length) {
    const ends = new Int32Array(batch.nameEnds.length * 2);
    ends.set(batch.nameEnds);
    batch.nameEnds = ends;
  }
  const used = batch.nameCount === 0 ? 0 : nameEnd(batch.nameEnds[batch.nameCount - 1]!);
  const length = table.byteLength(local);
  if (length < 0) {
    batch.nameEnds[batch.nameCount++] = -1 - used; // records without an id: marked, and where the next id starts
    return;
  }
  if (used + length > batch.nameBytes.length) {
    const bytes = new Uint8Array(Math.max(batch.nameBytes.length * 2, used + length));
    bytes.set(batch.nameBytes.subarray(0, used));
    batch.nameBytes = bytes;
  }
  table.copyBytes(local, batch.nameBytes, used);
  batch.nameEnds[batch.nameCount++] = used + length;
}

/** Where the bytes of an id end, from its entry in `nameEnds` (a negative entry marks records without an id). */
export function nameEnd(entry: number): number {
  return entry < 0 ? -1 - entry : entry;
}

function newBatch(): RangeBatch {
  return {
    count: 0,
    instances: new Int32Array(BATCH),
    statuses: new Int32Array(BATCH),
    times: new Float64Array(BATCH),
    forms: new Uint8Array(BATCH),
    lines: new Int32Array(BATCH),
    nameBase: -1,
    nameBytes: new Uint8Array(1024),
    nameEnds: new Int32Array(256),
    nameCount: 0,
    items: [],
    bytes: 0,
  };
}
