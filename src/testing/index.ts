/**
 * `instance-lifecycle/testing`: what users' own tests need: fast-check arbitraries of histories (they need the
 * optional peer dependency `fast-check`; nothing else here does), a simulated instance to poll, and the slow
 * reference validator that replays every step through xstate.
 */
// the registered services, which functions taking a service id look up (see src/model/builtInServices.ts)
import '../../machines/index.js';

export {
  createSimulatedInstance,
  InstanceNotFoundError,
  OperationRejectedError,
  type SimulatedInstance,
  type SimulatedInstanceOptions,
} from '../simulation/index.js';
export { type HistoryWithIllegalStep, historyWithIllegalStep, type IllegalStepOptions } from './illegalStep.js';
export { type LegalHistoryOptions, legalHistory } from './legalHistory.js';
export { type PolledHistoryOptions, polledHistory } from './polledHistory.js';
export { type ReplayItem, type ReplayVerdict, validateByReplay } from './replayValidator.js';
export { type ServiceStatusOptions, serviceStatus } from './serviceStatus.js';
