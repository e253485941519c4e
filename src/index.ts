/**
 * instance-lifecycle: lifecycle machines of managed cloud instances, and a checker for observed histories.
 *
 * This is the light entry point. Heavy parts have their own: `instance-lifecycle/diagram` (DOT, Mermaid, SVG),
 * `instance-lifecycle/viewer` (the offline HTML viewer), `instance-lifecycle/inspect` (the Stately inspector),
 * `instance-lifecycle/report` (the fleet report, with its HTML page),
 * `instance-lifecycle/testing` (arbitraries, a simulated instance, the replay reference) and
 * `instance-lifecycle/machines` (the machines and their vocabulary).
 */

// The services and their machines, as plain data.
export { type BuiltInServiceId, findService, type Service, services } from '../machines/index.js';
// Graphs derived from a machine: the compiled status graph, outcome paths, test plans.
export {
  type CoveringPathsOptions,
  type CoveringPlan,
  coveringPaths,
  type LifecyclePath,
  type OutcomePath,
  type OutcomePaths,
  type OutcomeReach,
  outcomePaths,
  type ShortestPathsOptions,
  type StatusGraph,
  type StepExplanation,
  shortestPaths,
  statusGraph,
  type UncoveredTransition,
} from './graph/index.js';
// Reading histories from files and streams.
export {
  detectFormat,
  type FieldNames,
  type History,
  INPUT_FORMATS,
  InputError,
  type InputFormat,
  type InputLocation,
  loadService,
  ObservationReader,
  type ReadOptions,
  readHistories,
  readMachineConfig,
  readObservations,
  type TimeUnit,
} from './input/index.js';
export {
  BadArgumentError,
  BadArgumentTypeError,
  type Basis,
  type CheckRule,
  checkMachineConfig,
  checkService,
  defineService,
  type EventKind,
  type EventOf,
  escapeControls,
  eventsOfKind,
  knownEvent,
  knownStatus,
  type LeafInfo,
  type LifecycleModel,
  leafOf,
  leafValue,
  lifecycleModel,
  type Observation,
  quoteInput,
  resolveService,
  type ServiceDefinition,
  type ServiceFinding,
  type ServiceRef,
  type ServiceSummary,
  type StatusInfo,
  type StatusOf,
  type StatusTag,
  serviceSummary,
  statusesTagged,
  type TransitionInfo,
  UnknownOperationError,
  UnknownServiceError,
  UnknownStatusError,
} from './model/index.js';
// The fleet conformance report (its HTML page is in `instance-lifecycle/report`).
export { durationsFromReport } from './report/durationsFromReport.js';
export { fleetReport, type ReportInputsOptions, reportInputs } from './report/fleetReport.js';
export { createFleetReporter, type FleetReporter, type FleetReportOptions } from './report/fleetReporter.js';
export { type JunitBy, reportJunit } from './report/junit.js';
export type { ConformanceReport } from './report/types.js';
// Simulated lifecycles (the simulated instance is in `instance-lifecycle/testing`).
export {
  DEFAULT_DURATIONS,
  DEFAULT_START,
  DEFAULT_STEPS,
  type DurationOptions,
  type DurationRange,
  type DurationSpec,
  type ObservedDurations,
  type SimulatedEvent,
  type SimulatedObservation,
  type Simulation,
  type SimulationOptions,
  simulate,
  type WeightOptions,
} from './simulation/index.js';
export { QuantileSketch, type SketchData } from './stats/quantileSketch.js';
// Time: the real clock, and a virtual one for tests.
export {
  type Clock,
  createScaledClock,
  createVirtualClock,
  type FullClock,
  systemClock,
  type VirtualClock,
} from './time/index.js';
// Validating histories: one instance, a fleet, a file or stream.
export {
  type BadRecord,
  createFleetValidator,
  createValidator,
  type ExplainedStep,
  type Finding,
  type FleetOptions,
  type FleetReport,
  type FleetReportStream,
  type FleetValidator,
  goneStatus,
  type HistoryReport,
  type HistoryValidator,
  type HistoryVerdict,
  type InputProgress,
  type InputReport,
  type InputReportStream,
  type MissedStates,
  type SpellingNote,
  type ValidateInputOptions,
  type ValidationMode,
  type ValidationOptions,
  type Violation,
  type ViolationKind,
  validateFleet,
  validateHistory,
  validateInput,
  validateInputStream,
} from './validation/index.js';
// Waiting for a status.
export {
  type BotocoreAcceptor,
  type BotocoreWaiters,
  botocoreWaiter,
  type Expectations,
  type ExpectationsOptions,
  expectations,
  type FailureStatus,
  type LintFinding,
  type LintFindingKind,
  type LintReport,
  lintWait,
  NOT_FOUND,
  type NotFound,
  type OperationStart,
  observableStatuses,
  type PendingStatus,
  type PollContext,
  type PollReport,
  type SmithyAcceptor,
  type SmithyWaitable,
  type StatusChange,
  type StatusCount,
  smithyWaiter,
  terraformWaiter,
  WaitError,
  type WaitErrorDetails,
  type WaiterCodeOptions,
  type WaiterFailure,
  type WaiterLists,
  type WaitFailureReason,
  type WaitForStatusOptions,
  type WaitLists,
  type WaitObservation,
  type WaitResult,
  type WaitScopeOptions,
  waiterLists,
  waitForStatus,
} from './waiting/index.js';
