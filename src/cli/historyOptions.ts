/**
 * The options every command that reads a history shares: `--mode`, `--from-start`, `--format`, and how to read your
 * own data (`--status-field`, `--id-field`, `--time-field`, `--time-unit`, `--records`, `--absent-is-gone`).
 */
import { type FieldNames, TIME_UNITS, type TimeUnit } from '../input/fields.js';
import { INPUT_FORMATS, type InputFormat, isInputFormat } from '../input/format.js';
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

/** The `parseCommandArgs` configuration of the options that say how to read your own data. */
export const DATA_OPTIONS = {
  'status-field': { type: 'string' },
  'id-field': { type: 'string' },
  'time-field': { type: 'string' },
  'time-unit': { type: 'string' },
  records: { type: 'string' },
  'absent-is-gone': { type: 'boolean' },
} as const;

/** The help lines of {@link DATA_OPTIONS}, aligned like the commands' option lists. */
export const DATA_HELP = `  --status-field F  the status field of your records (a dotted path into nested objects, e.g. instance.status;
                    a column name in CSV); default status
  --id-field F      the instance id field; default instance_id, instanceId or id
  --time-field F    the time field; default time or timestamp
  --time-unit U     numeric times are ${TIME_UNITS.join(', ')} (default auto: below 10^11 seconds, else milliseconds);
                    every time is shown as ISO 8601
  --records PATH    list responses: the records are the array at PATH in each JSON document, one document per poll
                    (e.g. --records instances for {"instances":[...],"instance_num":2})
  --absent-is-gone  with --records: an instance missing from a later poll is observed as gone (the final status,
                    as a 404 is)`;

/**
 * The reading options of the parsed data options: field names, time unit, records path and absent-is-gone (as a
 * flag: `validateInput` and `readOptions` turn it into the final status). Throws a {@link UsageError} for a bad value.
 *
 * @example dataOptions({ 'status-field': 'instance.status' }) // { fields: { status: 'instance.status' } }
 */
export function dataOptions(values: {
  'status-field'?: string;
  'id-field'?: string;
  'time-field'?: string;
  'time-unit'?: string;
  records?: string;
  'absent-is-gone'?: boolean;
}): { fields?: FieldNames; timeUnit?: TimeUnit; records?: string; absentIsGone?: boolean } {
  const fields: FieldNames = {};
  for (const [option, key] of [
    ['status-field', 'status'],
    ['id-field', 'id'],
    ['time-field', 'time'],
  ] as const) {
    const name = values[option];
    if (name === undefined) continue;
    if (name.trim() === '' || name.split('.').some((part) => part === ''))
      throw new UsageError(`--${option} must be a field name or a dotted path like instance.status, got "${name}"`);
    fields[key] = name;
  }
  const unit = values['time-unit'];
  const timeUnit = TIME_UNITS.find((u) => u === unit);
  if (unit !== undefined && timeUnit === undefined)
    throw new UsageError(`unknown --time-unit "${unit}"; expected one of ${TIME_UNITS.join(', ')}`);
  const records = values.records;
  if (records !== undefined && (records.trim() === '' || records.split('.').some((part) => part === '')))
    throw new UsageError(`--records must be a field name or a dotted path, got "${records}"`);
  if (values['absent-is-gone'] && records === undefined)
    throw new UsageError('--absent-is-gone needs --records (each document is one poll of the list)');
  return {
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(timeUnit ? { timeUnit } : {}),
    ...(records === undefined ? {} : { records }),
    ...(values['absent-is-gone'] ? { absentIsGone: true } : {}),
  };
}
