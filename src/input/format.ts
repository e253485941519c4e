/**
 * The input formats, telling them apart from the first line of content, and the reader modules of each, loaded once
 * the format is known (so that reading plain lines loads neither the CSV nor the JSON readers: each module loaded
 * costs start-up).
 */
import { parseCsvFields } from './csvFields.js';

/** The formats a history can be given in. */
export type InputFormat = 'json' | 'ndjson' | 'csv' | 'lines';

/** Every {@link InputFormat}, with what it is. */
export const INPUT_FORMATS: readonly { format: InputFormat; description: string }[] = [
  {
    format: 'json',
    description:
      'a JSON array of statuses or of records, a JSON object (pretty-printed too), or several concatenated JSON documents',
  },
  { format: 'ndjson', description: 'one JSON object with "status" or "operation" per line (a fleet log)' },
  {
    format: 'csv',
    description: 'CSV with a header row naming a "status" and/or "operation" column (and "time", "instance_id")',
  },
  { format: 'lines', description: 'plain text, one status per line' },
];

/** True when `name` is an {@link InputFormat}. */
export function isInputFormat(name: string): name is InputFormat {
  return INPUT_FORMATS.some((f) => f.format === name);
}

/**
 * The format of an input, judged from its first non-blank line: `[` starts a JSON array, `{` an NDJSON log, a
 * header with a `status` or an `operation` column (or any line with a comma) a CSV file, `"` an NDJSON log of strings; anything else
 * is one status per line.
 *
 * @example detectFormat('time,instance_id,status') // 'csv'
 */
export function detectFormat(firstLine: string): InputFormat {
  const text = firstLine.trim();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'ndjson';
  if (isCsvHeader(text) || text.includes(',')) return 'csv'; // a status has no comma: a comma means CSV (or a mistake the CSV reader names)
  if (text.startsWith('"')) return 'ndjson';
  return 'lines';
}

/**
 * What is wrong with an input whose first non-blank line is this, when it is in none of the formats but looks like
 * a known other one (a comment, semicolon- or tab-separated values), or undefined.
 *
 * @example wrongFormat('time;status') // 'semicolon-separated values (";"): expected CSV (comma-separated, ...'
 */
export function wrongFormat(firstLine: string): string | undefined {
  const text = firstLine.trim();
  const formats = 'CSV (comma-separated, with a header row), NDJSON, JSON or one status per line';
  if (text.startsWith('#') || text.startsWith('//'))
    return `a comment line ("${text.startsWith('#') ? '#' : '//'}"): comments are not part of any input format (${formats}); remove them`;
  if (text.startsWith('[') || text.startsWith('{') || text.includes(',')) return undefined;
  if (text.includes(';')) return `semicolon-separated values (";"): expected ${formats}; use commas as separators`;
  if (text.includes('\t')) return `tab-separated values: expected ${formats}; use commas as separators`;
  return undefined;
}

function isCsvHeader(line: string): boolean {
  const fields = parseCsvFields(line);
  return Array.isArray(fields) && fields.some((field) => ['status', 'operation'].includes(field.trim().toLowerCase()));
}

/** The reader modules of one format (those of the other formats are absent). */
export interface FormatReaders {
  csv?: typeof import('./csv.js');
  ndjson?: typeof import('./ndjson.js');
  jsonArray?: typeof import('./jsonArrayStream.js');
  jsonDocuments?: typeof import('./jsonDocuments.js');
}

/**
 * The readers `format` needs: none beyond the line parser for `lines`, the CSV reader for `csv`, and every JSON
 * reader for `json` and `ndjson` (a first line that opens an object but does not close it makes NDJSON a JSON
 * document).
 *
 * @example const { csv } = await loadFormatReaders('csv'); csv!.createCsvParser('log.csv')
 */
export async function loadFormatReaders(format: InputFormat): Promise<FormatReaders> {
  if (format === 'lines') return {};
  if (format === 'csv') return { csv: await import('./csv.js') };
  const [ndjson, jsonArray, jsonDocuments] = await Promise.all([
    import('./ndjson.js'),
    import('./jsonArrayStream.js'),
    import('./jsonDocuments.js'),
  ]);
  return { ndjson, jsonArray, jsonDocuments };
}
