/** Test plans: paths through a machine, derived with `@xstate/graph`, as plain data. */
export { shortestPaths, type LifecyclePath, type ShortestPathsOptions } from './shortestPaths.js';
export { coveringPaths, type CoveringPathsOptions, type CoveringPlan, type UncoveredTransition } from './coveringPaths.js';
