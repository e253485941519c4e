/**
 * Validation of observed histories: one instance (incremental or whole), a fleet in one streaming pass, and a
 * file, standard input or stream in one call.
 */
export {
  createValidator,
  validateHistory,
  type ExplainedStep,
  type HistoryValidator,
  type HistoryVerdict,
  type MissedStates,
  type SpellingNote,
  type ValidationMode,
  type ValidationOptions,
  type Violation,
  type ViolationKind,
} from './validator.js';
export {
  createFleetValidator,
  validateFleet,
  type FleetOptions,
  type FleetReport,
  type FleetValidator,
  type HistoryReport,
} from './fleetValidator.js';
export { validateInput, type InputProgress, type InputReport, type ValidateInputOptions } from './validateInput.js';
