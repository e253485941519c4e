/** The options every command that reads a history shares: `--mode`, `--from-start`, `--format`. */
import { INPUT_FORMATS, type InputFormat, isInputFormat } from '../input/index.js';
import type { ValidationMode } from '../validation/validator.js';
import { UsageError } from './command.js';

const MODES: readonly ValidationMode[] = ['strict', 'sampled'];

/** The `parseCommandArgs` configuration of the shared options (spread it into a command's own). */
export const HISTORY_OPTIONS = {
  mode: { type: 'string', default: 'strict' },
  'from-start': { type: 'boolean' },
  format: { type: 'string' },
} as const;

/** The shared options, checked. */
export interface HistoryOptions {
  mode: ValidationMode;
  fromStart: boolean;
  /** A forced input format, when given. */
  format?: InputFormat;
}

/**
 * Check the parsed shared options; throws a {@link UsageError} naming the bad value.
 *
 * @example historyOptions({ mode: 'sampled' }) // { mode: 'sampled', fromStart: false }
 */
export function historyOptions(values: { mode?: string; 'from-start'?: boolean; format?: string }): HistoryOptions {
  const mode = values.mode ?? 'strict';
  if (mode !== 'strict' && mode !== 'sampled')
    throw new UsageError(`unknown --mode "${mode}"; expected one of ${MODES.join(', ')}`);
  const format = values.format;
  if (format !== undefined && !isInputFormat(format)) {
    throw new UsageError(
      `unknown --format "${format}"; expected one of ${INPUT_FORMATS.map((f) => f.format).join(', ')}`,
    );
  }
  return { mode, fromStart: values['from-start'] ?? false, ...(format === undefined ? {} : { format }) };
}
