/** Simulated lifecycles: seeded walks through a machine, and a fake instance for testing polling code. */

export {
  DEFAULT_DURATIONS,
  type DurationOptions,
  type DurationRange,
  type DurationSpec,
  drawDuration,
  durationTable,
  type ObservedDurations,
} from './durations.js';
export {
  createSimulatedInstance,
  InstanceNotFoundError,
  OperationRejectedError,
  operationMethodName,
  type SimulatedInstance,
  type SimulatedInstanceOptions,
} from './instance.js';
export { MAX_POLLS, pollTimeline, type TimedStatus } from './polling.js';
export { createRandom, isSeed, MAX_SEED, type Random } from './random.js';
export {
  DEFAULT_START,
  DEFAULT_STEPS,
  type SimulatedEvent,
  type SimulatedObservation,
  type Simulation,
  type SimulationOptions,
  simulate,
} from './simulate.js';
export {
  chooseTransition,
  DEFAULT_FAILURE_WEIGHT,
  type WeightedTransition,
  type WeightOptions,
  weightedTransitions,
} from './weights.js';
