/**
 * Checked look-ups of a service's statuses and events by name, for options a user gives (a target, a start
 * status, an operation). An unknown name throws an error that names what is known, with a "did you mean" for a
 * status; statuses are compared as data (never used as object keys).
 */
import { BadArgumentError } from './badArgument.js';
import { closestStatus } from './closestStatus.js';
import { quoteInput } from './quoteInput.js';
import type { LifecycleModel } from './types.js';

/** A status that is none of the service's (a {@link BadArgumentError}, so a RangeError too). */
export class UnknownStatusError extends BadArgumentError {
  override name = 'UnknownStatusError';
  constructor(
    readonly service: string,
    readonly status: string,
    readonly known: readonly string[],
  ) {
    const suggestion = closestStatus(status, known);
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
    super(`unknown status ${quoteInput(status)} for ${service}${hint}; known statuses: ${known.join(', ')}`);
  }
}

/** An event name that is none of the service's events of the kind asked for (operations, or outcomes). */
export class UnknownOperationError extends BadArgumentError {
  override name = 'UnknownOperationError';
  constructor(
    readonly operation: string,
    readonly service: string,
    /** The names the service knows, of the kind asked for. */
    readonly known: readonly string[],
    /** What was asked for: `operation` or `outcome`. */
    readonly kind: 'operation' | 'outcome' = 'operation',
  ) {
    super(`unknown ${kind} ${quoteInput(operation)} for ${service}; known ${kind}s: ${known.join(', ')}`);
  }
}

/**
 * `status` itself when the model has it; throws {@link UnknownStatusError} otherwise.
 *
 * @example knownStatus(lifecycleModel('kafka'), 'RUNING') // throws: unknown status "RUNING" for kafka (did you mean RUNNING?)...
 */
export function knownStatus(model: LifecycleModel, status: string): string {
  if (!model.states.some((s) => s.status === status)) {
    throw new UnknownStatusError(
      model.service,
      status,
      model.states.map((s) => s.status),
    );
  }
  return status;
}

/** The distinct event names of one kind, in the model's order. */
export function eventsOfKind(model: LifecycleModel, kind: 'operation' | 'outcome'): string[] {
  return [...new Set(model.transitions.filter((t) => t.kind === kind).map((t) => t.event))];
}

/**
 * `event` itself when the model has it as an event of `kind`; throws {@link UnknownOperationError} otherwise.
 *
 * @example knownEvent(lifecycleModel('dcs'), 'RESTART', 'operation') // 'RESTART'
 */
export function knownEvent(model: LifecycleModel, event: string, kind: 'operation' | 'outcome'): string {
  const known = eventsOfKind(model, kind);
  if (!known.includes(event)) throw new UnknownOperationError(event, model.service, known, kind);
  return event;
}
