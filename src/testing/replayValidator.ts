/**
 * `validateByReplay`: the slow reference validator. It knows nothing of the compiled tables: it keeps the xstate
 * snapshots consistent with the history so far (a status may hide sub-states, so there may be several), and checks
 * every step by replaying events through xstate's own `transition()` from each of them. The compiled validator
 * must agree with it (a property test checks that); the benchmark compares their speeds.
 */
import { type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type StateValue, transition } from 'xstate';
import type { Service } from '../../machines/index.js';
import type { TransitionMeta } from '../../machines/vocabulary.js';
import { statusOf } from '../graph/shortestRoutes.js';
import { resolveService } from '../model/index.js';
import type { ValidationMode } from '../validation/validator.js';

/** What the reference finds: where violations are and of which kind. */
export interface ReplayVerdict {
  ok: boolean;
  violations: {
    index: number;
    kind: 'illegal-transition' | 'unknown-status' | 'not-initial' | 'operation-not-allowed';
  }[];
}

/** One item of a replayed history: an exactly spelled status, or an operation the user requested. */
export type ReplayItem = string | { operation: string };

/**
 * Check a list of exactly spelled statuses (and operations) by replaying xstate transitions (no case folding, no
 * aliases, no times).
 *
 * @example validateByReplay('kafka', ['RUNNING', 'DELETED'], 'sampled').ok // true
 * @example validateByReplay('kafka', ['RUNNING', { operation: 'DELETE' }, 'DELETED'], 'strict').ok // true
 */
export function validateByReplay(
  service: string | Service,
  history: readonly ReplayItem[],
  mode: ValidationMode,
  fromStart = false,
): ReplayVerdict {
  const machine = resolveService(service).machine;
  const initial = String(machine.config.initial);
  const violations: ReplayVerdict['violations'] = [];
  let current: AnyMachineSnapshot[] | undefined = fromStart ? [resolve(machine, initial)] : undefined;
  // after accepted operations, until a status is judged: the one status shown before them (null: none, or several)
  let before: string | null | undefined;
  history.forEach((item, index) => {
    if (typeof item !== 'string') {
      const from = current ?? everyLeaf(machine);
      const after = unique(from.flatMap((snapshot) => applyOperation(machine, snapshot, item.operation)));
      if (after.length === 0) {
        violations.push({ index, kind: 'operation-not-allowed' });
        return;
      }
      if (before === undefined) before = shownStatus(current);
      current = after;
      return;
    }
    const status = item;
    if (!Object.hasOwn(machine.states, status)) {
      violations.push({ index, kind: 'unknown-status' });
      current = undefined;
      before = undefined;
      return;
    }
    if (index === 0 && fromStart && status !== initial) {
      violations.push({ index, kind: 'not-initial' });
      current = leavesOf(machine, status);
      return;
    }
    if (current === undefined) {
      current = leavesOf(machine, status);
      return;
    }
    const after = reach(machine, current, status, mode);
    if (after.length === 0 && status === before) return; // the request has not shown yet: nothing changes
    before = undefined;
    if (after.length === 0) {
      violations.push({ index, kind: 'illegal-transition' });
      current = leavesOf(machine, status);
    } else current = after;
  });
  return { ok: violations.length === 0, violations };
}

/** The status every snapshot shows, or null (nothing known, or several statuses). */
function shownStatus(snapshots: readonly AnyMachineSnapshot[] | undefined): string | null {
  const shown = new Set((snapshots ?? []).map((snapshot) => statusOf(snapshot.value)));
  return shown.size === 1 ? [...shown][0]! : null;
}

/** The snapshots after an operation: where the event is an operation of the machine, xstate's next snapshot. */
function applyOperation(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, type: string): AnyMachineSnapshot[] {
  const definitions = machine.getTransitionData(snapshot, { type });
  const meta = definitions[0]?.meta as TransitionMeta | undefined;
  if (meta?.kind !== 'operation') return [];
  return [transition(machine, snapshot, { type })[0]];
}

/**
 * The snapshots showing `to` that a path of xstate transitions reaches from `from`: moves within the status left,
 * then (unless it is `to`) one change of status (`strict`) or changes through transitional statuses (`sampled`),
 * then moves within `to`. Breadth first over (snapshot, phase) pairs.
 */
function reach(
  machine: AnyStateMachine,
  from: readonly AnyMachineSnapshot[],
  to: string,
  mode: ValidationMode,
): AnyMachineSnapshot[] {
  const seen = new Set<string>();
  const found = new Map<string, AnyMachineSnapshot>();
  type Node = { snapshot: AnyMachineSnapshot; phase: 0 | 1 | 2; left: string };
  const queue: Node[] = [];
  const visit = (node: Node) => {
    const key = `${node.phase} ${node.left} ${JSON.stringify(node.snapshot.value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(node);
    const status = statusOf(node.snapshot.value);
    if (node.phase === 2 || (node.phase === 0 && status === to))
      found.set(JSON.stringify(node.snapshot.value), node.snapshot);
  };
  for (const snapshot of from) visit({ snapshot, phase: 0, left: statusOf(snapshot.value) });
  for (let head = 0; head < queue.length; head++) {
    const { snapshot, phase, left } = queue[head]!;
    for (const type of machine.events) {
      if (machine.getTransitionData(snapshot, { type }).length === 0) continue;
      const [after] = transition(machine, snapshot, { type });
      const status = statusOf(after.value);
      const transitional = after.hasTag('transitional');
      if (phase === 0 && status === left) visit({ snapshot: after, phase: 0, left });
      else if (phase === 2 && status === to) visit({ snapshot: after, phase: 2, left });
      else {
        if (status === to) visit({ snapshot: after, phase: 2, left });
        const passing = phase !== 2 || snapshotHasTransitional(machine, to);
        if (mode === 'sampled' && passing && transitional) visit({ snapshot: after, phase: 1, left });
      }
    }
  }
  return [...found.values()];
}

function snapshotHasTransitional(machine: AnyStateMachine, status: string): boolean {
  return (machine.states[status] as AnyStateNode).tags.includes('transitional');
}

/** Every leaf snapshot of one status. */
function leavesOf(machine: AnyStateMachine, status: string): AnyMachineSnapshot[] {
  return leafValues(machine.states[status] as AnyStateNode, status).map((value) =>
    machine.resolveState({ value, context: undefined }),
  );
}

/** Every leaf snapshot of the machine: nothing is known. */
function everyLeaf(machine: AnyStateMachine): AnyMachineSnapshot[] {
  return Object.keys(machine.states).flatMap((status) => leavesOf(machine, status));
}

function leafValues(node: AnyStateNode, key: string): StateValue[] {
  const children = Object.entries(node.states);
  if (children.length === 0) return [key];
  return children.flatMap(([childKey, child]) => leafValues(child, childKey).map((value) => ({ [key]: value })));
}

function resolve(machine: AnyStateMachine, status: string): AnyMachineSnapshot {
  return machine.resolveState({ value: status, context: undefined });
}

function unique(snapshots: readonly AnyMachineSnapshot[]): AnyMachineSnapshot[] {
  return [...new Map(snapshots.map((s) => [JSON.stringify(s.value), s])).values()];
}
