import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, transition } from 'xstate';
import { type Service, services } from '../../machines/index.js';
import {
  expectations,
  leafOf,
  leafValue,
  lifecycleModel,
  UnknownOperationError,
  UnknownStatusError,
} from '../../src/index.js';
import { settledStatus } from '../support/roles.js';

/**
 * Independent oracle: the statuses reachable by outcome events only from any of `leaves` (leaf ids; default: every
 * leaf state of the status `from`, where a status hides sub-states), with every intermediate status transitional.
 * Walks the machine with xstate's pure `transition()`, offering in each leaf state the outcome events the model
 * lists there.
 */
function reachableByOutcomes(
  service: Service,
  from: string,
  throughStable = false,
  leaves: readonly string[] = leavesOf(service, from),
): Set<string> {
  const key = `${service.id} ${from} ${throughStable} ${leaves.join(' ')}`;
  const known = oracleCache.get(key);
  if (known) return known;
  const model = lifecycleModel(service);
  const isOutcome = (leaf: string, event: string) =>
    model.transitions.some((t) => t.fromLeaf === leaf && t.event === event && t.kind === 'outcome');
  const outcomeEvents = [...new Set(model.transitions.filter((t) => t.kind === 'outcome').map((t) => t.event))];
  const reached = new Set<string>();
  const queue: AnyMachineSnapshot[] = leaves.map((leaf) =>
    service.machine.resolveState({ value: leafValue(leaf), context: undefined }),
  );
  const expanded = new Set<string>();
  while (queue.length > 0) {
    const snapshot = queue.shift()!;
    const leaf = leafOf(snapshot.value);
    const status = leaf.split('.')[0]!;
    if (expanded.has(leaf)) continue;
    expanded.add(leaf);
    if (status !== from && !throughStable && !snapshot.hasTag('transitional')) continue; // settled: stop here
    for (const event of outcomeEvents) {
      if (!isOutcome(leaf, event)) continue;
      const [next] = transition(service.machine, snapshot, { type: event });
      const to = leafOf(next.value).split('.')[0]!;
      if (to !== from) reached.add(to);
      queue.push(next);
    }
  }
  oracleCache.set(key, reached);
  return reached;
}
const oracleCache = new Map<string, Set<string>>();

/** The leaf states of a status (itself, or its hidden sub-states). */
function leavesOf(service: Service, status: string): string[] {
  return lifecycleModel(service)
    .leaves.filter((l) => l.status === status)
    .map((l) => l.leaf);
}

/**
 * Independent oracle: every status reachable from `starts` by outcomes, the `after` operation and hidden moves
 * between sub-states of one status (which the validator lets happen unseen, by any event), with no stop.
 */
function reachableFrom(service: Service, starts: readonly string[], after: string | undefined): Set<string> {
  const model = lifecycleModel(service);
  const taken = model.transitions.filter((t) => t.kind === 'outcome' || t.event === after || t.from === t.to);
  const reached = new Set<string>();
  const queue: AnyMachineSnapshot[] = starts.flatMap((status) =>
    leavesOf(service, status).map((leaf) =>
      service.machine.resolveState({ value: leafValue(leaf), context: undefined }),
    ),
  );
  while (queue.length > 0) {
    const snapshot = queue.shift()!;
    const leaf = leafOf(snapshot.value);
    if (reached.has(leaf)) continue;
    reached.add(leaf);
    for (const t of taken.filter((t) => t.fromLeaf === leaf))
      queue.push(transition(service.machine, snapshot, { type: t.event })[0]);
  }
  return new Set([...reached].map((l) => l.split('.')[0]!));
}

const statusesOf = (service: Service) => lifecycleModel(service).states.map((s) => s.status);

describe('expectations: laws over every service and target', () => {
  for (const service of services) {
    const statuses = statusesOf(service);

    fcTest.prop([fc.subarray(statuses, { minLength: 1 })])(
      `${service.id}: target, pending and failure partition the statuses`,
      (targets) => {
        const e = expectations(service, targets);
        const groups = [...e.target, ...e.pending.map((p) => p.status), ...e.failure.map((f) => f.status)];
        expect(groups.sort()).toEqual([...statuses].sort()); // each status exactly once
        expect(new Set(e.target)).toEqual(new Set(targets));
      },
    );

    fcTest.prop([fc.subarray(statuses, { minLength: 1 })])(
      `${service.id}: pending statuses reach a target by outcomes alone, failures do not`,
      (targets) => {
        const e = expectations(service, targets);
        for (const p of e.pending) {
          const reached = reachableByOutcomes(service, p.status);
          expect(
            targets.some((t) => reached.has(t)),
            `${p.status} should reach ${targets.join('|')}`,
          ).toBe(true);
        }
        for (const f of e.failure) {
          const reached = reachableByOutcomes(service, f.status);
          expect(
            targets.some((t) => reached.has(t)),
            `${f.status} should not reach ${targets.join('|')}`,
          ).toBe(false);
        }
      },
    );

    fcTest.prop([fc.constantFrom(...statuses)])(
      `${service.id}: each pending witness replays with xstate to its target, by outcomes, through transitional statuses`,
      (target) => {
        const model = lifecycleModel(service);
        for (const p of expectations(service, target).pending) {
          const start = leafValue(p.subState ?? p.status);
          let snapshot: AnyMachineSnapshot = service.machine.resolveState({ value: start, context: undefined });
          p.events.forEach((event, i) => {
            if (i > 0) expect(snapshot.hasTag('transitional')).toBe(true);
            const from = leafOf(snapshot.value);
            expect(
              model.transitions.some((t) => t.fromLeaf === from && t.event === event && t.kind === 'outcome'),
            ).toBe(true);
            [snapshot] = transition(service.machine, snapshot, { type: event });
          });
          expect(leafOf(snapshot.value).split('.')[0]).toBe(target);
          expect(p.reaches).toBe(target);
        }
      },
    );

    const operations = [
      ...new Set(
        lifecycleModel(service)
          .transitions.filter((t) => t.kind === 'operation')
          .map((t) => t.event),
      ),
    ];
    fcTest.prop([
      fc.subarray(statuses, { minLength: 1 }),
      fc.subarray(statuses, { minLength: 1 }),
      fc.option(fc.constantFrom(...operations), { nil: undefined }),
    ])(
      `${service.id}: "from" cuts the lists to statuses the wait can reach, keeping the start statuses`,
      (targets, from, after) => {
        const full = expectations(service, targets, after === undefined ? {} : { after });
        const cut = expectations(service, targets, after === undefined ? { from } : { from, after });
        expect(cut.target).toEqual(full.target);
        // a status with hidden sub-states is judged by the sub-states each wait can meet, which "from" may narrow
        const plain = (status: string) => leavesOf(service, status).length === 1;
        const fullStatuses = [...full.pending, ...full.failure].map((x) => x.status);
        for (const p of cut.pending)
          if (plain(p.status)) expect(full.pending).toContainEqual(p);
          else expect(fullStatuses).toContain(p.status);
        for (const f of cut.failure)
          if (plain(f.status)) expect(full.failure).toContainEqual(f);
          else expect(fullStatuses).toContain(f.status);
        for (const b of cut.before?.from ?? []) expect(full.before?.from).toContain(b);
        const reachable = reachableFrom(service, from, after);
        const listed = [
          ...cut.pending.map((p) => p.status),
          ...cut.failure.map((f) => f.status),
          ...(cut.before?.from ?? []),
        ];
        for (const status of listed)
          expect(reachable.has(status), `${status} is not reachable from ${from.join('|')}`).toBe(true);
        for (const start of from) expect([...cut.target, ...listed]).toContain(start);
        expect(new Set(cut.from)).toEqual(new Set(from));
      },
    );

    it(`${service.id}: a creation wait from the initial status meets only what creation leads to`, () => {
      const model = lifecycleModel(service);
      const creation = model.transitions.filter((t) => t.from === model.initial);
      const e = expectations(service, settledStatus(service.id), { from: model.initial });
      const listed = [...e.target, ...e.pending.map((p) => p.status), ...e.failure.map((f) => f.status)];
      expect(new Set(listed)).toEqual(new Set([model.initial, ...creation.map((t) => t.to)]));
    });

    it(`${service.id}: failure details agree with the machine`, () => {
      const model = lifecycleModel(service);
      for (const target of statuses) {
        for (const f of expectations(service, target).failure) {
          const leaves = f.subStates ?? leavesOf(service, f.status);
          const ops = model.transitions
            .filter((t) => leaves.includes(t.fromLeaf) && t.kind === 'operation')
            .map((t) => t.event);
          expect(new Set(f.operations)).toEqual(new Set(ops));
          const final = model.states.find((s) => s.status === f.status)!.tags.includes('final');
          if (final) expect(f.reason).toBe('final: nothing follows');
          // onlyThrough is non-empty exactly when outcomes reach the target once stable statuses are allowed on the way
          expect(f.onlyThrough.length > 0).toBe(reachableByOutcomes(service, f.status, true, leaves).has(target));
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
      expect(() => expectations(service, model.initial, { after: outcome })).toThrow(UnknownOperationError);
    });
  }
});

describe('expectations: the cases waiting code meets', () => {
  it('kafka, deletion: ERROR is pending (a deletion that showed ERROR completes), RUNNING is not', () => {
    const e = expectations('kafka', 'DELETED', { after: 'DELETE' });
    // FROZEN is released and RECYCLE expires when their retention periods end: outcomes, however slow
    expect(e.pending.map((p) => p.status).sort()).toEqual(['DELETING', 'ERROR', 'FROZEN', 'RECYCLE']);
    // after a DELETE, ERROR is the fault on the way to DELETED (a hidden sub-state)
    expect(e.pending.find((p) => p.status === 'ERROR')?.subState).toBe('ERROR.whileDeleting');
    const running = e.failure.find((f) => f.status === 'RUNNING')!;
    // a fault of a running instance does not delete it: RUNNING reaches DELETED by outcomes only by freezing and
    // being released when the retention period ends, after settling in the stable FROZEN
    expect(running.onlyThrough).toEqual(['FROZEN']);
    expect(running.reason).toMatch(/only after settling in FROZEN/);
    expect(e.before?.from.sort()).toEqual(['CREATEFAILED', 'ERROR', 'FROZEN', 'RUNNING']);
  });

  it('kafka, waiting for RUNNING: a failed resize is pending but flagged, FROZEN needs a top-up', () => {
    const e = expectations('kafka', 'RUNNING');
    expect(e.pending.find((p) => p.status === 'EXTENDEDFAILED')).toMatchObject({ failed: true, events: ['RECOVERED'] });
    expect(e.pending.find((p) => p.status === 'EXTENDING')).toMatchObject({ failed: false });
    expect(e.failure.find((f) => f.status === 'FROZEN')).toMatchObject({
      operations: ['DELETE', 'TOP_UP'],
      outcomesLeadTo: ['DELETED'],
      reason: 'outcomes lead only to DELETED; needs a user operation: DELETE, TOP_UP',
    });
    expect(e.failure.find((f) => f.status === 'DELETED')?.reason).toBe('final: nothing follows');
    expect(e.failure.find((f) => f.status === 'DELETING')?.outcomesLeadTo.sort()).toEqual(['DELETED', 'ERROR']);
  });

  it('dcs, deletion: RUNNING (a deletion the API does not show yet) and DELETING are pending (and FROZEN, released in the end), ERROR needs an operation', () => {
    const e = expectations('dcs', 'DELETED');
    expect(e.pending.map((p) => p.status)).toEqual(['RUNNING', 'DELETING', 'FROZEN']);
    expect(e.pending[0]).toMatchObject({ subState: 'RUNNING.deletionAccepted', events: ['DELETE_SUCCEEDED'] });
    expect(e.failure.find((f) => f.status === 'ERROR')?.operations.sort()).toEqual(['DELETE', 'RESTART']);
  });

  it('deletion from RUNNING: the cut lists with the pre-request statuses are what the providers list, for Kafka', () => {
    const e = expectations('kafka', 'DELETED', { from: 'RUNNING', after: 'DELETE' });
    const accepted = new Set([...e.pending.map((p) => p.status), ...(e.before?.from ?? [])]);
    // plus what the providers do not list: an instance frozen before the request took effect (deletable, and
    // released in the end)
    expect(accepted).toEqual(new Set(['DELETING', 'RUNNING', 'ERROR', 'FROZEN']));
    // DCS: the current API may show RUNNING until the instance is gone, as the OTC v2 provider's wait (pending
    // RUNNING) expects; DCS has no ERROR on the way to deletion, but a faulty instance may still show ERROR until
    // DELETE shows
    const d = expectations('dcs', 'DELETED', { from: 'RUNNING', after: 'DELETE' });
    expect(d.pending.map((p) => p.status)).toEqual(['RUNNING', 'DELETING', 'FROZEN']);
    expect(d.before?.from.sort()).toEqual(['ERROR', 'FROZEN', 'RUNNING']);
  });

  it('several targets: a status is pending when it reaches any of them', () => {
    const e = expectations('kafka', ['RUNNING', 'DELETED']);
    expect(e.pending.map((p) => p.status)).toContain('DELETING');
    expect(e.pending.map((p) => p.status)).toContain('CREATING');
  });

  it('rejects unknown targets (prototype names included) and operations, listing the known ones', () => {
    // @ts-expect-error a misspelled status of a built-in service does not compile
    expect(() => expectations('kafka', 'RUNING')).toThrow(/did you mean RUNNING\?/);
    // @ts-expect-error nor does a prototype name
    expect(() => expectations('kafka', '__proto__')).toThrow(UnknownStatusError);
    // @ts-expect-error
    expect(() => expectations('kafka', 'constructor')).toThrow(UnknownStatusError);
    // @ts-expect-error nor an unknown event
    expect(() => expectations('kafka', 'RUNNING', { after: 'REBOOT' })).toThrow(/known operations: .*RESTART/);
    expect(() => expectations('kafka', [])).toThrow(RangeError);
    // @ts-expect-error
    expect(() => expectations('kafka', 'RUNNING', { from: 'BOOTING' })).toThrow(UnknownStatusError);
    expect(() => expectations('kafka', 'RUNNING', { from: [] })).toThrow(RangeError);
  });
});
