/**
 * `createJsonArrayStream`: a JSON array read line by line, one element at a time, so a big array needs memory for
 * one element only. Elements are found by tracking strings and nesting; each is parsed by `JSON.parse`, and a
 * malformed one is located by `scanJson`, so errors name the same place and expectation as reading the array whole
 * would.
 */
import type { Observation } from '../model/index.js';
import { observationFromJson } from './fields.js';
import { InputError, MAX_RECORD_LENGTH, recordTooLong } from './inputError.js';
import { lineColumn, scanJson } from './jsonSyntax.js';
import { badRecord, DEFAULT_RECORD_OPTIONS, type RecordOptions } from './lineParser.js';

/** Reads a JSON array given line by line. */
export interface JsonArrayStream {
  /**
   * Read one more line (without its ending; `line` is its 1-based number), pushing completed elements to `out`.
   * A very long line may come in parts: `column` is the 0-based column where this part starts (0 for the first
   * part), and `ends` is false for every part but the last.
   */
  line(text: string, line: number, out: Observation[], column?: number, ends?: boolean): void;
  /** The input has ended: throws an {@link InputError} when the array is not complete. */
  end(): void;
}

const VALUE = 'a value (string, number, object, array, true, false or null)';
const AFTER_ELEMENT = "',' or ']' after an array element";

enum State {
  /** Before the `[`. */
  Before,
  /** After `[`: an element or `]`. */
  First,
  /** After `,`: an element. */
  Next,
  /** Inside an element. */
  Element,
  /** After the closing `]`: only white space. */
  Done,
}

/**
 * A reader of a JSON array whose first non-blank character is `[`. An element longer than `maxElement`
 * characters is refused with an {@link InputError} naming where it starts (default {@link MAX_RECORD_LENGTH}).
 *
 * @example
 * const array = createJsonArrayStream('h.json'); const out = [];
 * array.line('["CREATING",', 1, out); array.line(' "RUNNING"]', 2, out); array.end(); // out: 2 observations
 */
export function createJsonArrayStream(
  file: string,
  options: RecordOptions = DEFAULT_RECORD_OPTIONS,
  maxElement = MAX_RECORD_LENGTH,
): JsonArrayStream {
  let state = State.Before;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pieces: string[] = []; // the element's text in earlier lines or parts of lines, with the line endings
  let piecesLength = 0;
  let startLine = 0;
  let startColumn = 0;
  let startIndex = -1; // where the element starts in the current text; -1 when it started in an earlier one
  let lastLine = 0;
  let lastLength = 0;

  const tooLong = (): never => {
    throw recordTooLong(maxElement, 'an array element', { file, line: startLine, column: startColumn });
  };

  const fail = (expected: string, line: number, column: number): never => {
    throw new InputError(`invalid JSON: expected ${expected}`, { file, line, column });
  };

  /** The element's text is complete (ended by the character at `end` of the text): parse it. */
  const finish = (text: string, line: number, end: number, column: number, out: Observation[]): void => {
    if (piecesLength + end - Math.max(startIndex, 0) > maxElement) tooLong();
    const element = startIndex >= 0 ? text.slice(startIndex, end) : [...pieces, text.slice(0, end)].join('');
    pieces = [];
    piecesLength = 0;
    if (element.trim() === '') fail(VALUE, line, column + end + 1);
    const value = parseElement(element);
    if (value === undefined) locateError(element);
    const observation = observationFromJson(value, startLine, options.shape, options.timeUnit, element);
    if (typeof observation === 'string')
      badRecord(options, new InputError(observation, { file, line: startLine, column: startColumn }));
    else out.push(observation);
  };

  /** Throw the syntax error inside an element's text, at its place in the input. */
  const locateError = (element: string): never => {
    const scan = scanJson(element);
    const offset = scan.ok ? element.length : scan.offset;
    const expected =
      scan.ok || scan.expected === 'the end of the input after the JSON value' ? AFTER_ELEMENT : scan.expected;
    const at = lineColumn(element, offset);
    return fail(expected, startLine + at.line - 1, at.line === 1 ? startColumn + at.column - 1 : at.column);
  };

  return {
    line(text, line, out, column = 0, ends = true) {
      lastLine = line;
      lastLength = column + text.length;
      startIndex = -1;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (state === State.Element) {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 92) escaped = true;
            else if (c === 34) inString = false;
          } else if (c === 34) {
            inString = true;
          } else if (c === 123 || c === 91) {
            depth++;
          } else if (depth > 0 && (c === 125 || c === 93)) {
            depth--;
          } else if (depth === 0 && (c === 44 || c === 93 || c === 125)) {
            finish(text, line, c === 125 ? i + 1 : i, column, out); // a stray } stays in the element, to be located there
            state = c === 44 ? State.Next : State.Done;
          }
          continue;
        }
        if (c === 32 || c === 9 || c === 13) continue;
        if (state === State.Before) {
          if (c !== 91) fail('a JSON array', line, column + i + 1);
          state = State.First;
        } else if (state === State.Done) {
          fail('the end of the input after the JSON value', line, column + i + 1);
        } else if (state === State.First && c === 93) {
          state = State.Done;
        } else {
          if (c === 44 || c === 93) fail(VALUE, line, column + i + 1);
          state = State.Element;
          startLine = line;
          startColumn = column + i + 1;
          startIndex = i;
          depth = 0;
          inString = false;
          escaped = false;
          i--; // read this character again, inside the element
        }
      }
      if (state === State.Element) {
        const piece = startIndex >= 0 ? text.slice(startIndex) : text;
        pieces.push(ends ? piece + '\n' : piece);
        piecesLength += piece.length + 1;
        if (piecesLength > maxElement) tooLong();
      }
    },
    end() {
      if (state === State.Done || state === State.Before) return;
      if (state === State.Element) {
        const element = pieces.join('').replace(/\n$/, '');
        pieces = [];
        if (parseElement(element) === undefined) locateError(element);
        fail(AFTER_ELEMENT, lastLine, lastLength + 1);
      }
      fail(VALUE, lastLine, lastLength + 1);
    },
  };
}

/** The parsed element, or undefined when it is not valid JSON. */
function parseElement(element: string): unknown {
  try {
    return JSON.parse(element) as unknown;
  } catch {
    return undefined;
  }
}
