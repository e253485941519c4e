/**
 * waitForStatus against the simulated instance: seeded lives on a virtual clock, polled as a client would, with
 * the answers an API gives (a deleted instance answers "not found"), optionally lagging behind a request.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { services } from '../../machines/index.js';
import {
  createVirtualClock,
  expectations,
  lifecycleModel,
  NOT_FOUND,
  type StatusTag,
  WaitError,
  type WaitResult,
  waitForStatus,
} from '../../src/index.js';
import { createSimulatedInstance, InstanceNotFoundError } from '../../src/testing/index.js';
import { seededRandom } from '../support/scriptedPoll.js';

const MINUTE = 60_000;
const TIMEOUT = 4 * 60 * MINUTE;
const MAX_INTERVAL = 2 * MINUTE; // below the shortest stable duration (10 min): no stable status is missed
const GRACE = 5;

for (const service of services) {
  const model = lifecycleModel(service);
  const statuses = model.states.map((s) => s.status);
  const tagged = (tag: StatusTag) => new Set(model.states.filter((s) => s.tags.includes(tag)).map((s) => s.status));
  const final = tagged('final');
  // A transitional target may be passed between two polls; waits are for statuses that last.
  const targets = statuses.filter((s) => !tagged('transitional').has(s));
  const operationsFrom = (status: string) => [
    ...new Set(model.transitions.filter((t) => t.from === status && t.kind === 'operation').map((t) => t.event)),
  ];

  const scenario = fc
    .record({
      seed: fc.nat(),
      start: fc.constantFrom(...statuses.filter((s) => !final.has(s))),
      target: fc.constantFrom(...targets),
      pick: fc.nat(),
      requestOperation: fc.boolean(),
      lag: fc.integer({ min: 0, max: 3 }),
      spontaneous: fc.boolean(),
      notFoundWhenFinal: fc.boolean(),
    })
    .map((s) => {
      const ops = operationsFrom(s.start);
      const operation = s.requestOperation && ops.length > 0 ? ops[s.pick % ops.length] : undefined;
      return { ...s, operation, lag: operation === undefined ? 0 : s.lag };
    });

  describe(`waitForStatus on simulated ${service.id} instances`, () => {
    fcTest.prop([scenario], { numRuns: 200 })(
      'ends at the first decisive observation, and agrees with the simulated life',
      async (sc) => {
        const clock = createVirtualClock(0);
        const instance = createSimulatedInstance(service, {
          clock,
          seed: sc.seed,
          from: sc.start,
          spontaneous: sc.spontaneous,
          notFoundWhenFinal: sc.notFoundWhenFinal,
        });
        if (sc.operation) await instance.request(sc.operation);
        let calls = 0;
        const poll = async () => {
          if (++calls <= sc.lag) return sc.start; // the API has not caught up with the request yet
          try {
            return await instance.status();
          } catch (error) {
            if (error instanceof InstanceNotFoundError) return NOT_FOUND;
            throw error;
          }
        };
        const ended: WaitResult | WaitError = await waitForStatus({
          service,
          target: sc.target,
          poll,
          clock,
          random: seededRandom(sc.seed),
          timeout: TIMEOUT,
          interval: 1000,
          maxInterval: MAX_INTERVAL,
          operationGrace: GRACE,
          ...(sc.operation ? { after: sc.operation } : {}),
        }).catch((error: unknown) => {
          if (error instanceof WaitError) return error;
          throw error;
        });
        const endedAt = clock.now();
        const reason = ended instanceof WaitError ? ended.reason : 'resolved';
        const history = ended.history;

        // The simulated instance follows the machine: the waiter never reports drift, and polls never fail.
        expect(['resolved', 'unreachable', 'timeout']).toContain(reason);

        // Each answer is the instance's true status at that moment (the lagging ones the status before the request).
        const life = instance.history().map((o) => ({ status: o.status, time: Date.parse(o.time) }));
        const trueStatusAt = (time: number) => life.filter((o) => o.time <= time).at(-1)!.status;
        for (const [i, o] of history.entries()) expect(o.status).toBe(i < sc.lag ? sc.start : trueStatusAt(o.time));

        // It ended at the first decisive observation: a target, or a failure status (pre-operation statuses count
        // only once the grace is used up or the operation has shown), and at that poll, not later.
        const e = expectations(service, sc.target, sc.operation ? { after: sc.operation } : {});
        const failure = new Set(e.failure.map((f) => f.status));
        const before = new Set(e.before?.from ?? []);
        let shown = sc.operation === undefined;
        let graceUsed = 0;
        const decisive = history.findIndex((o) => {
          if (!shown) {
            if (!before.has(o.status)) shown = true;
            else if (++graceUsed <= GRACE) return false;
          }
          return o.status === sc.target || failure.has(o.status);
        });
        if (reason === 'timeout') {
          expect(decisive).toBe(-1);
          expect(endedAt).toBe(TIMEOUT);
        } else {
          expect(decisive).toBe(history.length - 1);
          expect(endedAt).toBe(history.at(-1)!.time);
          expect(endedAt).toBeLessThanOrEqual(TIMEOUT); // a status can show at the last poll, at the deadline
          expect(history.at(-1)!.status).toBe(reason === 'resolved' ? sc.target : (ended as WaitError).failure?.status);
        }
        if (ended instanceof WaitError) expect(ended.polls).toBe(history.length);
        else
          expect(ended.failedSeen).toEqual([
            ...new Set(history.map((o) => o.status).filter((s) => tagged('failed').has(s))),
          ]);

        // Everything the wait observed is in the lists cut to a wait from this start (what `expect --from` prints).
        const cut = expectations(
          service,
          sc.target,
          sc.operation ? { from: sc.start, after: sc.operation } : { from: sc.start },
        );
        const listed = new Set([
          ...cut.target,
          ...cut.pending.map((p) => p.status),
          ...cut.failure.map((f) => f.status),
          ...(cut.before?.from ?? []),
        ]);
        for (const o of history) expect(listed.has(o.status), `${o.status} is not listed`).toBe(true);

        // Every life that reaches the target in time resolves (a target lasts longer than the longest poll gap).
        const afterRequest = sc.operation ? life.slice(1) : life; // life[0] is the status the request left
        const reachedTarget = afterRequest.find((o) => o.status === sc.target && o.time <= TIMEOUT - MAX_INTERVAL);
        if (reachedTarget && reason !== 'unreachable') expect(reason).toBe('resolved');
        if (reason === 'timeout') expect(reachedTarget).toBeUndefined();

        // A rejection is right: left alone (no request; stable statuses stay put), the instance never gets there.
        if (reason === 'unreachable' && !sc.spontaneous) {
          clock.advance(7 * 24 * 60 * MINUTE);
          const whole = instance.history();
          const seen = whole.findLastIndex((o) => Date.parse(o.time) <= endedAt); // the status the rejection saw
          expect(whole.slice(seen).map((o) => o.status)).not.toContain(sc.target);
        }
      },
    );
  });
}
