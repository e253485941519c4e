/**
 * `instance-lifecycle/report`: the fleet conformance report (how a fleet really moves through a machine: fitness,
 * transition counts, dwell times, operation durations, stuck instances, drift), as data, JUnit XML or an offline
 * HTML page; and the quantile sketch it uses. The root entry point has all of it except the HTML page (which loads
 * Graphviz).
 */
// the registered services, which functions taking a service id look up (see src/model/builtInServices.ts)
import '../../machines/index.js';

export { DEFAULT_ALPHA, MAX_BUCKETS, MIN_VALUE, QuantileSketch, type SketchData } from '../stats/index.js';
export { type ChartInput, durationCharts } from './durationChart.js';
export { durationsFromReport } from './durationsFromReport.js';
export { fleetReport, type ReportInputsOptions, reportInputs } from './fleetReport.js';
export { createFleetReporter, type FleetReporter, type FleetReportOptions } from './fleetReporter.js';
export { DEFAULT_DRIFT_MIN } from './fleetTallies.js';
export { formatDuration } from './formatDuration.js';
export { type JunitBy, type JunitOptions, reportJunit } from './junit.js';
export { operationSpans } from './operationSpans.js';
export { CREATION, type OperationSpan, type OperationTable } from './operations.js';
export { reportHtml } from './reportHtml.js';
export type {
  ConformanceReport,
  DriftFinding,
  DurationStats,
  DwellTimes,
  Evidence,
  Fitness,
  ObservationCounts,
  OperationDurations,
  StuckInstance,
  StuckReport,
  TransitionCount,
  TransitionReport,
  ViolationGroup,
} from './types.js';
export { MAX_EVIDENCE_LINES, MAX_EXAMPLES, MAX_GROUPS } from './violationGroups.js';
