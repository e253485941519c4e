/** The README's waitForStatus examples, run as written (against the simulated instance, on virtual clocks). */
import { describe, expect, it } from 'vitest';
import { createVirtualClock, NOT_FOUND, WaitError, waitForStatus } from '../../src/index.js';
import { createSimulatedInstance, InstanceNotFoundError } from '../../src/testing/index.js';

describe('README examples', () => {
  it('waits for a Kafka deletion, reading a 404 as DELETED', async () => {
    const clock = createVirtualClock(0);
    const instance = createSimulatedInstance('kafka', { clock, seed: 2, from: 'RUNNING', notFoundWhenFinal: true });
    await instance.request('DELETE');
    const result = await waitForStatus({
      service: 'kafka',
      target: 'DELETED',
      after: 'DELETE',
      timeout: 30 * 60_000,
      clock,
      poll: async () => {
        try {
          return await instance.status();
        } catch (error) {
          if (error instanceof InstanceNotFoundError) return NOT_FOUND;
          throw error;
        }
      },
    });
    expect(result.history.at(-1)).toMatchObject({ status: 'DELETED', notFound: true });
    expect(new Set(result.history.slice(0, -1).map((o) => o.status))).toEqual(new Set(['DELETING']));
  });

  it('gives up on a DCS creation at the poll that sees CREATEFAILED', async () => {
    const clock = createVirtualClock(0);
    const doomed = createSimulatedInstance('dcs', { clock, seed: 1, failureWeight: 1000 });
    const error = await waitForStatus({
      service: 'dcs',
      target: 'RUNNING',
      timeout: 60 * 60_000,
      clock,
      poll: () => doomed.status(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({
      reason: 'unreachable',
      message: 'dcs: waiting for RUNNING: observed CREATEFAILED: needs a user operation: DELETE',
    });
    expect((error as WaitError).elapsed).toBeLessThan(60 * 60_000);
  });
});
