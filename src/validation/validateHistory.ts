/**
 * `createValidator` and `validateHistory`: the validator of one instance's history (validator.ts, where its rules
 * are) for a service given by id or as an object, its graph built or read as `statusGraph` does.
 */
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/statusGraph.js';
import { BadArgumentTypeError } from '../model/badArgument.js';
import { describeValue } from '../model/checkArgument.js';
import type { Observation } from '../model/index.js';
import {
  checkValidationOptions,
  type HistoryValidator,
  type HistoryVerdict,
  type ValidationOptions,
  validatorOf,
} from './validator.js';

/**
 * A new incremental validator for one instance of a service.
 *
 * @example
 * const v = createValidator('kafka', { mode: 'sampled' });
 * v.push({ status: 'RUNNING' }); v.push({ status: 'DELETED' }); // true: DELETING was missed
 */
export function createValidator(service: string | Service, options: ValidationOptions = {}): HistoryValidator {
  checkValidationOptions('createValidator', options);
  return validatorOf(statusGraph(service), options);
}

/**
 * Validate a whole history: a list of statuses or of observations.
 *
 * @example validateHistory('kafka', ['CREATING', 'RUNNING', 'DELETED'], { mode: 'sampled' }).ok // true
 */
export function validateHistory(
  service: string | Service,
  history: Iterable<string | Observation>,
  options: ValidationOptions = {},
): HistoryVerdict {
  checkValidationOptions('validateHistory', options);
  checkHistory('validateHistory', history);
  const validator = validatorOf(statusGraph(service), options);
  for (const item of history) {
    if (typeof item === 'string') validator.pushStatus(item);
    else validator.push(item);
  }
  return validator.verdict();
}

/**
 * Throws a `TypeError` naming `history` unless it is an iterable of statuses or observations other than a
 * string (a string is iterable, by characters: surely a mistake).
 *
 * @example checkHistory('replayHistory', 'RUNNING') // throws: replayHistory: history must be a list of statuses or observations, got string "RUNNING"
 */
export function checkHistory(where: string, history: unknown): void {
  const iterable =
    typeof history === 'object' &&
    history !== null &&
    typeof (history as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
  if (!iterable)
    throw new BadArgumentTypeError(
      `${where}: history must be a list of statuses or observations, got ${describeValue(history)}`,
    );
}
