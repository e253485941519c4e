/**
 * The shape of a line-by-line reader of one input format, the options every record reader takes, and the reader of
 * the plainest format (one status per line, blank lines skipped; the status is the line as written).
 */
import type { Observation } from '../model/index.js';
import { type RecordShape, recordShape, type TimeUnit } from './fields.js';
import type { InputError } from './inputError.js';

/** How records are read: which fields, which time unit, and where bad records go. */
export interface RecordOptions {
  /** The fields to read (built-in names by default). */
  shape: RecordShape;
  /** How numeric times are read. */
  timeUnit: TimeUnit;
  /**
   * Where a record without a usable status (missing, null, a number...) goes: it is skipped and reading goes on.
   * Without it, such a record is an error that stops reading.
   */
  onBadRecord?: (problem: InputError) => void;
}

/** The default record options: built-in field names, `auto` time unit, bad records are errors. */
export const DEFAULT_RECORD_OPTIONS: RecordOptions = { shape: recordShape(), timeUnit: 'auto' };

/**
 * Hand a record problem to `onBadRecord`, or throw it when there is none.
 *
 * @example badRecord(options, new InputError('expected a "status" field in the record', { file, line }))
 */
export function badRecord(options: RecordOptions, problem: InputError): undefined {
  if (!options.onBadRecord) throw problem;
  options.onBadRecord(problem);
  return undefined;
}

/** Reads one format line by line: each line gives one observation, or nothing (a blank line, a header). */
export interface LineParser {
  /**
   * The observation on this line (its text without the line ending, and its 1-based number), or undefined when the
   * line holds none. Throws an `InputError` naming the line and column when the line is malformed.
   */
  line(text: string, line: number): Observation | undefined;
}

/**
 * True for a line of nothing but white space (skipped by every line format).
 *
 * @example isBlankLine(' \t') // true
 */
export function isBlankLine(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '');
}

/**
 * A reader of plain status lines.
 *
 * @example createLinesParser().line('RUNNING', 4) // { status: 'RUNNING', line: 4 }
 */
export function createLinesParser(): LineParser {
  return {
    line(text: string, line: number): Observation | undefined {
      if (isBlankLine(text)) return undefined;
      return { status: text, line };
    },
  };
}
