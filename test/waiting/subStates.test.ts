/**
 * Waiting on a machine with hidden sub-states (the test fixture): expectations judge a status by the sub-states the
 * wait may meet, and `waitForStatus` by the sub-states the history so far allows, with `after` applied as an
 * operation of the history.
 */
import { describe, expect, it } from 'vitest';
import { expectations, WaitError, type WaitForStatusOptions, waitForStatus } from '../../src/index.js';
import { createRandom } from '../../src/simulation/index.js';
import { type ScriptedAnswer, scriptedPoll } from '../support/scriptedPoll.js';
import { subStateService as fixture } from '../support/subStateService.js';

const MINUTE = 60_000;

async function wait(answers: readonly ScriptedAnswer[], options: Partial<WaitForStatusOptions<typeof fixture>>) {
  const script = scriptedPoll(answers);
  const random = createRandom(7);
  return waitForStatus({
    service: fixture,
    target: 'GONE',
    poll: script.poll,
    clock: script.clock,
    random: () => random.next(),
    timeout: 10 * MINUTE,
    interval: 1000,
    ...options,
  }).then(
    (result) => ({ result, error: undefined, calls: script.calls }),
    (error: unknown) => ({ result: undefined, error: error as WaitError, calls: script.calls }),
  );
}

describe('expectations with sub-states', () => {
  it('counts a status pending when one of its sub-states leads to the target, naming that sub-state', () => {
    const e = expectations(fixture, 'GONE', { after: 'DELETE' });
    const broken = e.pending.find((p) => p.status === 'BROKEN');
    expect(broken).toMatchObject({ reaches: 'GONE', events: ['DELETE_SUCCEEDED'], subState: 'BROKEN.whileDeleting' });
    expect(broken?.reason).toMatch(/^outcomes lead from sub-state whileDeleting to GONE \(DELETE_SUCCEEDED → GONE\)/);
  });

  it('judges a status by the sub-states the wait can meet from where it starts', () => {
    // from ACTIVE, waiting for ACTIVE after a RESIZE: BROKEN is the failed resize, which recovers by itself
    const resize = expectations(fixture, 'ACTIVE', { after: 'RESIZE', from: 'ACTIVE' });
    expect(resize.pending.map((p) => p.status)).toEqual(['RESIZING', 'BROKEN']);
    expect(resize.pending.find((p) => p.status === 'BROKEN')?.subState).toBe('BROKEN.whileResizing');
    // from ACTIVE waiting for GONE without a request: a fault is a plain fault there
    const gone = expectations(fixture, 'GONE', { from: 'ACTIVE' });
    expect(gone.failure.map((f) => f.status)).toEqual(['ACTIVE']);
  });
});

describe('waitForStatus with sub-states', () => {
  it('waits on a status whose sub-state, given the history, goes on to the target', async () => {
    const { result } = await wait(['DELETING', 'BROKEN', 'BROKEN', 'GONE'], {});
    expect(result?.status).toBe('GONE');
    expect(result?.failedSeen).toEqual(['BROKEN']);
  });

  it('judges one status by the sub-states the history allows: a failed resize recovers, a failed creation does not', async () => {
    const resize = await wait(['RESIZING', 'BROKEN', 'BROKEN', 'ACTIVE'], { target: 'ACTIVE' });
    expect(resize.result?.status).toBe('ACTIVE');
    const creation = await wait(['CREATING', 'BROKEN', 'BROKEN', 'ACTIVE'], { target: 'ACTIVE' });
    expect(creation.error).toBeInstanceOf(WaitError);
    expect(creation.error?.reason).toBe('unreachable');
    expect(creation.calls).toHaveLength(2);
    expect(creation.error?.failure).toMatchObject({
      status: 'BROKEN',
      subStates: ['BROKEN.faulted'],
      operations: ['DELETE', 'REPAIR'],
    });
  });

  it('applies `after` as an operation: after a DELETE, the same BROKEN is pending', async () => {
    const { result } = await wait(['ACTIVE', 'ACTIVE', 'BROKEN', 'GONE'], { after: 'DELETE' });
    expect(result?.status).toBe('GONE');
    expect(result?.operationObserved).toBe(true);
    expect(result?.verdict.ok).toBe(true);
  });

  it('keeps the grace for an API that still shows the old status, then judges it', async () => {
    const { error } = await wait(['ACTIVE'], { after: 'DELETE', operationGrace: 2 });
    expect(error?.reason).toBe('unreachable');
    expect(error?.message).toContain('still ACTIVE after 3 observations, DELETE has not shown');
  });

  it('waits through a failed resize that recovers by itself (after RESIZE, target ACTIVE)', async () => {
    const { result } = await wait(['ACTIVE', 'RESIZING', 'BROKEN', 'ACTIVE'], { target: 'ACTIVE', after: 'RESIZE' });
    expect(result?.status).toBe('ACTIVE');
    expect(result?.history).toHaveLength(4);
  });
});
