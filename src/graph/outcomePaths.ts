/**
 * `outcomePaths`: where the service's own outcomes (transitions of kind `outcome`, no user operation) can take an
 * instance from each status, with the shortest such path to every status reached. Computed with `@xstate/graph`'s
 * shortest paths over the machine, offering in each state only the events whose transitions there are outcomes.
 */
import { getShortestPaths } from '@xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { Service } from '../../machines/index.js';
import { lifecycleModel } from '../model/lifecycleModel.js';
import { perMachine } from '../model/perService.js';

/** A path of outcomes from one status to another. */
export interface OutcomePath {
  /** The status reached. */
  readonly to: string;
  /** The outcome events taken, in order. */
  readonly events: readonly string[];
  /** The statuses passed through between the start and `to`, in order. */
  readonly through: readonly string[];
}

/** The statuses each status reaches by outcomes alone, keyed by the start status, then by the status reached. */
export type OutcomeReach = ReadonlyMap<string, ReadonlyMap<string, OutcomePath>>;

/** The two readings of "reachable by outcomes alone" that waiting code needs. */
export interface OutcomePaths {
  /**
   * Paths whose intermediate statuses are all `transitional` (the first status that is not transitional ends a
   * path): what the service does next without anyone acting and without the instance settling anywhere first.
   */
  readonly untilSettled: OutcomeReach;
  /** Paths through any statuses, stable ones included. */
  readonly anyRoute: OutcomeReach;
}

/**
 * Where outcomes alone lead from every status of a service, computed once per machine.
 *
 * @example outcomePaths('kafka').untilSettled.get('EXTENDING')?.get('RUNNING')?.events // ['RESIZE_SUCCEEDED']
 */
export const outcomePaths: (service: string | Service) => OutcomePaths = perMachine(compute);

function compute(entry: Service): OutcomePaths {
  const model = lifecycleModel(entry);
  const outcomesFrom = new Map<string, { type: string }[]>();
  for (const state of model.states) outcomesFrom.set(state.status, []);
  for (const t of model.transitions) {
    if (t.kind !== 'outcome') continue;
    const list = outcomesFrom.get(t.from)!;
    if (!list.some((e) => e.type === t.event)) list.push({ type: t.event });
  }
  const untilSettled = new Map<string, Map<string, OutcomePath>>();
  const anyRoute = new Map<string, Map<string, OutcomePath>>();
  for (const { status } of model.states) {
    untilSettled.set(status, reach(entry.machine, status, outcomesFrom, true));
    anyRoute.set(status, reach(entry.machine, status, outcomesFrom, false));
  }
  return { untilSettled, anyRoute };
}

function reach(
  machine: AnyStateMachine,
  from: string,
  outcomesFrom: ReadonlyMap<string, readonly { type: string }[]>,
  stopAtSettled: boolean,
): Map<string, OutcomePath> {
  const fromState = machine.resolveState({ value: from, context: undefined });
  const paths = getShortestPaths(machine, {
    fromState,
    events: (state: AnyMachineSnapshot) => outcomesFrom.get(String(state.value)) ?? [],
    stopWhen: stopAtSettled
      ? (state: AnyMachineSnapshot) => state.value !== from && !state.hasTag('transitional')
      : undefined,
  });
  const reached = new Map<string, OutcomePath>();
  for (const path of paths) {
    const to = String(path.state.value);
    const hops = path.steps.slice(1); // steps[0] is the start itself, reached by xstate.init
    if (hops.length === 0) continue; // the start: not reached by any outcome
    reached.set(to, {
      to,
      events: hops.map((step) => step.event.type),
      through: hops.slice(0, -1).map((step) => String(step.state.value)),
    });
  }
  return reached;
}
