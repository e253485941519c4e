/**
 * `createJsonArrayStream`: a JSON array read line by line, one element at a time, so a big array needs memory for
 * one element only. Elements are found by tracking strings and nesting; each is parsed by `JSON.parse`, and a
 * malformed one is located by `scanJson`, so errors name the same place and expectation as reading the array whole
 * would.
 */
import type { Observation } from '../model/index.js';
import { observationFromJson } from './fields.js';
import { InputError } from './inputError.js';
import { lineColumn, scanJson } from './jsonSyntax.js';
import { badRecord, DEFAULT_RECORD_OPTIONS, type RecordOptions } from './lineParser.js';

/** Reads a JSON array given line by line. */
export interface JsonArrayStream {
  /** Read one more line (without its ending; `line` is its 1-based number), pushing completed elements to `out`. */
  line(text: string, line: number, out: Observation[]): void;
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
 * A reader of a JSON array whose first non-blank character is `[`.
 *
 * @example
 * const array = createJsonArrayStream('h.json'); const out = [];
 * array.line('["CREATING",', 1, out); array.line(' "RUNNING"]', 2, out); array.end(); // out: 2 observations
 */
export function createJsonArrayStream(file: string, options: RecordOptions = DEFAULT_RECORD_OPTIONS): JsonArrayStream {
  let state = State.Before;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pieces: string[] = []; // the element's text on earlier lines
  let startLine = 0;
  let startColumn = 0;
  let lastLine = 0;
  let lastLength = 0;

  const fail = (expected: string, line: number, column: number): never => {
    throw new InputError(`invalid JSON: expected ${expected}`, { file, line, column });
  };

  /** The element's text is complete (ended by the character at `end` of line `line`): parse it. */
  const finish = (text: string, line: number, end: number, out: Observation[]): void => {
    const element = pieces.length === 0 ? text.slice(startColumn - 1, end) : [...pieces, text.slice(0, end)].join('\n');
    pieces = [];
    if (element.trim() === '') fail(VALUE, line, end + 1);
    const value = parseElement(element);
    if (value === undefined) locateError(element);
    const observation = observationFromJson(value, startLine, options.shape, options.timeUnit);
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
    line(text, line, out) {
      lastLine = line;
      lastLength = text.length;
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
            finish(text, line, c === 125 ? i + 1 : i, out); // a stray } stays in the element, to be located there
            state = c === 44 ? State.Next : State.Done;
          }
          continue;
        }
        if (c === 32 || c === 9 || c === 13) continue;
        if (state === State.Before) {
          if (c !== 91) fail('a JSON array', line, i + 1);
          state = State.First;
        } else if (state === State.Done) {
          fail('the end of the input after the JSON value', line, i + 1);
        } else if (state === State.First && c === 93) {
          state = State.Done;
        } else {
          if (c === 44 || c === 93) fail(VALUE, line, i + 1);
          state = State.Element;
          startLine = line;
          startColumn = i + 1;
          depth = 0;
          inString = false;
          escaped = false;
          i--; // read this character again, inside the element
        }
      }
      if (state === State.Element) pieces.push(startLine === line ? text.slice(startColumn - 1) : text);
    },
    end() {
      if (state === State.Done || state === State.Before) return;
      if (state === State.Element) {
        const element = pieces.join('\n');
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
