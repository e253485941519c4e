/** `defineService`: a service of your own (your machine, with an id, a name and its status page), checked. */
import type { AnyStateMachine } from 'xstate';
import type { Service } from '../../machines/index.js';
import { BadArgumentError } from './badArgument.js';

/** What {@link defineService} takes: the machine and how to name it (`name` defaults to the id, `page` to ''). */
export interface ServiceDefinition<TMachine extends AnyStateMachine> {
  /** Short id, as messages name the service. */
  id: string;
  /** Human name (default: the id). */
  name?: string;
  /** The documentation page of the status table the machine's states come from (default: empty). */
  page?: string;
  /** The xstate machine: one top-level state per status the API reports. */
  machine: TMachine;
}

/**
 * A {@link Service} of your own, to give any function of the library (and `--machine FILE` on the command line).
 * Throws a {@link BadArgumentError} when `id` is not a non-empty string or `machine` is not an xstate machine.
 * Run `checkService` on it to check the machine against the rules the built-in machines follow.
 *
 * @example
 * const service = defineService({ id: 'queue', name: 'My queue', page: 'queue-api-statuses', machine: queueMachine });
 * validateHistory(service, ['CREATING', 'ACTIVE']).ok
 */
export function defineService<TMachine extends AnyStateMachine>(
  definition: ServiceDefinition<TMachine>,
): Service<TMachine> {
  const { id, machine } = definition;
  if (typeof id !== 'string' || id.trim() === '') throw new BadArgumentError('a service needs a non-empty string id');
  if (!isMachine(machine)) throw new BadArgumentError(`service ${id}: "machine" is not an xstate machine`);
  const name = definition.name ?? id;
  const page = definition.page ?? '';
  if (typeof name !== 'string' || typeof page !== 'string')
    throw new BadArgumentError(`service ${id}: "name" and "page" must be strings`);
  return Object.freeze({ id, name, page, machine });
}

/**
 * True for an xstate v5 machine (made by `createMachine` or `setup(...).createMachine`).
 *
 * @example isMachine(kafkaMachine) // true
 */
export function isMachine(value: unknown): value is AnyStateMachine {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<AnyStateMachine>;
  return (
    typeof candidate.getTransitionData === 'function' &&
    typeof candidate.resolveState === 'function' &&
    typeof candidate.states === 'object' &&
    typeof candidate.config === 'object'
  );
}

/**
 * True for a {@link Service}: an object with a string `id` and an xstate `machine`.
 *
 * @example isService(services[0]) // true
 */
export function isService(value: unknown): value is Service {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Service>;
  return typeof candidate.id === 'string' && isMachine(candidate.machine);
}
