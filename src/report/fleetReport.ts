/**
 * `fleetReport` and `reportInputs`: the fleet conformance report of observations (any iterable), or of files,
 * standard input or streams read in one streaming pass (every input format), as `validateFleet` and
 * `validateInput` are for validation.
 */
import type { Readable } from 'node:stream';
import type { Service } from '../../machines/index.js';
import { recordShape } from '../input/fields.js';
import type { ReadOptions } from '../input/observationReader.js';
import type { Observation } from '../model/index.js';
import { ndjsonFileSize } from '../validation/ndjsonEligible.js';
import type { InputProgress } from '../validation/validateInput.js';
import { checkValidationOptions } from '../validation/validator.js';
import type { FleetReportOptions } from './fleetReporter.js';
import type { ConformanceReport } from './types.js';

/**
 * The conformance report of a stream of observations (or of batches of them) of many instances.
 *
 * @example
 * const report = await fleetReport('kafka', readObservations('fleet.ndjson').batches(), { mode: 'sampled' });
 * report.fitness.stepFitness; report.dwell.find((d) => d.status === 'RESTARTING')?.p99
 */
export async function fleetReport(
  service: string | Service,
  observations: AsyncIterable<Observation | readonly Observation[]> | Iterable<Observation | readonly Observation[]>,
  options: FleetReportOptions = {},
): Promise<ConformanceReport> {
  const { createFleetReporter } = await import('./fleetReporter.js'); // not loaded by the byte path
  const reporter = createFleetReporter(service, options);
  for await (const item of observations) {
    if (Array.isArray(item)) reporter.pushAll(item as readonly Observation[]);
    else reporter.push(item as Observation);
  }
  return reporter.report();
}

/**
 * Options of {@link reportInputs}: the report's, how to read (format, field names, time unit, list responses...),
 * and a progress callback. A bad record stops the report with an `InputError` (unless `onBadRecord` is given: then
 * it is passed there and skipped).
 */
export interface ReportInputsOptions extends FleetReportOptions, ReadOptions {
  /** Called after each batch of observations (about every 64 KiB of input). */
  onProgress?(progress: InputProgress & { file: string }): void;
}

/**
 * Read inputs (file paths, `-` for standard input, or `Readable`s) one after the other in one streaming pass and
 * report on them together: an instance seen in several inputs has one history, in input order. Throws an
 * `InputError` (with `file:line:column`) for input that cannot be read. When every input is a regular NDJSON file
 * (with the built-in field names), the files are read as bytes into compact state, as `validate` reads them; the
 * report is the same.
 *
 * @example const report = await reportInputs('kafka', ['monday.ndjson', 'tuesday.ndjson'], { mode: 'sampled' });
 */
export async function reportInputs(
  service: string | Service,
  sources: string | Readable | readonly (string | Readable)[],
  options: ReportInputsOptions = {},
): Promise<ConformanceReport> {
  const { onProgress, format, stdin, name, fields, timeUnit, records, absentIsGone, onBadRecord, ...reportOptions } =
    options;
  // checked before any input is read, whichever path reads it
  checkValidationOptions('reportInputs', reportOptions.mode === undefined ? {} : { mode: reportOptions.mode });
  const read: ReadOptions = {
    ...(format ? { format } : {}),
    ...(stdin ? { stdin } : {}),
    ...(name ? { name } : {}),
    ...(fields ? { fields } : {}),
    ...(timeUnit ? { timeUnit } : {}),
    ...(records === undefined ? {} : { records }),
    ...(absentIsGone === undefined ? {} : { absentIsGone }),
    ...(onBadRecord ? { onBadRecord } : {}),
  };
  const list = Array.isArray(sources) ? sources : [sources as string | Readable];
  // regular NDJSON files with the built-in field names: read as bytes into compact state, as `validate` reads them
  const sizes = list.map((source) =>
    absentIsGone === undefined ? ndjsonFileSize(source, { format, fields, records }) : undefined,
  );
  if (list.length > 0 && sizes.every((size) => size !== undefined)) {
    const { reportNdjsonFiles } = await import('./ndjsonReport.js');
    return reportNdjsonFiles(
      service,
      list.map((source, i) => ({ path: source as string, size: sizes[i]! })),
      reportOptions,
      { shape: recordShape(fields), timeUnit: timeUnit ?? 'auto', ...(onBadRecord ? { onBadRecord } : {}) },
      onProgress &&
        (({ file, bytesRead, totalBytes, reporter }) =>
          onProgress({
            file,
            observations: reporter.observations,
            histories: reporter.histories,
            bytesRead,
            totalBytes,
          })),
    );
  }
  // the reporter of observations and the ordinary reader: not loaded by the byte path
  const [{ createFleetReporter }, { readObservations }] = await Promise.all([
    import('./fleetReporter.js'),
    import('../input/observationReader.js'),
  ]);
  const reporter = createFleetReporter(service, reportOptions);
  for (const source of list) {
    const reader = readObservations(source, read);
    reporter.startInput(reader.name);
    for await (const batch of reader.batches()) {
      reporter.setFormat(reader.format);
      reporter.pushAll(batch);
      onProgress?.({
        file: reader.name,
        observations: reporter.observations,
        histories: reporter.histories,
        bytesRead: reader.bytesRead,
        totalBytes: reader.totalBytes,
      });
    }
    reporter.setFormat(reader.format);
  }
  return reporter.report();
}
