/** Simulated lifecycles: seeded walks through a machine, and a fake instance for testing polling code. */
export {
  DEFAULT_START,
  DEFAULT_STEPS,
  simulate,
  type SimulatedEvent,
  type SimulatedObservation,
  type Simulation,
  type SimulationOptions,
} from './simulate.js';
export {
  createSimulatedInstance,
  operationMethodName,
  InstanceNotFoundError,
  OperationRejectedError,
  type SimulatedInstance,
  type SimulatedInstanceOptions,
} from './instance.js';
export { createRandom, isSeed, MAX_SEED, type Random } from './random.js';
export { durationTable, drawDuration, DEFAULT_DURATIONS, type DurationOptions, type DurationRange } from './durations.js';
export { weightedTransitions, chooseTransition, DEFAULT_FAILURE_WEIGHT, type WeightOptions, type WeightedTransition } from './weights.js';
export { pollTimeline, MAX_POLLS, type TimedStatus } from './polling.js';
