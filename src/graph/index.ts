/**
 * Graphs derived from a service's machine: the compiled status graph the validator runs on, where outcomes alone
 * lead, shortest paths and covering test plans, all built on one traversal (`shortestRoutes`).
 */
export {
  type CoveringPathsOptions,
  type CoveringPlan,
  coveringPaths,
  type UncoveredTransition,
} from './coveringPaths.js';
export { type OutcomePath, type OutcomePaths, type OutcomeReach, outcomePaths } from './outcomePaths.js';
export { type LifecyclePath, type ShortestPathsOptions, shortestPaths } from './shortestPaths.js';
export { type Route, type RouteOptions, shortestRoutes, statusOf } from './shortestRoutes.js';
export { type StatusGraph, type StepExplanation, statusGraph } from './statusGraph.js';
