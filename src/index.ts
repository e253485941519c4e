/** instance-lifecycle: lifecycle machines of managed cloud instances, and a checker for observed histories. */
export { services, findService, type Service } from '../machines/index.js';
export type * from './types.js';
export { lifecycleModel, resolveService, UnknownServiceError } from './model.js';
export { statusGraph, type StatusGraph, type StepExplanation } from './statusGraph.js';
export { closestStatus } from './closestStatus.js';
export * from './validator.js';
export { validateByReplay, type ReplayVerdict } from './replayValidator.js';
export { systemClock, createVirtualClock, type Clock, type VirtualClock } from './clock.js';
export * from './input/index.js';
export { createFleetValidator, validateFleet, type FleetOptions, type FleetReport, type FleetValidator, type HistoryReport } from './fleetValidator.js';
export { timeValue } from './timeValue.js';
export { detachString } from './detachString.js';
export * from './simulation/index.js';
export * from './plans/index.js';
export { parseDuration } from './duration.js';
export { toDot, stateColours, stateElementId, transitionElementId } from './diagram/dot.js';
export { renderSvg, lifecycleSvg, inlineSvg } from './diagram/svg.js';
export { viewerHtml, viewerPage, jsonForScript } from './viewer/viewerHtml.js';
export {
  viewerData,
  type ViewerData,
  type ViewerHistory,
  type ViewerInstance,
  type ViewerObservation,
  type ViewerOptions,
} from './viewer/viewerData.js';
export { replayHistory, type ReplayOptions, type ReplayResult, type ReplayedStep } from './inspect/replayHistory.js';
export {
  startInspectorSession,
  PortInUseError,
  type InspectorSession,
  type InspectorSessionOptions,
} from './inspect/inspectorSession.js';
export { UnknownStatusError, UnknownOperationError, knownStatus, knownEvent, eventsOfKind } from './lookup.js';
export { validateInput, type InputProgress, type InputReport, type ValidateInputOptions } from './validateInput.js';
export {
  expectations,
  type Expectations,
  type ExpectationsOptions,
  type PendingStatus,
  type FailureStatus,
  type OperationStart,
} from './expectations.js';
export { outcomePaths, type OutcomePaths, type OutcomePath, type OutcomeReach } from './outcomePaths.js';
export { observableStatuses, type WaitScopeOptions } from './waitScope.js';
export { backoffDelay, type BackoffBounds } from './backoff.js';
export * from './waitForStatus.js';
