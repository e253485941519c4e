/**
 * `instance-lifecycle/testing`: fast-check arbitraries and a simulated instance for users' own tests.
 * The arbitraries need `fast-check` (a peer dependency).
 */
export { legalHistory, type LegalHistoryOptions } from './legalHistory.js';
export { polledHistory, type PolledHistoryOptions } from './polledHistory.js';
export { historyWithIllegalStep, type HistoryWithIllegalStep, type IllegalStepOptions } from './illegalStep.js';
export { serviceStatus, type ServiceStatusOptions } from './serviceStatus.js';
export * from '../simulation/instance.js';
export { UnknownOperationError } from '../model/lookup.js';
