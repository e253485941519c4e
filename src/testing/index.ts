/**
 * `instance-lifecycle/testing`: what users' own tests need: fast-check arbitraries of histories (they need the
 * optional peer dependency `fast-check`; nothing else here does), a simulated instance to poll, and the slow
 * reference validator that replays every step through xstate.
 */
export { historyWithIllegalStep, type HistoryWithIllegalStep, type IllegalStepOptions } from './illegalStep.js';
export { legalHistory, type LegalHistoryOptions } from './legalHistory.js';
export { polledHistory, type PolledHistoryOptions } from './polledHistory.js';
export { validateByReplay, type ReplayVerdict } from './replayValidator.js';
export { serviceStatus, type ServiceStatusOptions } from './serviceStatus.js';
export {
  createSimulatedInstance,
  InstanceNotFoundError,
  OperationRejectedError,
  type SimulatedInstance,
  type SimulatedInstanceOptions,
} from '../simulation/index.js';
