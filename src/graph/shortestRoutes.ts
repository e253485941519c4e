/**
 * `shortestRoutes`: the shortest route from one status (or leaf state) to every leaf state a machine can reach from
 * it, found by `xstate/graph`'s `getShortestPaths`, as plain data. This is the one traversal the library's derived tables (the
 * sampled-mode table, outcome paths, the statuses a wait can observe, test plans) are built on.
 */
import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { leafOf, leafValue } from '../model/leafValue.js';

/** The shortest route to one leaf state. */
export interface Route {
  /** The status reached. */
  readonly to: string;
  /** The leaf state reached (the status itself, or one of its hidden sub-states: `ERROR.whileDeleting`). */
  readonly leaf: string;
  /** The events taken, one per hop (empty for the start itself). */
  readonly events: readonly string[];
  /** The statuses passed through between the start and `to`, in order. */
  readonly through: readonly string[];
}

/** Options of {@link shortestRoutes}. */
export interface RouteOptions {
  /** The events to try in a leaf state, given its status and leaf id (default: every event of the machine). */
  events?: (status: string, leaf: string) => readonly string[];
  /** Routes do not go on past a leaf state for which this holds (the start's status excepted). Default: never. */
  stopAt?: (status: string, leaf: string) => boolean;
}

/** The status a snapshot shows: its top-level state (a status may hide sub-states). */
export function statusOf(value: StateValue): string {
  return typeof value === 'string' ? value : (Object.keys(value)[0] ?? '');
}

/**
 * The shortest route from `from` (a status, entered at its initial leaf, or a leaf id) to each leaf state reachable
 * from it, the start itself first (with no events). `through` lists statuses as shown: a hidden move between
 * sub-states of one status shows that status again.
 *
 * @example shortestRoutes(kafkaMachine, 'RUNNING').find((r) => r.to === 'DELETED')?.through // ['DELETING']
 */
export function shortestRoutes(machine: AnyStateMachine, from: string, options: RouteOptions = {}): Route[] {
  const { events, stopAt } = options;
  const fromStatus = from.split('.')[0]!;
  const paths = getShortestPaths(machine, {
    fromState: machine.resolveState({ value: leafValue(from), context: undefined }),
    ...(events && {
      events: (state: AnyMachineSnapshot) =>
        events(statusOf(state.value), leafOf(state.value)).map((type) => ({ type })),
    }),
    ...(stopAt && {
      stopWhen: (state: AnyMachineSnapshot) => {
        const status = statusOf(state.value);
        return status !== fromStatus && stopAt(status, leafOf(state.value));
      },
    }),
  });
  return paths
    .map((path) => {
      const hops = path.steps.slice(1); // steps[0] is the start itself, reached by xstate.init
      return {
        to: statusOf(path.state.value),
        leaf: leafOf(path.state.value),
        events: hops.map((step) => step.event.type),
        through: hops.slice(0, -1).map((step) => statusOf(step.state.value)),
      };
    })
    .sort((a, b) => a.events.length - b.events.length);
}
