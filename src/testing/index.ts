/**
 * `instance-lifecycle/testing`: fast-check arbitraries and simulation helpers for users' own property tests.
 * Needs `fast-check` (a peer dependency).
 */
export { legalHistory, type LegalHistoryOptions } from './legalHistory.js';
export {
  createSimulatedInstance,
  InstanceNotFoundError,
  OperationRejectedError,
  UnknownOperationError,
  type SimulatedInstance,
  type SimulatedInstanceOptions,
} from '../simulation/instance.js';
