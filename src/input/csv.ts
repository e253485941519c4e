/**
 * CSV input: a header row naming the columns (`status` and/or `operation`, and optionally `time`/`timestamp` and
 * `instance_id`/`instanceId`/`id`; other columns are ignored), then one observation per row: a status, an
 * operation the user requested, or both (the operation, then the status seen after it). Fields may be
 * quoted (`"a,b"`, `""` for a quote); a quoted field must end on its line.
 */
import type { Observation } from '../model/index.js';
import { quoteInput } from '../model/quoteInput.js';
import { parseCsvFields } from './csvFields.js';
import { epochTime, OPERATION_FIELDS } from './fields.js';
import { InputError } from './inputError.js';
import { badRecord, DEFAULT_RECORD_OPTIONS, isBlankLine, type LineParser, type RecordOptions } from './lineParser.js';

/**
 * A reader of CSV lines: the first non-blank line is the header, each later non-blank line one observation. The
 * columns are found by name (case-insensitive): the built-in names, or those of `options.shape` (a dotted field
 * name is taken as a column name).
 *
 * @example const parser = createCsvParser('log.csv'); parser.line('status', 1); parser.line('RUNNING', 2)
 */
export function createCsvParser(file: string, options: RecordOptions = DEFAULT_RECORD_OPTIONS): LineParser {
  const { shape, timeUnit } = options;
  const columnNames = (paths: readonly (readonly string[])[]) => paths.map((path) => path.join('.'));
  let width = -1;
  let statusColumn = -1;
  let operationColumn = -1;
  let timeColumn = -1;
  let instanceColumn = -1;
  const fieldsOf = (text: string, line: number): string[] => {
    const fields = parseCsvFields(text);
    if (Array.isArray(fields)) return fields;
    throw new InputError(`invalid CSV: expected ${fields.expected}`, { file, line, column: fields.offset + 1 });
  };
  return {
    line(text: string, line: number): Observation | undefined {
      if (isBlankLine(text)) return undefined;
      const fields = fieldsOf(text, line);
      if (width < 0) {
        const names = fields.map((f) => f.trim().toLowerCase());
        const find = (candidates: readonly string[]) => {
          for (const candidate of candidates) {
            const index = names.indexOf(candidate.toLowerCase());
            if (index >= 0) return index;
          }
          return -1;
        };
        const statusNames = columnNames(shape.status);
        statusColumn = find(statusNames);
        operationColumn = find(OPERATION_FIELDS);
        if (statusColumn < 0 && operationColumn < 0) {
          throw new InputError(
            `expected a CSV header row with a "${statusNames[0]}" column, found ${quoteInput(text)}`,
            {
              file,
              line,
              column: 1,
            },
          );
        }
        timeColumn = find(columnNames(shape.time));
        instanceColumn = find(columnNames(shape.instance));
        width = fields.length;
        return undefined;
      }
      if (fields.length !== width) {
        const column = fields.length > width ? columnOfField(text, width) : text.length + 1;
        throw new InputError(`expected ${width} CSV fields as in the header, found ${fields.length}`, {
          file,
          line,
          column,
        });
      }
      const status = statusColumn < 0 ? '' : fields[statusColumn]!;
      const operation = operationColumn < 0 ? '' : fields[operationColumn]!.trim();
      if (status.trim() === '' && operation === '')
        return badRecord(
          options,
          new InputError(
            operationColumn < 0
              ? `expected a status, found an empty "${columnNames(shape.status)[0]}" field`
              : 'expected a status or an operation, found both fields empty',
            { file, line, column: columnOfField(text, statusColumn < 0 ? operationColumn : statusColumn) },
          ),
        );
      const observation: Observation = { status: status.trim() === '' ? '' : status, line };
      if (operation !== '') observation.operation = operation;
      if (timeColumn >= 0) {
        const time = fields[timeColumn]!.trim();
        if (time !== '') observation.time = epochTime(time, timeUnit);
      }
      if (instanceColumn >= 0) {
        const instance = fields[instanceColumn]!.trim();
        if (instance !== '') observation.instance = instance;
      }
      return observation;
    },
  };
}

/** The 1-based column where field `index` of a (valid) CSV line starts, or the end of the line. */
function columnOfField(text: string, index: number): number {
  const starts: number[] = [];
  parseCsvFields(text, starts);
  return (starts[index] ?? text.length) + 1;
}
