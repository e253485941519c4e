/**
 * JSON array input read from a whole text: `["CREATING", "RUNNING"]` or `[{ "status": "RUNNING", "time": "..." }]`;
 * each element gets the line it starts on. (The reader streams arrays with `createJsonArrayStream` instead.)
 */
import type { Observation } from '../model/index.js';
import { observationFromJson } from './fields.js';
import { InputError } from './inputError.js';
import { lineColumn, scanJson } from './jsonSyntax.js';
import { badRecord, DEFAULT_RECORD_OPTIONS, type RecordOptions } from './lineParser.js';

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
