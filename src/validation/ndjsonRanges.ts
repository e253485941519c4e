/**
 * Both cores (or all) on one big NDJSON file: the file is cut into byte ranges at line starts; each range is read
 * by the byte scanner (in a worker thread, or every n-th range on this thread) into batches of integers (instance
 * numbers local to the range, status ids, times, lines counted from the range's start), and this thread validates
 * the batches in file order: ranges one
 * after the other, each range's line numbers offset by the lines before it, its instance numbers mapped to the
 * fleet's when first used. Validation itself stays one sequential pass, so the report is exactly the one-range
 * report: line numbers, observation indexes, the order instances were first seen, `maxDetails` caps and hidden
 * sub-states (every record is judged from its instance's true state) all come out the same. Reading and parsing,
 * most of the work, run in parallel; later ranges' batches wait in memory until their turn.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TimeUnit } from '../input/fields.js';
import { type FileRange, fileChunks } from '../input/fileChunks.js';
import { InputError } from '../input/inputError.js';
import { DEFAULT_RECORD_OPTIONS } from '../input/lineParser.js';
import { createNdjsonParser } from '../input/ndjson.js';
import { type FastTimeForm, NdjsonByteReader } from '../input/ndjsonBytes.js';
import type { CompactFleet } from './compactFleet.js';
import { fleetSink } from './ndjsonFile.js';
import { nameEnd, type RangeMessage, type RangeTask, readRangeBatches } from './rangeBatches.js';

/**
 * The ranges of a file cut near `offsets` (byte positions; each moved on to the next line start), in order,
 * covering the whole file.
 */
export async function rangesAt(path: string, size: number, offsets: readonly number[]): Promise<FileRange[]> {
  const starts = [0];
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 16);
    for (const offset of [...offsets].sort((a, b) => a - b)) {
      let at = Math.max(offset, starts[starts.length - 1]!, 1) - 1; // a line starts after a \n
      let start = size;
      while (at < size) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
        if (bytesRead === 0) break;
        const newline = buffer.subarray(0, bytesRead).indexOf(10);
        if (newline >= 0) {
          start = at + newline + 1;
          break;
        }
        at += bytesRead;
      }
      if (start > starts[starts.length - 1]! && start < size) starts.push(start);
    }
  } finally {
    await handle.close();
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
}

/** A range as validation meets it: the messages of a reader elsewhere, or a range to read here, straight in. */
export type RangeSource = AsyncIterable<RangeMessage> | { here: RangeTask };

/**
 * Read a range on this thread straight into `fleet`, as the one-thread reader does (no batches): its lines numbered
 * after the `base` lines before it, which must all be validated already. Returns the range's lines.
 */
async function validateRangeHere(
  fleet: CompactFleet,
  task: RangeTask,
  base: number,
  onBadRecord: (problem: InputError) => void,
  onProgress?: (bytes: number) => void,
): Promise<number> {
  const parser = createNdjsonParser(task.name, { ...DEFAULT_RECORD_OPTIONS, timeUnit: task.timeUnit, onBadRecord });
  const reader = new NdjsonByteReader(task.name, task.statuses, parser, fleetSink(fleet), {
    firstLine: base,
    atStart: task.range.start === 0,
  });
  let bytes = 0;
  for await (const chunk of fileChunks(task.path, task.range)) {
    reader.push(chunk);
    bytes += chunk.length;
    onProgress?.(bytes);
  }
  reader.end();
  return reader.lineNumber - base;
}

/**
 * Validate the ranges into `fleet`, range after range (each source of messages must give a range's messages in
 * order; a range to read here is read when its turn comes); returns the lines read. `onBadRecord` gets bad records
 * with their true line; an error of a range is thrown once everything before it is validated.
 */
export async function validateRanges(
  fleet: CompactFleet,
  name: string,
  sources: Iterable<RangeSource>,
  onBadRecord: (problem: InputError) => void,
  onProgress?: (bytes: number) => void,
): Promise<number> {
  let base = 0;
  let bytesBefore = 0;
  for (const source of sources) {
    if ('here' in source) {
      const before = bytesBefore;
      base += await validateRangeHere(
        fleet,
        source.here,
        base,
        onBadRecord,
        onProgress && ((bytes) => onProgress(before + bytes)),
      );
      bytesBefore += source.here.range.end - source.here.range.start;
      continue;
    }
    let global = new Int32Array(1024).fill(-1);
    let bytes = 0;
    let finished = false;
    for await (const message of source) {
      if ('error' in message) {
        const { detail, line, column, input } = message.error;
        if (!input) throw new Error(detail);
        throw new InputError(detail, {
          file: name,
          ...(line === undefined ? {} : { line: line + base }),
          ...(column === undefined ? {} : { column }),
        });
      }
      if ('done' in message) {
        base += message.done.lines;
        finished = true;
        break;
      }
      if ('dropped' in message) throw new Error('a range being validated was given up');
      const batch = message.batch;
      const { nameBase, nameBytes, nameEnds, nameCount } = batch;
      if (nameBase + nameCount > global.length) {
        const grown = new Int32Array(Math.max(nameBase + nameCount, global.length * 2)).fill(-1);
        grown.set(global);
        global = grown;
      }
      const { instances, statuses, times, forms, lines, items } = batch;
      let item = 0;
      for (let i = 0; i < batch.count; i++) {
        const status = statuses[i]!;
        if (status >= 0) {
          const local = instances[i]!;
          let id = global[local]!;
          if (id < 0) {
            const k = local - nameBase; // first used here: its id came with this batch
            const end = nameEnds[k]!;
            const start = k === 0 ? 0 : nameEnd(nameEnds[k - 1]!);
            id = end < 0 ? fleet.table.intern(undefined) : fleet.table.internBytes(nameBytes, start, end);
            global[local] = id;
          }
          fleet.pushKnown(id, status, times[i]!, forms[i]! as FastTimeForm, lines[i]! + base);
          continue;
        }
        const next = items[item++]!;
        if ('observation' in next) {
          const o = next.observation;
          fleet.push(o.line === undefined ? o : { ...o, line: o.line + base });
        } else {
          const { detail, line, column } = next.bad;
          onBadRecord(
            new InputError(detail, {
              file: name,
              ...(line === undefined ? {} : { line: line + base }),
              ...(column === undefined ? {} : { column }),
            }),
          );
        }
      }
      bytes = batch.bytes;
      onProgress?.(bytesBefore + bytes);
    }
    if (!finished) throw new Error('a worker ended without finishing its range');
    bytesBefore += bytes;
  }
  return base;
}

/** Messages of one range, queued as a worker sends them, read in order. */
class RangeQueue implements AsyncIterable<RangeMessage> {
  private readonly messages: RangeMessage[] = [];
  private wake: (() => void) | undefined;
  private failure: unknown;

  add(message: RangeMessage): void {
    this.messages.push(message);
    this.wake?.();
  }

  fail(error: unknown): void {
    this.failure ??= error;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RangeMessage, void, undefined> {
    for (;;) {
      const message = this.messages.shift();
      if (message !== undefined) {
        yield message;
        if (!('batch' in message)) return;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }
}

/**
 * Worker threads that read ranges into batches, started ahead of the work: a thread takes tens of milliseconds to
 * load its modules, which it does while this thread goes on (loading the machine, opening the file).
 */
export interface RangeWorkers {
  readonly threads: readonly Worker[];
  /** End the threads (at the end of the work, or when it cannot start). */
  stop(): Promise<void>;
}

/**
 * Start `count` worker threads for {@link validateNdjsonInRanges}.
 *
 * @example const workers = startRangeWorkers(1); // ... validateNdjsonInRanges(..., { threads: 2, workers })
 */
export function startRangeWorkers(count: number): RangeWorkers {
  const threads = Array.from({ length: count }, () => {
    const thread = new Worker(workerScript(), { execArgv: workerExecArgv(process.execArgv) });
    // a thread that fails before it sends anything takes no part: its ranges are read here when their turn comes
    thread.on('error', () => {});
    return thread;
  });
  return {
    threads,
    async stop() {
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}

/**
 * The Node options a worker thread is started with: this process's, but those that give the main script (code on
 * the command line, and its module type), which a worker running a file refuses.
 *
 * @example workerExecArgv(['--input-type=module', '-e', 'code', '--import', 'tsx']) // ['--import', 'tsx']
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i]!;
    if (/^(--input-type|--eval|--print)=/.test(option)) continue;
    if (['--input-type', '-e', '--eval', '-p', '--print', '-pe'].includes(option)) {
      i++; // and its value
      continue;
    }
    kept.push(option);
  }
  return kept;
}

/** What a worker is sent: a range to read, and where to look whether it was given up. */
export interface RangeRequest {
  index: number;
  task: RangeTask;
  /** Per range: nonzero once this thread reads it itself (the worker then stops reading it). */
  dropped: Int32Array;
}

/**
 * The ranges, in order, read by this thread and `workers`: the workers read ranges into batches ahead of
 * validation, and this thread reads straight into the fleet every range no worker has taken when its turn comes
 * (range 0 among them, while the workers start), validating the workers' batches in between. A free worker takes
 * the farthest range nobody has, fewer than `3 * threads` after the one being validated (so it is ready when its
 * turn comes, and few ranges' batches wait in memory). A range whose worker has sent nothing yet when its turn
 * comes (a worker slowed down by other processes, or one that failed) is read here instead, and its worker told to
 * give it up. Both
 * kinds of thread stay busy however their speeds differ: the faster the workers, the more they take.
 */
function rangeSources(tasks: readonly RangeTask[], pool: RangeWorkers | undefined): Iterable<RangeSource> {
  const workers = pool?.threads ?? [];
  const queues = tasks.map(() => new RangeQueue());
  /** Per range: 0 free, 1 a worker's, 2 read here. */
  const taken = new Uint8Array(tasks.length);
  /** Per range: whether its worker has sent a message. */
  const heard = new Uint8Array(tasks.length);
  const dropped = new Int32Array(new SharedArrayBuffer(4 * tasks.length));
  const ahead = 3 * (workers.length + 1);
  let validating = 0;
  const take = (): number | undefined => {
    for (let k = Math.min(tasks.length, validating + ahead) - 1; k > validating; k--) {
      if (taken[k] === 0) {
        taken[k] = 1;
        return k;
      }
    }
    return undefined;
  };
  const idle: Worker[] = [];
  const running = new Map<Worker, number>();
  const feed = (worker: Worker) => {
    const index = take();
    if (index === undefined) {
      idle.push(worker);
      return;
    }
    running.set(worker, index);
    worker.postMessage({ index, task: tasks[index]!, dropped } satisfies RangeRequest);
  };
  for (const worker of workers.slice(0, tasks.length - 1)) {
    worker.on('message', ({ index, message }: { index: number; message: RangeMessage }) => {
      if (taken[index] === 1) {
        heard[index] = 1;
        queues[index]!.add(message);
      }
      if ('batch' in message) return;
      running.delete(worker);
      feed(worker);
    });
    worker.on('error', (error) => {
      // a range it had begun to send fails; one it had not is read here when its turn comes
      const index = running.get(worker);
      if (index !== undefined) queues[index]!.fail(error);
    });
    feed(worker);
  }
  function* sources(): Generator<RangeSource, void, undefined> {
    for (let k = 0; k < tasks.length; k++) {
      validating = k;
      for (const worker of idle.splice(0)) feed(worker);
      if (taken[k] === 1 && heard[k] === 1) yield queues[k]!;
      else {
        if (taken[k] === 1) Atomics.store(dropped, k, 1);
        taken[k] = 2;
        yield { here: tasks[k]! };
      }
    }
  }
  return sources();
}

/** The worker's script: next to this module, or (running from the TypeScript sources, in tests) the compiled one. */
function workerScript(): URL {
  const here = new URL('./rangeWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL(here.href.replace('/src/validation/', '/dist/src/validation/'));
}

/** Options of {@link validateNdjsonInRanges}. */
export interface RangeOptions {
  timeUnit: TimeUnit;
  onBadRecord: (problem: InputError) => void;
  onProgress?: (bytes: number) => void;
  /** Threads reading the ranges, this one included (at least 1; 1 reads them all here). */
  threads: number;
  /** The worker threads, started ahead with {@link startRangeWorkers} (`threads - 1` of them); stopped at the end.
   * Started here when not given. */
  workers?: RangeWorkers;
  /** Read the ranges on this thread, one after the other (for tests: the same code without threads). */
  inProcess?: boolean;
  /** With `inProcess`: whether range `index` is read straight into the fleet (as this thread does) or into batches
   * first (as a worker does); into batches unless said. */
  straight?: (index: number) => boolean;
}

/** The most bytes of a range: ranges are read a few per thread, so that few ranges' batches wait in memory. */
export const MAX_RANGE_BYTES = 8 * 1024 * 1024;

/**
 * The offsets to cut a file of `size` bytes at for `threads` threads: at least two ranges per thread (this thread
 * reads the first two while the workers start), and ranges of at most {@link MAX_RANGE_BYTES}.
 *
 * @example rangeOffsets(100, 2) // [25, 50, 75]
 */
export function rangeOffsets(size: number, threads: number): number[] {
  const count = Math.max(2 * threads, Math.ceil(size / MAX_RANGE_BYTES));
  return Array.from({ length: count - 1 }, (_, k) => Math.floor(((k + 1) * size) / count));
}

/**
 * Validate an NDJSON file into `fleet` in ranges cut near `offsets`, read by `threads` threads (this one and worker
 * threads); returns the lines read.
 */
export async function validateNdjsonInRanges(
  fleet: CompactFleet,
  path: string,
  name: string,
  size: number,
  offsets: readonly number[],
  options: RangeOptions,
): Promise<number> {
  const workers = options.inProcess ? undefined : (options.workers ?? startRangeWorkers(options.threads - 1));
  try {
    const ranges = await rangesAt(path, size, offsets);
    const tasks = ranges.map(
      (range): RangeTask => ({ path, name, range, statuses: fleet.statuses, timeUnit: options.timeUnit }),
    );
    const straight = options.straight ?? (() => false);
    const sources = options.inProcess
      ? tasks.map((task, k): RangeSource => (straight(k) ? { here: task } : readRangeBatches(task)))
      : rangeSources(tasks, workers);
    return await validateRanges(fleet, name, sources, options.onBadRecord, options.onProgress);
  } finally {
    await workers?.stop();
  }
}
