/**
 * Graphs derived from a service's machine: the compiled status graph the validator runs on, where outcomes alone
 * lead, shortest paths and covering test plans, all built on one traversal (`shortestRoutes`).
 */
export { coveringPaths, type CoveringPathsOptions, type CoveringPlan, type UncoveredTransition } from './coveringPaths.js';
export { outcomePaths, type OutcomePath, type OutcomePaths, type OutcomeReach } from './outcomePaths.js';
export { shortestPaths, type LifecyclePath, type ShortestPathsOptions } from './shortestPaths.js';
export { shortestRoutes, statusOf, type Route, type RouteOptions } from './shortestRoutes.js';
export { statusGraph, type StatusGraph, type StepExplanation } from './statusGraph.js';
