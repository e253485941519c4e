/**
 * `validateInput`: validate a file, standard input or a stream in one call: read it in one streaming pass (any
 * format) and validate every instance's history as it goes. Records without a usable status are reported with their
 * place and counted, and validation of the rest goes on.
 */
import type { Readable } from 'node:stream';
import type { Service } from '../../machines/index.js';
import { loadStatusGraph } from '../graph/statusTables.js';
import { recordShape } from '../input/fields.js';
import { INPUT_FORMATS, type InputFormat } from '../input/format.js';
import { InputError } from '../input/inputError.js';
import type { RecordOptions } from '../input/lineParser.js';
import { type ReadOptions, readObservations } from '../input/observationReader.js';
import { loadBuiltInServices } from '../model/builtInServices.js';
import { checkNumber, checkOneOf } from '../model/checkArgument.js';
import { CompactFleet, withEventful } from './compactFleet.js';
import type { FleetOptions, FleetReport, FleetReportStream } from './fleetValidator.js';
import { ndjsonFileSize } from './ndjsonEligible.js';
import { checkValidationOptions } from './validator.js';

/** How far reading has got (for progress reports). */
export interface InputProgress {
  observations: number;
  histories: number;
  /** Bytes read from a file so far (0 for streams). */
  bytesRead: number;
  /** The file's size (undefined for streams). */
  totalBytes: number | undefined;
}

/** A record that was skipped because it has no usable status: where it is, and what is wrong. */
export interface BadRecord {
  file: string;
  line?: number;
  column?: number;
  /** What is wrong, without the place. */
  message: string;
}

/** Options of {@link validateInput}: how to validate, how to read, and callbacks for progress and live output. */
export interface ValidateInputOptions extends FleetOptions, Omit<ReadOptions, 'absentIsGone' | 'onBadRecord'> {
  /**
   * With `records` (list polls): an instance missing from a later poll is observed as gone. `true` observes the
   * service's final status (its only one; a 404); a string names the status.
   */
  absentIsGone?: boolean | string;
  /** Called after each batch of observations (about every 64 KiB of input). */
  onProgress?(progress: InputProgress): void;
  /** Called with each bad record as soon as it is read (they are also in the report). */
  onBadRecord?(record: BadRecord): void;
  /**
   * Threads that read an NDJSON file (worker threads over byte ranges of the file; validation stays one exact pass
   * in file order). Default: the cores other processes leave free (see `freeCores`) for a regular NDJSON file
   * of at least {@link PARALLEL_MIN_BYTES} bytes when findings are not asked for live (`onFinding`), otherwise one.
   * Give 1 to keep to one thread, or more to use that many whatever the file and the machine's load.
   */
  workers?: number;
}

/** The least size of an NDJSON file that is read by several threads by default (smaller ones are quicker on one). */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

/** The report on an input, with where it came from. */
export interface InputReport extends FleetReport {
  /** The file name, `<stdin>`, or the stream's name. */
  file: string;
  /** The format the input was read as. */
  format: InputFormat | undefined;
  /** Records skipped for having no usable status: how many, and the first `maxDetails` (default 100) of them. */
  badRecords: { count: number; records: BadRecord[] };
}

/** An {@link InputReport} whose histories are made one at a time as they are iterated (for big fleets). */
export interface InputReportStream extends FleetReportStream {
  file: string;
  format: InputFormat | undefined;
  badRecords: { count: number; records: BadRecord[] };
}

/**
 * Read and validate an input: a file path, `-` for standard input, or a `Readable`. Throws an `InputError` (with
 * `file:line:column`) for input that cannot be read; bad records do not throw (they are in `badRecords`).
 *
 * @example
 * const report = await validateInput('kafka', 'examples/kafka-fleet.ndjson', { mode: 'sampled' });
 * report.ok; report.summary.violations; report.histories[0].missed; report.badRecords.count
 */
export async function validateInput(
  service: string | Service,
  source: string | Readable,
  options: ValidateInputOptions = {},
): Promise<InputReport> {
  const report = await validateInputStream(service, source, options);
  return { ...report, histories: [...report.histories] };
}

/**
 * {@link validateInput}, with the report's histories made as they are iterated: what the CLI writes a big fleet's
 * report from, without an entry per instance in memory at once.
 *
 * @example
 * const report = await validateInputStream('kafka', 'fleet.ndjson');
 * for (const history of report.histories) if (!history.ok) console.log(history.instance);
 */
export async function validateInputStream(
  service: string | Service,
  source: string | Readable,
  options: ValidateInputOptions = {},
): Promise<InputReportStream> {
  const {
    onProgress,
    onBadRecord,
    format,
    stdin,
    name,
    fields,
    timeUnit,
    records,
    absentIsGone,
    mode,
    fromStart,
    explain,
    maxDetails,
    onFinding,
    workers,
  } = options;
  if (workers !== undefined) checkNumber('validateInput', 'workers', workers, { min: 1, integer: true });
  if (format !== undefined)
    checkOneOf(
      'validateInput',
      'format',
      format,
      INPUT_FORMATS.map((f) => f.format),
    );
  const fleetOptions: FleetOptions = {
    ...(mode ? { mode } : {}),
    ...(fromStart === undefined ? {} : { fromStart }),
    ...(explain === undefined ? {} : { explain }),
    ...(maxDetails === undefined ? {} : { maxDetails }),
    ...(onFinding ? { onFinding } : {}),
  };
  // as `createFleetValidator` (options checked, then the service), the compiler loaded only where no table serves
  checkValidationOptions('createFleetValidator', fleetOptions);
  // a big NDJSON file is read by worker threads too: they start first, loading their modules while this thread loads
  // the machine
  const size = ndjsonFileSize(source, { format, fields, records });
  const threads =
    size === undefined
      ? 1
      : (workers ?? (size >= PARALLEL_MIN_BYTES && !onFinding ? (await import('./freeCores.js')).freeCores() : 1));
  const rangeWorkers = threads > 1 ? (await import('./ndjsonRanges.js')).startRangeWorkers(threads - 1) : undefined;
  let fleet: CompactFleet;
  try {
    fleet = new CompactFleet(await loadStatusGraph(service), fleetOptions);
  } catch (error) {
    await rangeWorkers?.stop();
    throw error;
  }
  const keep = maxDetails ?? 100;
  const bad: BadRecord[] = [];
  const keepBad = (problem: InputError) => {
    const record: BadRecord = { file: problem.file ?? '', message: problem.detail };
    if (problem.line !== undefined) record.line = problem.line;
    if (problem.column !== undefined) record.column = problem.column;
    if (bad.length < keep) bad.push(record);
    onBadRecord?.(record);
  };
  if (size !== undefined) {
    // an NDJSON file: read as bytes straight into the compact fleet
    const file = source as string;
    let badCount = 0;
    const recordOptions: RecordOptions = {
      shape: recordShape(fields),
      timeUnit: timeUnit ?? 'auto',
      onBadRecord(problem) {
        badCount++;
        keepBad(problem);
      },
    };
    const progress = (bytesRead: number) =>
      onProgress?.({ observations: fleet.observations, histories: fleet.histories, bytesRead, totalBytes: size });
    // loaded only here: reading plain lines or CSV loads no NDJSON reader, one thread loads no range reader
    const lines =
      rangeWorkers !== undefined
        ? await (async () => {
            const { rangeOffsets, validateNdjsonInRanges } = await import('./ndjsonRanges.js');
            return validateNdjsonInRanges(fleet, file, file, size, rangeOffsets(size, threads), {
              timeUnit: recordOptions.timeUnit,
              onBadRecord: recordOptions.onBadRecord!,
              onProgress: progress,
              threads,
              workers: rangeWorkers,
            });
          })()
        : await (await import('./ndjsonFile.js')).validateNdjsonFile(fleet, file, file, size, recordOptions, progress);
    if (fleet.observations === 0 && badCount === 0)
      throw new InputError(
        `empty input: no statuses found (${lines === 0 ? 'the input is empty' : 'nothing but blank lines'})`,
        { file },
      );
    const stream = fleet.reportStream();
    return withEventful(
      { ...stream, file, format: 'ndjson', badRecords: { count: badCount, records: bad } },
      stream.eventful,
    );
  }
  const gone = absentIsGone === true ? await goneStatusOf(service) : absentIsGone;
  const reader = readObservations(source, {
    ...(format ? { format } : {}),
    ...(stdin ? { stdin } : {}),
    ...(name ? { name } : {}),
    ...(fields ? { fields } : {}),
    ...(timeUnit ? { timeUnit } : {}),
    ...(records === undefined ? {} : { records }),
    ...(gone === undefined || gone === false ? {} : { absentIsGone: gone }),
    onBadRecord: keepBad,
  });
  for await (const batch of reader.batches()) {
    fleet.pushAll(batch);
    onProgress?.({
      observations: fleet.observations,
      histories: fleet.histories,
      bytesRead: reader.bytesRead,
      totalBytes: reader.totalBytes,
    });
  }
  const stream = fleet.reportStream();
  return withEventful(
    { ...stream, file: reader.name, format: reader.format, badRecords: { count: reader.badRecords, records: bad } },
    stream.eventful,
  );
}

/** `goneStatus` of a service, its module (and, for an id, the registry) loaded only for `absentIsGone: true`. */
async function goneStatusOf(service: string | Service): Promise<string> {
  const { goneStatus } = await import('./goneStatus.js');
  if (typeof service === 'string') await loadBuiltInServices();
  return goneStatus(service);
}
