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

/**
 * The longest record the readers take, in characters (1 MiB): a line of a line format, an element of a JSON
 * array, a JSON value that is not an array. No status record comes near it; a longer one is refused (exit 2)
 * instead of growing a string until memory or Node's maximum string length gives out (`/dev/zero` as input).
 */
export const MAX_RECORD_LENGTH = 1 << 20;

/**
 * The error for a record longer than `limit` characters, placed where it starts.
 *
 * @example recordTooLong(1 << 20, 'a line', { file: 'f', line: 1 }).message // 'f:1: a line longer than 1048576 characters: ...'
 */
export function recordTooLong(limit: number, what: string, location: InputLocation): InputError {
  return new InputError(
    `${what} longer than ${limit} characters: a record is at most that long (is this the right file?)`,
    location,
  );
}
