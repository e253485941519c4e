/**
 * `validateInput`: validate a file, standard input or a stream in one call: read it in one streaming pass (any
 * format) and validate every instance's history as it goes.
 */
import type { Readable } from 'node:stream';
import type { Service } from '../../machines/index.js';
import { INPUT_FORMATS, type InputFormat } from '../input/format.js';
import { type ReadOptions, readObservations } from '../input/observationReader.js';
import { checkOneOf } from '../model/index.js';
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

/** Options of {@link validateInput}: how to validate, how to read, and a progress callback. */
export interface ValidateInputOptions extends FleetOptions, ReadOptions {
  /** Called after each batch of observations (about every 64 KiB of input). */
  onProgress?(progress: InputProgress): void;
}

/** The report on an input, with where it came from. */
export interface InputReport extends FleetReport {
  /** The file name, `<stdin>`, or the stream's name. */
  file: string;
  /** The format the input was read as. */
  format: InputFormat | undefined;
}

/**
 * Read and validate an input: a file path, `-` for standard input, or a `Readable`. Throws an `InputError` (with
 * `file:line:column`) for input that cannot be read.
 *
 * @example
 * const report = await validateInput('kafka', 'examples/kafka-fleet.ndjson', { mode: 'sampled' });
 * report.ok; report.summary.violations; report.histories[0].missed
 */
export async function validateInput(
  service: string | Service,
  source: string | Readable,
  options: ValidateInputOptions = {},
): Promise<InputReport> {
  const { onProgress, format, stdin, name, ...fleetOptions } = options;
  if (format !== undefined)
    checkOneOf(
      'validateInput',
      'format',
      format,
      INPUT_FORMATS.map((f) => f.format),
    );
  const fleet = createFleetValidator(service, fleetOptions);
  const reader = readObservations(source, {
    ...(format ? { format } : {}),
    ...(stdin ? { stdin } : {}),
    ...(name ? { name } : {}),
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
  return { ...fleet.report(), file: reader.name, format: reader.format };
}
