/** The shape of a line-by-line reader of one input format. */
import type { Observation } from '../model/index.js';

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
