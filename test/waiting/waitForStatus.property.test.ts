import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { services } from '../../machines/index.js';
import { expectations, lifecycleModel, WaitError, type WaitResult, waitForStatus } from '../../src/index.js';
import { legalHistory } from '../../src/testing/index.js';
import { scriptedPoll, seededRandom } from '../support/scriptedPoll.js';

const TIMEOUT = 10 * 60_000;

/** Feed a history to a wait (the last status repeats), and report how it ended and after how many polls. */
async function waitOver(service: string, target: string, history: readonly string[], seed: number) {
  const script = scriptedPoll(history);
  const ended: WaitResult | WaitError = await waitForStatus({
    service,
    target,
    poll: script.poll,
    clock: script.clock,
    random: seededRandom(seed),
    timeout: TIMEOUT,
    interval: 1000,
    maxInterval: 20_000,
  }).catch((error: unknown) => {
    if (error instanceof WaitError) return error;
    throw error;
  });
  return { ended, polls: script.calls.length, now: script.clock.now() };
}

/**
 * What the derived expectations promise for a history: the wait ends at the first observation that is a target
 * (resolved) or a failure status (rejected as unreachable); a history of pending statuses only times out.
 */
function promised(service: string, target: string, history: readonly string[]) {
  const e = expectations(service, target);
  const failure = new Set(e.failure.map((f) => f.status));
  const index = history.findIndex((s) => s === target || failure.has(s));
  if (index < 0) return { kind: 'timeout' as const };
  return { kind: history[index] === target ? ('resolved' as const) : ('unreachable' as const), at: index };
}

describe('waitForStatus over legal histories (scripted polls)', () => {
  for (const service of services) {
    const model = lifecycleModel(service);
    const statuses = model.states.map((s) => s.status);
    const transitional = new Set(model.states.filter((s) => s.tags.includes('transitional')).map((s) => s.status));

    // A legal history, with some transitional statuses dropped as a poller may miss them (still legal when sampled).
    const sampledHistory = legalHistory(service, { maxLength: 15 }).chain((full) =>
      fc
        .array(fc.boolean(), { minLength: full.length, maxLength: full.length })
        .map((drop) =>
          full.filter((status, i) => i === 0 || i === full.length - 1 || !(drop[i] && transitional.has(status))),
        ),
    );

    fcTest.prop([fc.constantFrom(...statuses), sampledHistory, fc.nat()], { numRuns: 150 })(
      `${service.id}: resolves at the first target, rejects at the first failure status, else times out`,
      async (target, history, seed) => {
        const { ended, polls, now } = await waitOver(service.id, target, history, seed);
        const expected = promised(service.id, target, history);
        if (expected.kind === 'timeout') {
          expect(ended).toBeInstanceOf(WaitError);
          expect((ended as WaitError).reason).toBe('timeout');
          expect(now).toBe(TIMEOUT);
          return;
        }
        expect(polls).toBe(expected.at + 1); // decided at that observation, not later
        expect(now).toBeLessThan(TIMEOUT);
        if (expected.kind === 'resolved') {
          expect(ended).not.toBeInstanceOf(WaitError);
          expect((ended as WaitResult).history.map((o) => o.status)).toEqual(history.slice(0, expected.at + 1));
        } else {
          expect(ended).toBeInstanceOf(WaitError);
          const error = ended as WaitError;
          expect(error.reason).toBe('unreachable');
          expect(error.history.at(-1)?.status).toBe(history[expected.at]);
          expect(error.failure?.status).toBe(history[expected.at]);
        }
      },
    );
  }
});
