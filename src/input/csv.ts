/**
 * CSV input: a header row naming the columns (`status`, and optionally `time`/`timestamp` and
 * `instance_id`/`instanceId`/`id`; other columns are ignored), then one observation per row. Fields may be
 * quoted (`"a,b"`, `""` for a quote); a quoted field must end on its line.
 */
import { type Observation, quoteInput } from '../model/index.js';
import { epochTime } from './fields.js';
import { InputError } from './inputError.js';
import { badRecord, DEFAULT_RECORD_OPTIONS, isBlankLine, type LineParser, type RecordOptions } from './lineParser.js';

/** A CSV syntax problem: the 0-based offset in the line and what was expected there. */
export interface CsvSyntaxError {
  offset: number;
  expected: string;
}

/**
 * The fields of one CSV line, or where and why it is not valid CSV. With `starts`, the 0-based offset where each
 * field starts is pushed onto it.
 *
 * @example parseCsvFields('a,"b ""c""",d') // ['a', 'b "c"', 'd']
 */
export function parseCsvFields(line: string, starts?: number[]): string[] | CsvSyntaxError {
  if (starts === undefined && !line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let pos = 0;
  for (;;) {
    starts?.push(pos);
    if (line.charCodeAt(pos) === 34) {
      const open = pos;
      let value = '';
      pos++;
      for (;;) {
        const close = line.indexOf('"', pos);
        if (close < 0)
          return { offset: open, expected: "a closing '\"' on the same line for the quoted field that starts here" };
        value += line.slice(pos, close);
        if (line.charCodeAt(close + 1) === 34) {
          value += '"';
          pos = close + 2;
          continue;
        }
        pos = close + 1;
        break;
      }
      fields.push(value);
      if (pos === line.length) return fields;
      if (line.charCodeAt(pos) !== 44)
        return { offset: pos, expected: "',' or the end of the line after a quoted field" };
      pos++;
    } else {
      const comma = line.indexOf(',', pos);
      const end = comma < 0 ? line.length : comma;
      const quote = line.indexOf('"', pos);
      if (quote >= 0 && quote < end)
        return {
          offset: quote,
          expected: "no '\"' inside an unquoted field (quote the whole field, doubling inner quotes)",
        };
      fields.push(line.slice(pos, end));
      if (comma < 0) return fields;
      pos = comma + 1;
    }
  }
}

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
        if (statusColumn < 0) {
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
      const status = fields[statusColumn]!;
      if (status.trim() === '')
        return badRecord(
          options,
          new InputError(`expected a status, found an empty "${columnNames(shape.status)[0]}" field`, {
            file,
            line,
            column: columnOfField(text, statusColumn),
          }),
        );
      const observation: Observation = { status, line };
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
