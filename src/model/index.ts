/**
 * The model: services from the registry, their machines as plain data, checked look-ups of the names users give,
 * and the plain-data types the rest of the library shares. Everything else derives from here.
 */
export { BadArgumentError, BadArgumentTypeError } from './badArgument.js';
export {
  checkNumber,
  checkObject,
  checkOneOf,
  checkString,
  describeValue,
  MAX_TIMER_MS,
  type NumberBounds,
} from './checkArgument.js';
export { type CheckRule, checkMachineConfig, checkService, type ServiceFinding } from './checkService.js';
export { closestStatus } from './closestStatus.js';
export { defineService, isMachine, isService, type ServiceDefinition } from './defineService.js';
export { lifecycleModel } from './lifecycleModel.js';
export { eventsOfKind, knownEvent, knownStatus, UnknownOperationError, UnknownStatusError } from './lookup.js';
export { perService } from './perService.js';
export { escapeControls, QUOTED_LENGTH, quoteInput } from './quoteInput.js';
export { resolveService, UnknownServiceError } from './resolveService.js';
export { type ServiceSummary, serviceSummary } from './serviceSummary.js';
export { spellingKey, spellings } from './spelling.js';
export { statusesTagged } from './statusesTagged.js';
export type {
  Basis,
  EventKind,
  EventOf,
  LifecycleModel,
  MachineEvent,
  MachineStatus,
  Observation,
  ServiceRef,
  StatusInfo,
  StatusOf,
  StatusTag,
  TransitionInfo,
} from './types.js';
