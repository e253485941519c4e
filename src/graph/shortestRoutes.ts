/**
 * `shortestRoutes`: the shortest route from one status to every status a machine can reach from it, found by
 * `xstate/graph`'s `getShortestPaths`, as plain data. This is the one traversal the library's derived tables (the
 * sampled-mode table, outcome paths, the statuses a wait can observe, test plans) are built on.
 */
import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';

/** The shortest route to one status. */
export interface Route {
  /** The status reached. */
  readonly to: string;
  /** The events taken, one per hop (empty for the start itself). */
  readonly events: readonly string[];
  /** The statuses passed through between the start and `to`, in order. */
  readonly through: readonly string[];
}

/** Options of {@link shortestRoutes}. */
export interface RouteOptions {
  /** The events to try in a status (default: every event of the machine). */
  events?: (status: string) => readonly string[];
  /** Routes do not go on past a status for which this holds (the start excepted). Default: never. */
  stopAt?: (status: string) => boolean;
}

/** The status a snapshot shows: its top-level state (a status may hide sub-states). */
export function statusOf(value: StateValue): string {
  return typeof value === 'string' ? value : (Object.keys(value)[0] ?? '');
}

/**
 * The shortest route from `from` to each status reachable from it, the start itself first (with no events).
 *
 * @example shortestRoutes(kafkaMachine, 'RUNNING').find((r) => r.to === 'DELETED')?.through // ['DELETING']
 */
export function shortestRoutes(machine: AnyStateMachine, from: string, options: RouteOptions = {}): Route[] {
  const { events, stopAt } = options;
  const paths = getShortestPaths(machine, {
    fromState: machine.resolveState({ value: from, context: undefined }),
    ...(events && { events: (state: AnyMachineSnapshot) => events(statusOf(state.value)).map((type) => ({ type })) }),
    ...(stopAt && {
      stopWhen: (state: AnyMachineSnapshot) => {
        const status = statusOf(state.value);
        return status !== from && stopAt(status);
      },
    }),
  });
  return paths.map((path) => {
    const hops = path.steps.slice(1); // steps[0] is the start itself, reached by xstate.init
    return {
      to: statusOf(path.state.value),
      events: hops.map((step) => step.event.type),
      through: hops.slice(0, -1).map((step) => statusOf(step.state.value)),
    };
  });
}
