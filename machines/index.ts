/**
 * The registry of services: one entry per machine in this folder. Everything outside `machines/` reaches a
 * service's statuses, events and transitions through this list.
 */
import type { AnyStateMachine } from 'xstate';
import { dcsMachine } from './dcs.js';
import { kafkaMachine } from './kafka.js';

export { type DcsEvent, dcsMachine } from './dcs.js';
export { type KafkaEvent, kafkaMachine } from './kafka.js';
export * from './vocabulary.js';

/** A registered service: its id (used on the command line), display name, status page and machine. */
export interface Service<TMachine extends AnyStateMachine = AnyStateMachine> {
  /** Short id, as typed on the command line: `kafka`, `dcs`. */
  readonly id: string;
  /** Human name of the service. */
  readonly name: string;
  /** Id of the documentation page with the status table the machine's states come from. */
  readonly page: string;
  /** The xstate machine. */
  readonly machine: TMachine;
}

/** The built-in services' machines by id: what the library's types read status and event names from. */
export interface BuiltInMachines {
  kafka: typeof kafkaMachine;
  dcs: typeof dcsMachine;
}

/** The id of a built-in service. */
export type BuiltInServiceId = keyof BuiltInMachines;

/** Every registered service, in a fixed order. */
export const services: readonly Service[] = [
  { id: 'kafka', name: 'DMS for Kafka', page: 'kafka-api-180514012', machine: kafkaMachine },
  { id: 'dcs', name: 'DCS (Distributed Cache Service)', page: 'dcs-api-0312047', machine: dcsMachine },
];

/** The service with this id, or `undefined`. */
export function findService(id: string): Service | undefined {
  return services.find((service) => service.id === id);
}
