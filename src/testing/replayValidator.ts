/**
 * `validateByReplay`: the slow reference validator. It knows nothing of the compiled tables: every step is checked
 * by replaying events through xstate's own `transition()` from the observed status. The compiled validator must
 * agree with it (a property test checks that); the benchmark compares their speeds.
 */
import { type AnyMachineSnapshot, transition } from 'xstate';
import type { Service } from '../../machines/index.js';
import { resolveService } from '../model/index.js';
import type { ValidationMode } from '../validation/validator.js';

/** What the reference finds: where violations are and of which kind. */
export interface ReplayVerdict {
  ok: boolean;
  violations: { index: number; kind: 'illegal-transition' | 'unknown-status' | 'not-initial' }[];
}

/**
 * Check a list of exactly spelled statuses by replaying xstate transitions (no case folding, no times).
 *
 * @example validateByReplay('kafka', ['RUNNING', 'DELETED'], 'sampled').ok // true
 */
export function validateByReplay(
  service: string | Service,
  statuses: readonly string[],
  mode: ValidationMode,
  fromStart = false,
): ReplayVerdict {
  const machine = resolveService(service).machine;
  const known = new Set(Object.keys(machine.states));
  const violations: ReplayVerdict['violations'] = [];
  let current: string | undefined;
  statuses.forEach((status, index) => {
    if (!known.has(status)) {
      violations.push({ index, kind: 'unknown-status' });
      current = undefined;
      return;
    }
    if (index === 0 && fromStart && status !== machine.config.initial) violations.push({ index, kind: 'not-initial' });
    if (current !== undefined && current !== status && !reaches(machine, current, status, mode)) {
      violations.push({ index, kind: 'illegal-transition' });
    }
    current = status;
  });
  return { ok: violations.length === 0, violations };
}

function reaches(
  machine: ReturnType<typeof resolveService>['machine'],
  from: string,
  to: string,
  mode: ValidationMode,
): boolean {
  const seen = new Set<string>([from]);
  let frontier: AnyMachineSnapshot[] = [machine.resolveState({ value: from, context: undefined })];
  while (frontier.length > 0) {
    const next: AnyMachineSnapshot[] = [];
    for (const snapshot of frontier) {
      for (const type of machine.events) {
        const [after] = transition(machine, snapshot, { type });
        const value = String(after.value);
        if (value === to) return true;
        if (mode === 'strict' || seen.has(value) || !after.hasTag('transitional')) continue;
        seen.add(value);
        next.push(after);
      }
    }
    frontier = next;
  }
  return false;
}
