/**
 * Checks of the arguments the library's functions are given, so that a wrong one fails at once with a clear error
 * naming it (`waitForStatus: timeout must be a number, got string "300"`), never with an error from deep inside.
 * A value of the wrong type throws {@link BadArgumentTypeError} (a `TypeError`); a value of the right type out of
 * range throws {@link BadArgumentError} (a `RangeError`).
 */
import { BadArgumentError, BadArgumentTypeError } from './badArgument.js';
import { quoteInput } from './quoteInput.js';

/** The largest delay Node's timers take, in ms (2^31 - 1, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A value as a message shows it: its type and, for a short primitive, the value itself.
 *
 * @example describeValue('300') // 'string "300"'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `string ${quoteInput(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return 'an object';
}

/** Bounds of {@link checkNumber}. */
export interface NumberBounds {
  /** Smallest allowed value (default -Infinity). */
  min?: number;
  /** Largest allowed value (default Infinity). */
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Allow `Infinity` (default: finite numbers only). */
  infinite?: boolean;
  /** Words for the limit in messages (`about 24.8 days`). */
  maxText?: string;
}

/**
 * `value` when it is a number within the bounds; throws naming `where` and `name` otherwise.
 *
 * @example checkNumber('waitForStatus', 'timeout', options.timeout, { min: 0, infinite: true })
 */
export function checkNumber(where: string, name: string, value: unknown, bounds: NumberBounds = {}): number {
  if (typeof value !== 'number')
    throw new BadArgumentTypeError(`${where}: ${name} must be a number, got ${describeValue(value)}`);
  const { min = -Infinity, max = Infinity } = bounds;
  const finiteOk = bounds.infinite === true || Number.isFinite(value);
  if (Number.isNaN(value) || !finiteOk || value < min || value > max || (bounds.integer && !Number.isInteger(value))) {
    const kind = bounds.integer ? 'a whole number' : 'a number';
    const range =
      min > -Infinity && max < Infinity
        ? ` from ${min} to ${max}${bounds.maxText ? ` (${bounds.maxText})` : ''}`
        : min > -Infinity
          ? ` >= ${min}`
          : max < Infinity
            ? ` <= ${max}`
            : '';
    const finite = bounds.infinite || Number.isNaN(value) || Number.isFinite(value) ? '' : ' (finite)';
    throw new BadArgumentError(`${where}: ${name} must be ${kind}${range}${finite}, got ${String(value)}`);
  }
  return value;
}

/**
 * `value` when it is a string; throws naming `where` and `name` otherwise.
 *
 * @example checkString('validateHistory', 'status', observation.status)
 */
export function checkString(where: string, name: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new BadArgumentTypeError(`${where}: ${name} must be a string, got ${describeValue(value)}`);
  return value;
}

/**
 * `value` when it is one of `allowed` (or undefined, when `optional`); throws naming `where` and `name` otherwise.
 *
 * @example checkOneOf('validateHistory', 'mode', options.mode, ['strict', 'sampled'])
 */
export function checkOneOf<T extends string>(where: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string')
    throw new BadArgumentTypeError(
      `${where}: ${name} must be one of ${allowed.join(', ')}, got ${describeValue(value)}`,
    );
  if (!(allowed as readonly string[]).includes(value))
    throw new BadArgumentError(`${where}: ${name} must be one of ${allowed.join(', ')}, got ${quoteInput(value)}`);
  return value as T;
}

/**
 * `value` when it is an object (not null, not an array); throws naming `where` and `name` otherwise.
 *
 * @example checkObject('waitForStatus', 'options', options)
 */
export function checkObject(where: string, name: string, value: unknown): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadArgumentTypeError(`${where}: ${name} must be an object, got ${describeValue(value)}`);
  return value;
}
