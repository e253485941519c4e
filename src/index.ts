/**
 * instance-lifecycle: lifecycle machines of managed cloud instances, and a checker for observed histories.
 *
 * This is the light entry point. Heavy parts have their own: `instance-lifecycle/diagram` (DOT, Mermaid, SVG),
 * `instance-lifecycle/viewer` (the offline HTML viewer), `instance-lifecycle/inspect` (the Stately inspector),
 * `instance-lifecycle/testing` (arbitraries, a simulated instance, the replay reference) and
 * `instance-lifecycle/machines` (the machines and their vocabulary).
 */

// The services and their machines, as plain data.
export { findService, services, type BuiltInServiceId, type Service } from '../machines/index.js';
export {
  BadArgumentError,
  eventsOfKind,
  knownEvent,
  knownStatus,
  lifecycleModel,
  resolveService,
  statusesTagged,
  UnknownOperationError,
  UnknownServiceError,
  UnknownStatusError,
  type Basis,
  type EventKind,
  type EventOf,
  type LifecycleModel,
  type Observation,
  type ServiceRef,
  type StatusInfo,
  type StatusOf,
  type StatusTag,
  type TransitionInfo,
} from './model/index.js';

// Graphs derived from a machine: the compiled status graph, outcome paths, test plans.
export {
  coveringPaths,
  outcomePaths,
  shortestPaths,
  statusGraph,
  type CoveringPathsOptions,
  type CoveringPlan,
  type LifecyclePath,
  type OutcomePath,
  type OutcomePaths,
  type OutcomeReach,
  type ShortestPathsOptions,
  type StatusGraph,
  type StepExplanation,
  type UncoveredTransition,
} from './graph/index.js';

// Validating histories: one instance, a fleet, a file or stream.
export {
  createFleetValidator,
  createValidator,
  validateFleet,
  validateHistory,
  validateInput,
  type ExplainedStep,
  type FleetOptions,
  type FleetReport,
  type FleetValidator,
  type HistoryReport,
  type HistoryValidator,
  type HistoryVerdict,
  type InputProgress,
  type InputReport,
  type MissedStates,
  type SpellingNote,
  type ValidateInputOptions,
  type ValidationMode,
  type ValidationOptions,
  type Violation,
  type ViolationKind,
} from './validation/index.js';

// Reading histories from files and streams.
export {
  detectFormat,
  INPUT_FORMATS,
  InputError,
  ObservationReader,
  readHistories,
  readObservations,
  type History,
  type InputFormat,
  type InputLocation,
  type ReadOptions,
} from './input/index.js';

// Waiting for a status.
export {
  expectations,
  NOT_FOUND,
  observableStatuses,
  WaitError,
  waitForStatus,
  type Expectations,
  type ExpectationsOptions,
  type FailureStatus,
  type NotFound,
  type OperationStart,
  type PendingStatus,
  type PollContext,
  type WaitErrorDetails,
  type WaitFailureReason,
  type WaitForStatusOptions,
  type WaitObservation,
  type WaitResult,
  type WaitScopeOptions,
} from './waiting/index.js';

// Time: the real clock, and a virtual one for tests.
export { createVirtualClock, systemClock, type Clock, type VirtualClock } from './time/index.js';

// Simulated lifecycles (the simulated instance is in `instance-lifecycle/testing`).
export {
  DEFAULT_DURATIONS,
  DEFAULT_START,
  DEFAULT_STEPS,
  simulate,
  type DurationOptions,
  type DurationRange,
  type SimulatedEvent,
  type SimulatedObservation,
  type Simulation,
  type SimulationOptions,
  type WeightOptions,
} from './simulation/index.js';
