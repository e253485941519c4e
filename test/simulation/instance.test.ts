import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { createVirtualClock, lifecycleModel, UnknownOperationError, validateHistory } from '../../src/index.js';
import { createSimulatedInstance, InstanceNotFoundError, OperationRejectedError } from '../../src/testing/index.js';
import { deletion, finalStatus, settledStatus } from '../support/roles.js';

type Action = { type: 'advance'; ms: number } | { type: 'request'; pick: number } | { type: 'inject'; pick: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 8 * 3_600_000 }) }),
  fc.record({ type: fc.constant('request' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('inject' as const), pick: fc.nat() }),
);

describe('createSimulatedInstance', () => {
  it('offers one camelCase method per operation (requests), which acts exactly as request(EVENT)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...services.map((s) => s.id)),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3_600_000 })), { maxLength: 20 }),
        async (service, seed, steps) => {
          const model = lifecycleModel(service);
          const operations = [...new Set(model.transitions.filter((t) => t.kind === 'operation').map((t) => t.event))];
          const byRequest = createSimulatedInstance(service, { seed, from: settledStatus(service) });
          const byMethod = createSimulatedInstance(service, { seed, from: settledStatus(service) });
          expect(Object.keys(byMethod.requests).sort()).toEqual(
            operations.map((op) => op.toLowerCase().replace(/_(.)/g, (_, c: string) => c.toUpperCase())).sort(),
          );
          const outcome = (p: Promise<void>) =>
            p.then(
              () => 'ok',
              (e: Error) => `${e.name}: ${e.message}`,
            );
          for (const [pick, wait] of steps) {
            const operation = operations[pick % operations.length]!;
            const method = Object.entries(byMethod.requests).find(
              ([name]) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase() === operation,
            )![1];
            expect(await outcome(method())).toBe(await outcome(byRequest.request(operation)));
            await byRequest.clock.sleep(wait);
            await byMethod.clock.sleep(wait);
          }
          expect(byMethod.history()).toEqual(byRequest.history());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has nothing but the operations on requests (no prototype)', () => {
    const instance = createSimulatedInstance('kafka');
    expect(Object.getPrototypeOf(instance.requests)).toBeNull();
    expect(instance.requests.topUp).toBeTypeOf('function');
    expect((instance.requests as Record<string, unknown>).constructor).toBeUndefined();
  });

  it('accepts exactly the operations and outcomes the machine allows in the current status, and nothing else moves it but time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...services.map((s) => s.id)),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.boolean(),
        fc.array(actionArb, { maxLength: 40 }),
        async (service, seed, spontaneous, actions) => {
          const model = lifecycleModel(service);
          const operations = [...new Set(model.transitions.filter((t) => t.kind === 'operation').map((t) => t.event))];
          const outcomes = [...new Set(model.transitions.filter((t) => t.kind === 'outcome').map((t) => t.event))];
          const transitional = new Set(
            model.states.filter((s) => s.tags.includes('transitional')).map((s) => s.status),
          );
          const clock = createVirtualClock(0);
          const instance = createSimulatedInstance(service, { clock, seed, spontaneous });
          expect(instance.operations).toEqual(operations);
          let injected = 0;
          const seen = [{ status: await instance.status(), time: clock.now() }];
          for (const action of actions) {
            const before = instance.current;
            const beforeLeaf = instance.leaf;
            if (action.type === 'advance') {
              await clock.sleep(action.ms);
            } else {
              const [names, kind] = action.type === 'request' ? [operations, 'operation'] : [outcomes, 'outcome'];
              const name = names[action.pick % names.length]!;
              const transition = model.transitions.find(
                (t) => t.fromLeaf === beforeLeaf && t.event === name && t.kind === kind,
              );
              const allowed = [
                ...new Set(
                  model.transitions.filter((t) => t.fromLeaf === beforeLeaf && t.kind === kind).map((t) => t.event),
                ),
              ];
              if (kind === 'operation') expect(instance.allowedOperations().sort()).toEqual([...allowed].sort());
              const attempt = async () => (action.type === 'request' ? instance.request(name) : instance.inject(name));
              if (transition) {
                await attempt();
                if (kind === 'outcome') injected++;
                expect(instance.current).toBe(transition.to);
              } else {
                const error = await attempt().then(
                  () => undefined,
                  (e: unknown) => e,
                );
                expect(error).toBeInstanceOf(OperationRejectedError);
                expect(error).toMatchObject({ operation: name, status: before });
                expect([...(error as OperationRejectedError).allowed].sort()).toEqual([...allowed].sort());
                expect((error as Error).message).toContain(before);
                expect(instance.current).toBe(before);
              }
            }
            const answer = await instance.status();
            // the answer is the status last entered, and nothing that was due by now is left undone
            const last = instance.history().at(-1)!;
            expect(answer).toBe(last.status);
            expect(Date.parse(last.time)).toBeLessThanOrEqual(clock.now());
            expect(instance.nextChangeAt ?? Infinity).toBeGreaterThan(clock.now());
            seen.push({ status: answer, time: clock.now() });
          }
          // the true history has only transitions of the machine
          expect(validateHistory(service, instance.history(), { mode: 'strict', fromStart: true }).ok).toBe(true);
          for (const event of instance.events()) {
            expect(model.transitions).toContainEqual(
              expect.objectContaining({ from: event.from, to: event.to, event: event.event, kind: event.kind }),
            );
          }
          // answers polled after every action miss only statuses left by themselves: transitional ones, unless spontaneous
          if (!spontaneous) {
            expect(
              validateHistory(
                service,
                seen.map((s) => s.status),
                { mode: 'sampled', fromStart: true },
              ).ok,
            ).toBe(true);
            // (and hidden sub-states in progress: a sub-state other than its status's initial one)
            const inProgress = (leaf: string | undefined) =>
              leaf !== undefined && model.states.some((s) => s.subStates?.includes(leaf) && s.initialSubState !== leaf);
            const left = instance
              .events()
              .filter((e) => e.kind === 'outcome' && !transitional.has(e.from) && !inProgress(e.fromLeaf));
            expect(left.length).toBeLessThanOrEqual(injected);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('moves on by itself from transitional statuses on the virtual clock, without real sleeping', async () => {
    const model = lifecycleModel('kafka');
    const clock = createVirtualClock(0);
    const instance = createSimulatedInstance('kafka', { clock, seed: 3 });
    expect(await instance.status()).toBe(model.initial);
    const due = instance.nextChangeAt!;
    expect(due).toBeGreaterThanOrEqual(5_000);
    expect(due).toBeLessThanOrEqual(5 * 60_000);
    clock.advance(due - 1);
    expect(await instance.status()).toBe(model.initial);
    clock.advance(1);
    expect(await instance.status()).not.toBe(model.initial);
    expect(instance.history()[1]!.time).toBe(new Date(due).toISOString());
  });

  it('stays in a stable status until asked, unless spontaneous', async () => {
    for (const { id } of services) {
      const running = settledStatus(id);
      const clock = createVirtualClock(0);
      const quiet = createSimulatedInstance(id, { clock, from: running });
      await clock.sleep(365 * 24 * 3_600_000);
      expect(await quiet.status()).toBe(running);
      expect(quiet.nextChangeAt).toBeUndefined();
      const lively = createSimulatedInstance(id, { clock, from: running, spontaneous: true, seed: 1 });
      await clock.sleep(7 * 3_600_000);
      await lively.status();
      expect(lively.history().length, `${id}: nothing happened by itself`).toBeGreaterThan(1);
    }
  });

  it('leaves by itself a hidden sub-state in progress behind a stable status, in the transitional range', async () => {
    // DCS: a RUNNING instance whose deletion was accepted goes on to DELETING or DELETED by itself
    const clock = createVirtualClock(0);
    const dcs = createSimulatedInstance('dcs', { clock, from: 'RUNNING', seed: 7 });
    expect(dcs.nextChangeAt).toBeUndefined();
    await dcs.request('DELETE');
    expect([await dcs.status(), dcs.leaf]).toEqual(['RUNNING', 'RUNNING.deletionAccepted']);
    const due = dcs.nextChangeAt!;
    expect(due).toBeGreaterThanOrEqual(5_000);
    expect(due).toBeLessThanOrEqual(5 * 60_000);
    await clock.sleep(3_600_000);
    expect(await dcs.status()).toBe('DELETED');
    expect(
      validateHistory(
        'dcs',
        dcs.history().map((o) => o.status),
      ).ok,
    ).toBe(true);
    // Kafka: a fault during a deletion (ERROR.whileDeleting) still ends in DELETED; a plain fault stays
    const deleting = createSimulatedInstance('kafka', { clock, from: 'DELETING', seed: 1 });
    deleting.inject('FAULT');
    expect(deleting.leaf).toBe('ERROR.whileDeleting');
    await clock.sleep(3_600_000);
    expect(await deleting.status()).toBe('DELETED');
    const faulted = createSimulatedInstance('kafka', { clock, from: 'RUNNING', seed: 1 });
    faulted.inject('FAULT');
    await clock.sleep(365 * 24 * 3_600_000);
    expect([await faulted.status(), faulted.leaf]).toEqual(['ERROR', 'ERROR.faulted']);
  });

  it('answers "not found" (HTTP 404) in a final status when asked to, and the final status otherwise', async () => {
    for (const { id } of services) {
      const { from, operation } = deletion(id);
      const final = finalStatus(id);
      const clock = createVirtualClock(0);
      const gone = createSimulatedInstance(id, { clock, from, notFoundWhenFinal: true, failureWeight: 0 });
      const kept = createSimulatedInstance(id, { clock, from, failureWeight: 0 });
      await gone.request(operation);
      await kept.request(operation);
      await clock.sleep(3_600_000);
      const error = await gone.status().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InstanceNotFoundError);
      expect(error).toMatchObject({ statusCode: 404, id: gone.id, status: final });
      await expect(gone.request(operation)).rejects.toBeInstanceOf(InstanceNotFoundError);
      expect(gone.current).toBe(final);
      expect(await kept.status()).toBe(final);
    }
  });

  it('rejects a name that is no operation of the service, listing the operations', async () => {
    const instance = createSimulatedInstance('dcs', { from: 'RUNNING' });
    await expect(instance.request('FAULT')).rejects.toBeInstanceOf(UnknownOperationError);
    await expect(instance.request('restart')).rejects.toThrow(
      /unknown operation "restart" for dcs; known operations: .*RESTART/,
    );
    expect(() => instance.inject('RESTART')).toThrow(UnknownOperationError);
  });

  it('has bound methods: status and request work when passed around alone', async () => {
    const clock = createVirtualClock(0);
    const { status, request, allowedOperations } = createSimulatedInstance('dcs', { clock, from: 'RUNNING' });
    expect(await status()).toBe('RUNNING');
    expect(allowedOperations()).toContain('RESTART');
    await request('RESTART');
    expect(await status()).toBe('RESTARTING');
  });

  it('gives the same life for the same seed and requests', async () => {
    const life = async (seed: number) => {
      const clock = createVirtualClock(0);
      const instance = createSimulatedInstance('kafka', { clock, seed });
      await clock.sleep(3_600_000);
      await instance.request('DELETE'); // allowed after creation, whether it failed or not
      await clock.sleep(3_600_000);
      return instance.history();
    };
    expect(await life(9)).toEqual(await life(9));
    expect(await life(9)).not.toEqual(await life(10));
  });
});
