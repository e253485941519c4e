import { fc, test as fcTest } from '@fast-check/vitest';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { services, type Service } from '../machines/index.js';
import { expectations, lifecycleModel, NotAnOperationError, UnknownStatusError } from '../src/index.js';

/**
 * Independent oracle: the statuses reachable from `from` by outcome events only, with every intermediate status
 * transitional. Walks the machine with xstate's pure `transition()`, offering every outcome event of the model in
 * every state (an event a state does not handle leaves it unchanged).
 */
function reachableByOutcomes(service: Service, from: string, throughStable = false): Set<string> {
  const key = `${service.id} ${from} ${throughStable}`;
  const known = oracleCache.get(key);
  if (known) return known;
  const model = lifecycleModel(service);
  const outcomeEvents = [...new Set(model.transitions.filter((t) => t.kind === 'outcome').map((t) => t.event))];
  const isOutcome = (status: string, event: string) =>
    model.transitions.some((t) => t.from === status && t.event === event && t.kind === 'outcome');
  const reached = new Set<string>();
  const queue: AnyMachineSnapshot[] = [service.machine.resolveState({ value: from, context: undefined })];
  const expanded = new Set<string>();
  while (queue.length > 0) {
    const snapshot = queue.shift()!;
    const status = String(snapshot.value);
    if (expanded.has(status)) continue;
    expanded.add(status);
    if (status !== from && !throughStable && !snapshot.hasTag('transitional')) continue; // settled: stop here
    for (const event of outcomeEvents) {
      if (!isOutcome(status, event)) continue;
      const [next] = transition(service.machine, snapshot, { type: event });
      const to = String(next.value);
      reached.add(to);
      queue.push(next);
    }
  }
  oracleCache.set(key, reached);
  return reached;
}
const oracleCache = new Map<string, Set<string>>();

const statusesOf = (service: Service) => lifecycleModel(service).states.map((s) => s.status);

describe('expectations: laws over every service and target', () => {
  for (const service of services) {
    const statuses = statusesOf(service);

    fcTest.prop([fc.subarray(statuses, { minLength: 1 })])(`${service.id}: target, pending and failure partition the statuses`, (targets) => {
      const e = expectations(service, targets);
      const groups = [...e.target, ...e.pending.map((p) => p.status), ...e.failure.map((f) => f.status)];
      expect(groups.sort()).toEqual([...statuses].sort()); // each status exactly once
      expect(new Set(e.target)).toEqual(new Set(targets));
    });

    fcTest.prop([fc.subarray(statuses, { minLength: 1 })])(`${service.id}: pending statuses reach a target by outcomes alone, failures do not`, (targets) => {
      const e = expectations(service, targets);
      for (const p of e.pending) {
        const reached = reachableByOutcomes(service, p.status);
        expect(targets.some((t) => reached.has(t)), `${p.status} should reach ${targets.join('|')}`).toBe(true);
      }
      for (const f of e.failure) {
        const reached = reachableByOutcomes(service, f.status);
        expect(targets.some((t) => reached.has(t)), `${f.status} should not reach ${targets.join('|')}`).toBe(false);
      }
    });

    fcTest.prop([fc.constantFrom(...statuses)])(`${service.id}: each pending witness replays with xstate to its target, by outcomes, through transitional statuses`, (target) => {
      const model = lifecycleModel(service);
      for (const p of expectations(service, target).pending) {
        let snapshot: AnyMachineSnapshot = service.machine.resolveState({ value: p.status, context: undefined });
        p.events.forEach((event, i) => {
          if (i > 0) expect(snapshot.hasTag('transitional')).toBe(true);
          const from = String(snapshot.value);
          expect(model.transitions.some((t) => t.from === from && t.event === event && t.kind === 'outcome')).toBe(true);
          [snapshot] = transition(service.machine, snapshot, { type: event });
        });
        expect(String(snapshot.value)).toBe(target);
        expect(p.reaches).toBe(target);
      }
    });

    it(`${service.id}: failure details agree with the machine`, () => {
      const model = lifecycleModel(service);
      for (const target of statuses) {
        for (const f of expectations(service, target).failure) {
          const ops = model.transitions.filter((t) => t.from === f.status && t.kind === 'operation').map((t) => t.event);
          expect(new Set(f.operations)).toEqual(new Set(ops));
          const final = model.states.find((s) => s.status === f.status)!.tags.includes('final');
          if (final) expect(f.reason).toBe('final: nothing follows');
          // onlyThrough is non-empty exactly when outcomes reach the target once stable statuses are allowed on the way
          expect(f.onlyThrough.length > 0).toBe(reachableByOutcomes(service, f.status, true).has(target));
        }
      }
    });

    it(`${service.id}: "after" lists the statuses the operation leaves from`, () => {
      const model = lifecycleModel(service);
      const operations = [...new Set(model.transitions.filter((t) => t.kind === 'operation').map((t) => t.event))];
      for (const operation of operations) {
        const e = expectations(service, model.initial, { after: operation });
        const from = new Set(model.transitions.filter((t) => t.event === operation).map((t) => t.from));
        expect(e.before?.operation).toBe(operation);
        expect(new Set(e.before?.from)).toEqual(from);
      }
      const outcome = model.transitions.find((t) => t.kind === 'outcome')!.event;
      expect(() => expectations(service, model.initial, { after: outcome })).toThrow(NotAnOperationError);
    });
  }
});

describe('expectations: the cases waiting code meets', () => {
  it('kafka, deletion: ERROR is pending (a deletion that showed ERROR completes), RUNNING is not', () => {
    const e = expectations('kafka', 'DELETED', { after: 'DELETE' });
    expect(e.pending.map((p) => p.status).sort()).toEqual(['DELETING', 'ERROR']);
    const running = e.failure.find((f) => f.status === 'RUNNING')!;
    // RUNNING reaches DELETED by FAULT then DELETE_SUCCEEDED, but only after settling in the stable ERROR
    expect(running.onlyThrough).toEqual(['ERROR']);
    expect(running.reason).toMatch(/only after settling in ERROR/);
    expect(e.before?.from.sort()).toEqual(['CREATEFAILED', 'ERROR', 'RUNNING']);
  });

  it('kafka, waiting for RUNNING: a failed resize is pending but flagged, FROZEN needs a top-up', () => {
    const e = expectations('kafka', 'RUNNING');
    expect(e.pending.find((p) => p.status === 'EXTENDEDFAILED')).toMatchObject({ failed: true, events: ['RECOVERED'] });
    expect(e.pending.find((p) => p.status === 'EXTENDING')).toMatchObject({ failed: false });
    expect(e.failure.find((f) => f.status === 'FROZEN')).toMatchObject({ operations: ['TOP_UP'], reason: 'needs a user operation: TOP_UP' });
    expect(e.failure.find((f) => f.status === 'DELETED')?.reason).toBe('final: nothing follows');
    expect(e.failure.find((f) => f.status === 'DELETING')?.outcomesLeadTo.sort()).toEqual(['DELETED', 'ERROR']);
  });

  it('dcs, deletion: only DELETING is pending, ERROR needs an operation', () => {
    const e = expectations('dcs', 'DELETED');
    expect(e.pending.map((p) => p.status)).toEqual(['DELETING']);
    expect(e.failure.find((f) => f.status === 'ERROR')?.operations.sort()).toEqual(['DELETE', 'RESTART']);
  });

  it('several targets: a status is pending when it reaches any of them', () => {
    const e = expectations('kafka', ['RUNNING', 'DELETED']);
    expect(e.pending.map((p) => p.status)).toContain('DELETING');
    expect(e.pending.map((p) => p.status)).toContain('CREATING');
  });

  it('rejects unknown targets (prototype names included) and operations, listing the known ones', () => {
    expect(() => expectations('kafka', 'RUNING')).toThrow(/did you mean RUNNING\?/);
    expect(() => expectations('kafka', '__proto__')).toThrow(UnknownStatusError);
    expect(() => expectations('kafka', 'constructor')).toThrow(UnknownStatusError);
    expect(() => expectations('kafka', 'RUNNING', { after: 'REBOOT' })).toThrow(/known operations: .*RESTART/);
    expect(() => expectations('kafka', [])).toThrow(RangeError);
  });
});
