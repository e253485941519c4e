/**
 * The registry of services: one entry per machine in this folder. Everything outside `machines/` reaches a
 * service's statuses, events and transitions through this list.
 */
import type { AnyStateMachine } from 'xstate';
import { registerBuiltInServices } from '../src/model/builtInServices.js';
import { cceMachine } from './cce.js';
import { dcsMachine } from './dcs.js';
import { ecsMachine } from './ecs.js';
import { kafkaMachine } from './kafka.js';
import { rabbitmqMachine } from './rabbitmq.js';
import { rdsMachine } from './rds.js';
import { rocketmqMachine } from './rocketmq.js';

export { type CceEvent, cceMachine } from './cce.js';
export { type DcsEvent, dcsMachine } from './dcs.js';
export { type EcsEvent, ecsMachine } from './ecs.js';
export { type KafkaEvent, kafkaMachine } from './kafka.js';
export { type RabbitmqEvent, rabbitmqMachine } from './rabbitmq.js';
export { type RdsEvent, rdsMachine } from './rds.js';
export { type RocketmqEvent, rocketmqMachine } from './rocketmq.js';
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
  ecs: typeof ecsMachine;
  rocketmq: typeof rocketmqMachine;
  rds: typeof rdsMachine;
  cce: typeof cceMachine;
  rabbitmq: typeof rabbitmqMachine;
}

/** The id of a built-in service. */
export type BuiltInServiceId = keyof BuiltInMachines;

/**
 * Every registered service, in a fixed order: the first two machines, then the others in the order they were added.
 * Lists, tables and reports follow this order.
 */
export const services: readonly Service[] = [
  { id: 'kafka', name: 'DMS for Kafka', page: 'kafka-api-180514012', machine: kafkaMachine },
  { id: 'dcs', name: 'DCS (Distributed Cache Service)', page: 'dcs-api-0312047', machine: dcsMachine },
  { id: 'ecs', name: 'Elastic Cloud Server', page: 'en-us_topic_0178420672', machine: ecsMachine },
  { id: 'rocketmq', name: 'DMS for RocketMQ', page: 'hrm-api-0010', machine: rocketmqMachine },
  { id: 'rds', name: 'Relational Database Service', page: 'rds_01_0004', machine: rdsMachine },
  { id: 'cce', name: 'Cloud Container Engine cluster', page: 'cce_02_0238', machine: cceMachine },
  { id: 'rabbitmq', name: 'DMS for RabbitMQ', page: 'rabbitmq-api-180514012', machine: rabbitmqMachine },
];

/** The service with this id, or `undefined`. */
export function findService(id: string): Service | undefined {
  return services.find((service) => service.id === id);
}

// the model finds the registry here without importing it (see src/model/builtInServices.ts)
registerBuiltInServices({ services, findService });
