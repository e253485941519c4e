/**
 * JSON array input read from a whole text: `["CREATING", "RUNNING"]` or `[{ "status": "RUNNING", "time": "..." }]`;
 * each element gets the line it starts on. (The reader streams arrays with `createJsonArrayStream` instead, and
 * uses this for JSON that is not an array, to name the error.)
 */
import type { Observation } from '../model/index.js';
import { observationFromJson } from './fields.js';
import { InputError, MAX_RECORD_LENGTH, recordTooLong } from './inputError.js';
import { lineColumn, scanJson } from './jsonSyntax.js';
import { badRecord, DEFAULT_RECORD_OPTIONS, isBlankLine, type RecordOptions } from './lineParser.js';

/**
 * The observations of a JSON array text; throws an {@link InputError} naming `file:line:column` for malformed JSON,
 * a value that is not an array, or an element that is not a record.
 *
 * @example parseJsonArray('["CREATING",\n "RUNNING"]', 'h.json') // [{ status: 'CREATING', line: 1 }, { status: 'RUNNING', line: 2 }]
 */
export function parseJsonArray(
  text: string,
  file: string,
  options: RecordOptions = DEFAULT_RECORD_OPTIONS,
): Observation[] {
  const scan = scanJson(text);
  if (!scan.ok) {
    throw new InputError(`invalid JSON: expected ${scan.expected}`, { file, ...lineColumn(text, scan.offset) });
  }
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) {
    const start = /\S/.exec(text)?.index ?? 0;
    throw new InputError('expected a JSON array of statuses or of records', { file, ...lineColumn(text, start) });
  }
  const observations: Observation[] = [];
  let line = 1;
  let counted = 0; // offset up to which newlines are counted into `line`
  value.forEach((element: unknown, index) => {
    const offset = scan.elements[index]!;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = offset;
    const observation = observationFromJson(element, line, options.shape, options.timeUnit, text, offset);
    if (typeof observation === 'string')
      badRecord(options, new InputError(observation, { file, ...lineColumn(text, offset) }));
    else observations.push(observation);
  });
  return observations;
}

/** Reads JSON that is not an array (always an error: the reader wants an array), line by line. */
export interface NonArrayJson {
  /** One more line; throws the {@link InputError} as soon as the error is known. */
  line(text: string): void;
  /** The input has ended: throws the {@link InputError}. */
  end(): never;
}

/**
 * A reader for JSON whose first value is not an array: it throws the error reading the whole text with
 * {@link parseJsonArray} would, as soon as it is known: once the first value is complete and more content
 * follows (an NDJSON log read as JSON fails on its line 2 at once), at the end of the input, or when the value
 * grows longer than `maxLength` characters. `blankLines` is the number of blank lines before the first.
 *
 * @example const json = createNonArrayJson('log.ndjson', 0); json.line('{"status":"A"}'); json.line('{"status":"B"}') // throws at 2:1
 */
export function createNonArrayJson(file: string, blankLines: number, maxLength = MAX_RECORD_LENGTH): NonArrayJson {
  const lines: string[] = [];
  let length = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let complete = false;
  const whole = () => '\n'.repeat(blankLines) + lines.join('\n');
  const fail = (): never => {
    parseJsonArray(whole(), file); // throws: the text is not an array
    throw new InputError('expected a JSON array of statuses or of records', { file, line: blankLines + 1, column: 1 });
  };
  return {
    line(text) {
      if (complete) {
        lines.push(text);
        if (!isBlankLine(text)) fail();
        return;
      }
      length += text.length + 1;
      if (length > maxLength) throw recordTooLong(maxLength, 'a JSON value', { file, line: blankLines + 1, column: 1 });
      lines.push(text);
      for (let i = 0; i < text.length && !complete; i++) {
        const c = text.charCodeAt(i);
        if (!started) {
          if (c === 32 || c === 9 || c === 13) continue;
          started = true;
          if (c !== 123 && c !== 91)
            complete = true; // a scalar: it ends on this line, rightly or not
          else depth = 1;
          continue;
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if ((c === 125 || c === 93) && --depth === 0) {
          complete = true;
          if (!isBlankLine(text.slice(i + 1))) fail();
        }
      }
    },
    end: fail,
  };
}
