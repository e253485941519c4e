/** `InputError`: input data that cannot be read, with the place (`file:line:column`) and what was expected. */

/** Where in an input something is: the file (`<stdin>` for standard input), and 1-based line and column. */
export interface InputLocation {
  file: string;
  line?: number;
  column?: number;
}

/**
 * Bad input data. Its message is one line, `file:line:column: what was wrong`, ready to print; the CLI prints it
 * and exits 2. The parts are kept as fields for programs.
 *
 * @example new InputError('expected a "status" field', { file: 'log.ndjson', line: 3, column: 1 }).message
 * // 'log.ndjson:3:1: expected a "status" field'
 */
export class InputError extends Error {
  override name = 'InputError';
  /** The file, when known. */
  readonly file: string | undefined;
  /** The 1-based line, when known. */
  readonly line: number | undefined;
  /** The 1-based column, when known. */
  readonly column: number | undefined;
  /** What was wrong, without the place. */
  readonly detail: string;

  constructor(detail: string, location?: InputLocation) {
    const oneLine = detail.replace(/\s*[\r\n]+\s*/g, ' ');
    super(location ? `${formatLocation(location)}: ${oneLine}` : oneLine);
    this.detail = oneLine;
    this.file = location?.file;
    this.line = location?.line;
    this.column = location?.column;
  }
}

/**
 * `file:line:column`, leaving out the parts that are unknown.
 *
 * @example formatLocation({ file: 'a.csv', line: 2 }) // 'a.csv:2'
 */
export function formatLocation(location: InputLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}
