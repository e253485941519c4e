/**
 * `statusGraph`: a service's machine compiled for fast checks. A history shows statuses, but a status may hide
 * sub-states, so what is known after some observations is a SET of leaf states (those consistent with everything
 * seen). The compiler determinizes the machine (subset construction, at compile time): every reachable set of leaf
 * states gets an integer id, and tables answer "after set `a`, may status `t` be observed, and which set follows?"
 * with one array lookup, in two modes:
 * - `strict`: the status changes by one transition (hidden moves between sub-states of a status allowed around it);
 * - `sampled`: the statuses passed through between the two observations are all `transitional` (what a poller can
 *   miss).
 * A third table applies an operation (a user's request recorded in the history) to a set.
 *
 * The compiler (`compileStatusGraph.ts`) works on the plain-data model (xstate's own transition resolution, leaf by
 * leaf); the graph's shape is in `statusGraphOfData.ts`. For a machine without sub-states every set is one status
 * and the tables are the status-by-status tables of old. `loadStatusGraph` (statusTables.ts) gives the same graph
 * without loading the compiler where the precompiled tables serve.
 */
import type { Service } from '../../machines/index.js';
import { compiledStatusGraph } from './compileStatusGraph.js';
import type { StatusGraph } from './statusGraphOfData.js';
import { precompiledStatusGraph } from './statusTables.js';

export type { StatusGraph, StepExplanation } from './statusGraphOfData.js';

/**
 * The compiled graph of a service, built once per machine and cached. A registered service's graph is read from
 * the tables precompiled at build time where they are present (see `precompiledStatusGraph`), without loading its
 * machine or xstate; any other machine (`--machine FILE`, `defineService`) is compiled here.
 *
 * @example const g = statusGraph('kafka'); g.strict[g.idOf('RUNNING') * g.statuses.length + g.idOf('DELETING')] >= 0
 */
export function statusGraph(service: string | Service): StatusGraph {
  return precompiledStatusGraph(service) ?? compiledStatusGraph(service);
}
