/** Simulation on a machine with hidden sub-states (the test fixture): walks, events and the simulated instance. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, validateHistory } from '../../src/index.js';
import { createSimulatedInstance, OperationRejectedError } from '../../src/testing/index.js';
import { subStateService as fixture } from '../support/subStateService.js';

describe('simulate with sub-states', () => {
  it('walks leaf states: the true history is strictly legal and the polled view legal in sampled mode (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), (seed) => {
        const run = simulate(fixture, { seed, steps: 30, failureWeight: 1, pollInterval: 60_000 });
        expect(validateHistory(fixture, run.observations, { fromStart: true }).ok).toBe(true);
        expect(validateHistory(fixture, run.polled!, { mode: 'sampled', fromStart: true }).ok).toBe(true);
        for (const event of run.events) {
          if (event.toLeaf !== undefined) expect(event.toLeaf.split('.')[0]).toBe(event.to);
          if (event.fromLeaf !== undefined) expect(event.fromLeaf.split('.')[0]).toBe(event.from);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('createSimulatedInstance with sub-states', () => {
  it('shows the status, and allows what its sub-state allows', async () => {
    const deleting = createSimulatedInstance(fixture, { from: 'DELETING' });
    deleting.inject('FAULT');
    expect(await deleting.status()).toBe('BROKEN');
    expect(deleting.allowedOperations()).toEqual(['DELETE']);
    deleting.inject('DELETE_SUCCEEDED');
    expect(deleting.current).toBe('GONE');

    const active = createSimulatedInstance(fixture, { from: 'ACTIVE' });
    active.inject('FAULT');
    expect(active.current).toBe('BROKEN');
    expect(active.allowedOperations()).toEqual(['DELETE', 'REPAIR']);
    expect(() => active.inject('DELETE_SUCCEEDED')).toThrow(OperationRejectedError);
    expect(active.events().at(-1)).toMatchObject({
      event: 'FAULT',
      from: 'ACTIVE',
      to: 'BROKEN',
      toLeaf: 'BROKEN.faulted',
    });
  });

  it('enters a status with sub-states at its initial sub-state when told to start there', () => {
    const broken = createSimulatedInstance(fixture, { from: 'BROKEN' });
    expect(broken.allowedOperations()).toEqual(['DELETE', 'REPAIR']);
  });
});
