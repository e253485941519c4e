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
export { goneStatus } from './goneStatus.js';
export { createValidator, validateHistory } from './validateHistory.js';
export {
  type BadRecord,
  type InputProgress,
  type InputReport,
  type InputReportStream,
  type ValidateInputOptions,
  validateInput,
  validateInputStream,
} from './validateInput.js';
export type {
  ExplainedStep,
  Finding,
  HistoryValidator,
  HistoryVerdict,
  MissedStates,
  SpellingNote,
  ValidationMode,
  ValidationOptions,
  Violation,
  ViolationKind,
} from './validator.js';
