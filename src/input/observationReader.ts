/**
 * `readObservations`: the streaming reader of status histories. One pass over a file, standard input or any
 * `Readable`; the format is detected from the first non-blank line unless forced. Every format is streamed in
 * batches, so memory does not grow with the input (a JSON array element by element).
 */
import { fstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { BadArgumentTypeError, checkOneOf, describeValue, type Observation } from '../model/index.js';
import { createCsvParser } from './csv.js';
import { detectFormat, INPUT_FORMATS, type InputFormat } from './format.js';
import { InputError, MAX_RECORD_LENGTH, recordTooLong } from './inputError.js';
import { createNonArrayJson, type NonArrayJson } from './jsonArray.js';
import { createJsonArrayStream, type JsonArrayStream } from './jsonArrayStream.js';
import { isBlankLine, type LineParser } from './lineParser.js';
import { LineSplitter } from './lineSplitter.js';
import { createNdjsonParser } from './ndjson.js';
import { createLinesParser } from './plainLines.js';
import { StrictUtf8Decoder } from './utf8.js';

/** Options of {@link readObservations}. */
export interface ReadOptions {
  /** Force a format instead of detecting it. */
  format?: InputFormat;
  /** What `-` reads (default `process.stdin`). */
  stdin?: Readable;
  /** The name used in messages for a `Readable` source (default `<stream>`; `-` is `<stdin>`). */
  name?: string;
}

/** The name messages use for standard input. */
export const STDIN_NAME = '<stdin>';

/**
 * An input being read: iterate it for observations (`for await (const o of reader)`), or call `batches()` for
 * arrays of them (the fast path: one array per chunk read). It can be iterated once.
 */
export class ObservationReader implements AsyncIterable<Observation> {
  /** The file name, `<stdin>`, or the name given for a stream: what messages name. */
  readonly name: string;
  /** The format, once known (forced, or detected when the first non-blank line has been read). */
  format: InputFormat | undefined;
  /** The size of the file in bytes, once opened (undefined for streams). */
  totalBytes: number | undefined;
  private stream: (Readable & { bytesRead?: number }) | undefined;

  constructor(
    private readonly source: string | Readable,
    private readonly options: ReadOptions = {},
  ) {
    const isStream = typeof source === 'object' && source !== null && typeof (source as Readable).on === 'function';
    if (typeof source !== 'string' && !isStream)
      throw new BadArgumentTypeError(
        `readObservations: source must be a file path, "-" (standard input) or a Readable, got ${describeValue(source)}`,
      );
    if (options.format !== undefined)
      checkOneOf(
        'readObservations',
        'format',
        options.format,
        INPUT_FORMATS.map((f) => f.format),
      );
    this.name = typeof source !== 'string' ? (options.name ?? '<stream>') : source === '-' ? STDIN_NAME : source;
    this.format = options.format;
  }

  /** Bytes read so far from a file (0 for streams that do not count them). */
  get bytesRead(): number {
    return this.stream?.bytesRead ?? 0;
  }

  /**
   * The observations, one array per chunk of input, in input order. Throws {@link InputError} for bad input:
   * malformed records, invalid UTF-8, a record longer than {@link MAX_RECORD_LENGTH} characters.
   */
  async *batches(): AsyncGenerator<Observation[], void, undefined> {
    const stream = await this.open();
    this.stream = stream;
    const decoder = new StrictUtf8Decoder();
    const splitter = new LineSplitter();
    let lineNumber = 0;
    let partColumn = 0; // characters of the current line already given to the JSON array reader as parts
    let partBytes = 0; // the same in bytes
    let parser: LineParser | undefined =
      this.format && this.format !== 'json' ? this.parserFor(this.format) : undefined;
    let array: JsonArrayStream | undefined; // a JSON array, streamed
    let nonArray: NonArrayJson | undefined; // JSON that is not an array: an error, located as such
    let count = 0;

    const parse = (lines: string[]): Observation[] => {
      const batch: Observation[] = [];
      for (const text of lines) {
        lineNumber++;
        if (array) {
          array.line(text, lineNumber, batch, partColumn, true);
          partColumn = 0;
          partBytes = 0;
          continue;
        }
        if (nonArray) {
          nonArray.line(text);
          continue;
        }
        if (parser === undefined) {
          if (isBlankLine(text)) continue;
          this.format ??= detectFormat(text);
          if (this.format === 'json') {
            if (text.trimStart().startsWith('[')) {
              array = createJsonArrayStream(this.name);
              array.line(text, lineNumber, batch);
            } else {
              nonArray = createNonArrayJson(this.name, lineNumber - 1);
              nonArray.line(text);
            }
            continue;
          }
          parser = this.parserFor(this.format);
        }
        const observation = parser.line(text, lineNumber);
        if (observation !== undefined) batch.push(observation);
      }
      count += batch.length;
      return batch;
    };

    /** The line being read is longer than a record may be: a part of a JSON array's line, or an error. */
    const longLine = (batch: Observation[]): void => {
      const opensArray =
        array === undefined &&
        parser === undefined &&
        nonArray === undefined &&
        (this.format === undefined || this.format === 'json') &&
        /^\s*\[/.test(splitter.peekPending(64));
      if (opensArray) {
        this.format = 'json';
        array = createJsonArrayStream(this.name);
      }
      if (!array) throw recordTooLong(MAX_RECORD_LENGTH, 'a line', { file: this.name, line: lineNumber + 1 });
      const part = splitter.takePending();
      const before = batch.length;
      array.line(part, lineNumber + 1, batch, partColumn, false);
      count += batch.length - before;
      partColumn += part.length;
      partBytes += Buffer.byteLength(part);
    };

    const invalidUtf8 = (byte: number): InputError =>
      new InputError(
        `invalid UTF-8: byte 0x${byte.toString(16).padStart(2, '0')} at byte ${partBytes + Buffer.byteLength(splitter.peekPending()) + 1} of the line (the input must be UTF-8 text)`,
        { file: this.name, line: lineNumber + 1 },
      );

    try {
      for await (const chunk of stream) {
        const decoded = typeof chunk === 'string' ? { text: chunk } : decoder.push(chunk as Buffer);
        const batch = parse(splitter.push(decoded.text));
        if (splitter.pendingLength > MAX_RECORD_LENGTH) longLine(batch);
        if (decoded.invalid) throw invalidUtf8(decoded.invalid.byte);
        if (batch.length > 0) yield batch;
      }
    } catch (error) {
      throw this.readError(error);
    }
    const tail = decoder.end();
    if (tail.invalid) throw invalidUtf8(tail.invalid.byte);
    const last = parse(splitter.end());
    if (last.length > 0) yield last;
    array?.end();
    nonArray?.end();
    if (count === 0) {
      const what =
        this.format === 'csv'
          ? 'a CSV header but no rows'
          : this.format === 'json'
            ? 'an empty JSON array'
            : 'nothing but blank lines';
      throw new InputError(`empty input: no statuses found (${lineNumber === 0 ? 'the input is empty' : what})`, {
        file: this.name,
      });
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Observation, void, undefined> {
    for await (const batch of this.batches()) yield* batch;
  }

  private async open(): Promise<Readable & { bytesRead?: number }> {
    if (typeof this.source !== 'string') return this.source;
    if (this.source === '-') {
      const stdin = this.options.stdin ?? process.stdin;
      const fd = (stdin as { fd?: unknown }).fd;
      if (typeof fd === 'number' && isDirectory(fd))
        throw new InputError('cannot read: standard input is a directory', { file: this.name });
      return stdin;
    }
    try {
      const handle = await open(this.source, 'r');
      const stats = await handle.stat();
      if (stats.isDirectory()) {
        await handle.close();
        throw new InputError('cannot read: it is a directory', { file: this.name });
      }
      this.totalBytes = stats.isFile() ? stats.size : undefined;
      return handle.createReadStream({ highWaterMark: 1 << 16 });
    } catch (error) {
      throw this.readError(error);
    }
  }

  private parserFor(format: Exclude<InputFormat, 'json'>): LineParser {
    if (format === 'ndjson') return createNdjsonParser(this.name);
    if (format === 'csv') return createCsvParser(this.name);
    return createLinesParser();
  }

  private readError(error: unknown): unknown {
    if (error instanceof InputError) return error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reasons = new Map([
      ['ENOENT', 'no such file'],
      ['EACCES', 'permission denied'],
      ['EISDIR', 'it is a directory'],
    ]);
    if (typeof code !== 'string') return error;
    return new InputError(`cannot read: ${reasons.get(code) ?? code}`, { file: this.name });
  }
}

/**
 * Start reading observations from a file path, `-` (standard input) or a `Readable`.
 *
 * @example
 * for await (const observation of readObservations('fleet.ndjson')) console.log(observation.instance, observation.status);
 */
export function readObservations(source: string | Readable, options: ReadOptions = {}): ObservationReader {
  return new ObservationReader(source, options);
}

/** True when the file descriptor is a directory (false when it cannot be told). */
function isDirectory(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}
