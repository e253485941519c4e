/**
 * `loadFormatReaders`: the reader modules of an input format, loaded once the format is known, so that reading
 * plain lines loads neither the CSV nor the JSON readers (each module loaded costs start-up).
 */
import type { InputFormat } from './format.js';

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
