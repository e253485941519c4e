/** instance-lifecycle: lifecycle machines of managed cloud instances, and a checker for observed histories. */
// The services and their machines, as plain data and compiled tables.
export { services, findService, type Service } from '../machines/index.js';
export type * from './model/types.js';
export { lifecycleModel, resolveService, UnknownServiceError } from './model/lifecycleModel.js';
export { statusGraph, type StatusGraph, type StepExplanation } from './graph/statusGraph.js';
export { closestStatus } from './model/closestStatus.js';

// Validating histories: one instance (incremental or whole), many instances, files and streams.
export * from './validation/validator.js';
export { validateByReplay, type ReplayVerdict } from './testing/replayValidator.js';

// Time: the real clock and a virtual one for tests.
export { systemClock, createVirtualClock, type Clock, type VirtualClock } from './time/clock.js';

// Reading histories from files and streams.
export * from './input/index.js';
export { validateInput, type InputProgress, type InputReport, type ValidateInputOptions } from './validation/validateInput.js';
export { createFleetValidator, validateFleet, type FleetOptions, type FleetReport, type FleetValidator, type HistoryReport } from './validation/fleetValidator.js';
export { timeValue } from './time/timeValue.js';
export { detachString } from './validation/detachString.js';

// Simulated lifecycles and test plans.
export * from './simulation/index.js';
export * from './graph/index.js';
export { parseDuration } from './cli/duration.js';

// Seeing lifecycles: diagrams, the offline viewer, the Stately inspector.
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

// Checked look-ups of statuses and operations given by users.
export { UnknownStatusError, UnknownOperationError, knownStatus, knownEvent, eventsOfKind } from './model/lookup.js';

// Waiting for a status.
export {
  expectations,
  type Expectations,
  type ExpectationsOptions,
  type PendingStatus,
  type FailureStatus,
  type OperationStart,
} from './waiting/expectations.js';
export { outcomePaths, type OutcomePaths, type OutcomePath, type OutcomeReach } from './graph/outcomePaths.js';
export { observableStatuses, type WaitScopeOptions } from './waiting/observableStatuses.js';
export { backoffDelay, type BackoffBounds } from './waiting/backoff.js';
export * from './waiting/waitForStatus.js';
