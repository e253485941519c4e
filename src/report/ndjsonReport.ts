/**
 * The fast path of `reportInputs` for NDJSON files: each file is read as bytes by the `NdjsonByteReader` straight
 * into a {@link CompactReporter} (no string or object per record on the common subset; other lines through the
 * ordinary parser), as `validate` reads them. Whether the inputs take it is decided by `ndjsonFileSize`; this module
 * is loaded only when they do.
 */
import type { Service } from '../../machines/index.js';
import { loadStatusGraph } from '../graph/statusTables.js';
import { fileChunks } from '../input/fileChunks.js';
import { InputError } from '../input/inputError.js';
import type { RecordOptions } from '../input/lineParser.js';
import { createNdjsonParser } from '../input/ndjson.js';
import { NdjsonByteReader, READ_CHUNK } from '../input/ndjsonBytes.js';
import { CompactReporter } from './compactReporter.js';
import type { FleetReportOptions } from './fleetReporter.js';
import type { ConformanceReport } from './types.js';

/** An NDJSON file to report on: its path and size. */
export interface NdjsonInput {
  path: string;
  size: number;
}

/**
 * The conformance report of NDJSON files read one after the other as one fleet. `records` are the ordinary
 * reader's record options (field shape, time unit, where bad records go: without `onBadRecord` a bad record
 * throws, as it does there); `onChunk` is told the bytes read of the current file now and then.
 */
export async function reportNdjsonFiles(
  service: string | Service,
  inputs: readonly NdjsonInput[],
  options: FleetReportOptions,
  records: RecordOptions,
  onChunk?: (progress: { file: string; bytesRead: number; totalBytes: number; reporter: CompactReporter }) => void,
): Promise<ConformanceReport> {
  const reporter = new CompactReporter(await loadStatusGraph(service), options);
  for (const { path, size } of inputs) {
    reporter.startInput(path);
    let bad = 0;
    const onBadRecord = records.onBadRecord;
    const parser = createNdjsonParser(path, {
      ...records,
      ...(onBadRecord
        ? {
            onBadRecord(problem: InputError) {
              bad++;
              onBadRecord(problem);
            },
          }
        : {}),
    });
    const before = reporter.observations;
    const reader = new NdjsonByteReader(path, reporter.statuses, parser, reporter.sink());
    let done = 0;
    for await (const chunk of fileChunks(path, { start: 0, end: size })) {
      reader.push(chunk);
      done += chunk.length;
      if (done % (16 * READ_CHUNK) === 0 || done === size)
        onChunk?.({ file: path, bytesRead: done, totalBytes: size, reporter });
    }
    reader.end();
    if (reporter.observations === before && bad === 0)
      throw new InputError(
        `empty input: no statuses found (${reader.lineNumber === 0 ? 'the input is empty' : 'nothing but blank lines'})`,
        { file: path },
      );
  }
  return reporter.report();
}
