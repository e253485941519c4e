/**
 * Validation of observed histories: one instance (incremental or whole), a fleet in one streaming pass, and a
 * file, standard input or stream in one call.
 */

export {
  createFleetValidator,
  type FleetOptions,
  type FleetReport,
  type FleetReportStream,
  type FleetValidator,
  fleetReportOf,
  type HistoryReport,
  validateFleet,
} from './fleetValidator.js';
export {
  type BadRecord,
  goneStatus,
  type InputProgress,
  type InputReport,
  type InputReportStream,
  type ValidateInputOptions,
  validateInput,
  validateInputStream,
} from './validateInput.js';
export {
  createValidator,
  type ExplainedStep,
  type Finding,
  type HistoryValidator,
  type HistoryVerdict,
  type MissedStates,
  type SpellingNote,
  type ValidationMode,
  type ValidationOptions,
  type Violation,
  type ViolationKind,
  validateHistory,
} from './validator.js';
