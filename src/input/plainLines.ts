/** Plain text input: one status per line, blank lines skipped; the status is the line as written. */
import type { Observation } from '../model/index.js';
import { isBlankLine, type LineParser } from './lineParser.js';

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
