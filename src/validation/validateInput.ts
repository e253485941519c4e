/**
 * `validateInput`: validate a file, standard input or a stream in one call: read it in one streaming pass (any
 * format) and validate every instance's history as it goes. Records without a usable status are reported with their
 * place and counted, and validation of the rest goes on.
 */
import type { Readable } from 'node:stream';
import type { Service } from '../../machines/index.js';
import { INPUT_FORMATS, type InputFormat } from '../input/format.js';
import type { InputError } from '../input/inputError.js';
import { type ReadOptions, readObservations } from '../input/observationReader.js';
import { BadArgumentError } from '../model/badArgument.js';
import { checkOneOf } from '../model/checkArgument.js';
import { lifecycleModel } from '../model/lifecycleModel.js';
import { statusesTagged } from '../model/statusesTagged.js';
import { createFleetValidator, type FleetOptions, type FleetReport } from './fleetValidator.js';

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
}

/** The report on an input, with where it came from. */
export interface InputReport extends FleetReport {
  /** The file name, `<stdin>`, or the stream's name. */
  file: string;
  /** The format the input was read as. */
  format: InputFormat | undefined;
  /** Records skipped for having no usable status: how many, and the first `maxDetails` (default 100) of them. */
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
  } = options;
  if (format !== undefined)
    checkOneOf(
      'validateInput',
      'format',
      format,
      INPUT_FORMATS.map((f) => f.format),
    );
  const fleet = createFleetValidator(service, {
    ...(mode ? { mode } : {}),
    ...(fromStart === undefined ? {} : { fromStart }),
    ...(explain === undefined ? {} : { explain }),
    ...(maxDetails === undefined ? {} : { maxDetails }),
    ...(onFinding ? { onFinding } : {}),
  });
  const keep = maxDetails ?? 100;
  const bad: BadRecord[] = [];
  const reader = readObservations(source, {
    ...(format ? { format } : {}),
    ...(stdin ? { stdin } : {}),
    ...(name ? { name } : {}),
    ...(fields ? { fields } : {}),
    ...(timeUnit ? { timeUnit } : {}),
    ...(records === undefined ? {} : { records }),
    ...(absentIsGone === undefined || absentIsGone === false
      ? {}
      : { absentIsGone: absentIsGone === true ? goneStatus(service) : absentIsGone }),
    onBadRecord(problem: InputError) {
      const record: BadRecord = { file: problem.file ?? '', message: problem.detail };
      if (problem.line !== undefined) record.line = problem.line;
      if (problem.column !== undefined) record.column = problem.column;
      if (bad.length < keep) bad.push(record);
      onBadRecord?.(record);
    },
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
  return {
    ...fleet.report(),
    file: reader.name,
    format: reader.format,
    badRecords: { count: reader.badRecords, records: bad },
  };
}

/**
 * The status an instance that is gone (HTTP 404) is observed as: the service's final status. Throws a
 * `BadArgumentError` when the service has none, or several (then name one).
 *
 * @example goneStatus('kafka') // 'DELETED'
 */
export function goneStatus(service: string | Service): string {
  const model = lifecycleModel(service);
  const finals = [...statusesTagged(model, 'final')];
  if (finals.length !== 1)
    throw new BadArgumentError(
      `${model.service} has ${finals.length === 0 ? 'no final status' : `several final statuses (${finals.join(', ')})`}: name the status a gone instance is observed as`,
    );
  return finals[0]!;
}
