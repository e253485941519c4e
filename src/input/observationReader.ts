/**
 * `readObservations`: the streaming reader of status histories. One pass over a file, standard input or any
 * `Readable`; the format is detected from the first non-blank line unless forced. Every format is streamed in
 * batches, so memory does not grow with the input (a JSON array element by element).
 */
import { fstatSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { BadArgumentTypeError } from '../model/badArgument.js';
import { checkOneOf, describeValue } from '../model/checkArgument.js';
import type { Observation } from '../model/index.js';
import { type FieldNames, observationFromJson, recordShape, type TimeUnit } from './fields.js';
import {
  detectFormat,
  type FormatReaders,
  INPUT_FORMATS,
  type InputFormat,
  loadFormatReaders,
  wrongFormat,
} from './format.js';
import { InputError, MAX_RECORD_LENGTH, recordTooLong } from './inputError.js';
import type { JsonArrayStream } from './jsonArrayStream.js';
import type { JsonDocumentStream } from './jsonDocuments.js';
import { scanJson } from './jsonSyntax.js';
import { badRecord, createLinesParser, isBlankLine, type LineParser, type RecordOptions } from './lineParser.js';
import { LineSplitter } from './lineSplitter.js';
import { type FileChunks, openFile } from './openFile.js';
import { StrictUtf8Decoder } from './utf8.js';

/** Options of {@link readObservations}. */
export interface ReadOptions {
  /** Force a format instead of detecting it. */
  format?: InputFormat;
  /** What `-` reads (default `process.stdin`). */
  stdin?: Readable;
  /** The name used in messages for a `Readable` source (default `<stream>`; `-` is `<stdin>`). */
  name?: string;
  /** Your own field names (dotted paths into nested objects; column names in CSV). Default: the built-in names. */
  fields?: FieldNames;
  /** How numeric (epoch) times are read: `auto` (default) tells seconds from milliseconds; they become ISO 8601. */
  timeUnit?: TimeUnit;
  /**
   * API list responses: the dotted path of the array of records inside each JSON document (`instances` for
   * `{"instances":[...],"instance_num":2}`). Each document is one poll of the list.
   */
  records?: string;
  /**
   * With `records`: an instance that was in one poll and is missing from a later one is observed once with this
   * status (the service's final status: what a 404 means), as list pollers see deletions.
   */
  absentIsGone?: string;
  /**
   * Called for each record without a usable status (missing, null, a number...), which is then skipped; reading
   * goes on. Without it, such a record is an error that stops reading.
   */
  onBadRecord?: (problem: InputError) => void;
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
  /** Records skipped as bad so far (only with `onBadRecord`). */
  badRecords = 0;
  private stream: FileChunks | undefined;

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
    const onBadRecord = options.onBadRecord;
    this.records = {
      shape: recordShape(options.fields),
      timeUnit: options.timeUnit ?? 'auto',
      ...(onBadRecord
        ? {
            onBadRecord: (problem: InputError) => {
              this.badRecords++;
              onBadRecord(problem);
            },
          }
        : {}),
    };
    if (options.absentIsGone !== undefined && options.records === undefined)
      throw new InputError('absentIsGone needs records (the array of records in each poll)', { file: this.name });
  }

  private readonly records: RecordOptions;
  /** The reader modules of the input's format, loaded once the format is known (forced, or from the first line). */
  private readers: FormatReaders | undefined;

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
    /** Load the readers of the format, once it is known: forced, from the first non-blank line, or a long line. */
    const loadReaders = async (lines: readonly string[]): Promise<void> => {
      const format =
        this.format ??
        formatAhead(lines, this.options.records) ??
        (splitter.pendingLength > MAX_RECORD_LENGTH ? 'json' : undefined);
      if (format !== undefined) this.readers = await loadFormatReaders(format);
    };
    if (this.format) await loadReaders([]);
    let lineNumber = 0;
    let partColumn = 0; // characters of the current line already given to the JSON array reader as parts
    let partBytes = 0; // the same in bytes
    let parser: LineParser | undefined =
      this.format && this.format !== 'json' ? this.parserFor(this.format) : undefined;
    let array: JsonArrayStream | undefined; // a JSON array, streamed
    let documents: JsonDocumentStream | undefined; // JSON documents: an object, several, or polls of a list
    let current: Observation[] = []; // the batch being filled (where documents push their records)
    let count = 0;
    const startDocuments = () => {
      documents = this.readers!.jsonDocuments!.createJsonDocumentStream(this.name, (value, line, column) =>
        this.document(value, line, column, current),
      );
    };

    const parse = (lines: string[]): Observation[] => {
      const batch: Observation[] = [];
      current = batch;
      for (const text of lines) {
        lineNumber++;
        if (array) {
          array.line(text, lineNumber, batch, partColumn, true);
          partColumn = 0;
          partBytes = 0;
          continue;
        }
        if (documents) {
          documents.line(text, lineNumber);
          continue;
        }
        if (parser === undefined) {
          if (isBlankLine(text)) continue;
          if (this.format === undefined) {
            const wrong = wrongFormat(text);
            if (wrong !== undefined)
              throw new InputError(`unreadable format: found ${wrong}`, {
                file: this.name,
                line: lineNumber,
                column: 1,
              });
            this.format = this.options.records === undefined ? detectFormat(text) : 'json';
            if (this.format === 'ndjson' && startsDocument(text)) this.format = 'json';
          }
          if (this.format === 'json') {
            if (text.trimStart().startsWith('[') && this.options.records === undefined) {
              array = this.readers!.jsonArray!.createJsonArrayStream(this.name, this.records);
              array.line(text, lineNumber, batch);
            } else {
              startDocuments();
              documents!.line(text, lineNumber);
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
        documents === undefined &&
        (this.format === undefined || this.format === 'json') &&
        /^\s*\[/.test(splitter.peekPending(64));
      if (opensArray) {
        this.format = 'json';
        array = this.readers!.jsonArray!.createJsonArrayStream(this.name);
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
        const lines = splitter.push(decoded.text);
        if (!this.readers) await loadReaders(lines);
        const batch = parse(lines);
        if (splitter.pendingLength > MAX_RECORD_LENGTH) longLine(batch);
        if (decoded.invalid) throw invalidUtf8(decoded.invalid.byte);
        if (batch.length > 0) yield batch;
      }
    } catch (error) {
      throw this.readError(error);
    }
    const tail = decoder.end();
    if (tail.invalid) throw invalidUtf8(tail.invalid.byte);
    const rest = splitter.end();
    if (!this.readers) await loadReaders(rest);
    const last = parse(rest);
    if (last.length > 0) yield last;
    array?.end();
    documents?.end();
    if (count === 0 && this.badRecords === 0) {
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

  private async open(): Promise<FileChunks> {
    if (typeof this.source !== 'string') return this.source;
    if (this.source === '-') {
      const stdin = this.options.stdin ?? process.stdin;
      const fd = (stdin as { fd?: unknown }).fd;
      if (typeof fd === 'number' && isDirectory(fd))
        throw new InputError('cannot read: standard input is a directory', { file: this.name });
      return stdin;
    }
    try {
      const { chunks, size } = await openFile(this.source, 1 << 16);
      this.totalBytes = size;
      return chunks;
    } catch (error) {
      throw this.readError(error);
    }
  }

  private parserFor(format: Exclude<InputFormat, 'json'>): LineParser {
    if (format === 'ndjson') return this.readers!.ndjson!.createNdjsonParser(this.name, this.records);
    if (format === 'csv') return this.readers!.csv!.createCsvParser(this.name, this.records);
    return createLinesParser();
  }

  /** Instances in the last poll (with `records` and `absentIsGone`). */
  private present: Set<string> | undefined;

  /** The records of one JSON document, pushed to `out` (and, for a poll, the instances gone since the last one). */
  private document(value: unknown, line: number, column: number, out: Observation[]): void {
    const path = this.options.records;
    let records: unknown[];
    if (path === undefined) {
      records = Array.isArray(value) ? value : [value];
    } else {
      const list = valueAt(value, path.split('.'));
      if (!Array.isArray(list)) {
        badRecord(
          this.records,
          new InputError(
            `expected an array at "${path}" in the document (one poll of the list), found ${list === undefined ? 'none' : typeof list}`,
            { file: this.name, line, column },
          ),
        );
        return;
      }
      records = list;
    }
    const seen = this.options.absentIsGone === undefined ? undefined : new Set<string>();
    records.forEach((record, index) => {
      const observation = observationFromJson(record, line, this.records.shape, this.records.timeUnit);
      if (typeof observation === 'string') {
        const which = records.length > 1 || path !== undefined ? ` (record ${index + 1} of the document)` : '';
        badRecord(this.records, new InputError(observation + which, { file: this.name, line, column }));
        return;
      }
      out.push(observation);
      if (observation.instance !== undefined) seen?.add(observation.instance);
    });
    if (seen) {
      for (const instance of this.present ?? []) {
        if (!seen.has(instance)) out.push({ status: this.options.absentIsGone!, line, instance });
      }
      this.present = seen;
    }
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

/** The format the first non-blank of these lines shows (JSON documents with `records`), or undefined. */
function formatAhead(lines: readonly string[], records: string | undefined): InputFormat | undefined {
  const first = lines.find((text) => !isBlankLine(text));
  if (first === undefined) return undefined;
  return records === undefined ? detectFormat(first) : 'json';
}

/**
 * True for a first line that starts a JSON object but does not end it (a pretty-printed or multi-line document).
 *
 * @example startsDocument('{') // true
 */
export function startsDocument(text: string): boolean {
  const scan = scanJson(text);
  return !scan.ok && scan.offset >= text.trimEnd().length;
}

/** The value at a dotted path of own keys, or undefined. */
function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
