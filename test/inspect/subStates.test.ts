/**
 * The inspector's replay on a machine with hidden sub-states (the test fixture): one path of leaf states consistent
 * with the whole history is replayed, so every event the actor is sent is one its state accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafOf } from '../../src/index.js';
import { replayHistory } from '../../src/inspect/replayHistory.js';
import { legalHistory, polledHistory } from '../../src/testing/index.js';
import { subStateService as fixture } from '../support/subStateService.js';

const observe = (statuses: readonly string[]) => statuses.map((status) => ({ status }));

describe('replayHistory with sub-states', () => {
  it('replays every legal history (strict) and every polled history (sampled) through the actor', async () => {
    await fc.assert(
      fc.asyncProperty(legalHistory(fixture, { maxLength: 12 }), async (history) => {
        const seen: string[] = [];
        const result = await replayHistory(fixture, observe(history), { onStep: (s) => seen.push(s.status) });
        expect(result.ok).toBe(true);
        expect(seen).toEqual(history);
        result.actor?.stop();
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(polledHistory(fixture, { maxLength: 12 }), async (history) => {
        const result = await replayHistory(fixture, observe(history), { mode: 'sampled' });
        expect(result.ok).toBe(true);
        expect(result.status).toBe(history[history.length - 1]);
        result.actor?.stop();
      }),
      { numRuns: 60 },
    );
  });

  it('picks the sub-state the rest of the history needs, and sends operations', async () => {
    const result = await replayHistory(fixture, [{ status: 'BROKEN' }, { status: 'GONE' }]);
    expect(result.events).toEqual(['DELETE_SUCCEEDED']);
    const deletion = await replayHistory(fixture, [
      { status: 'ACTIVE' },
      { status: '', operation: 'DELETE' },
      { status: 'BROKEN' },
      { status: 'GONE' },
    ]);
    expect(deletion.ok).toBe(true);
    expect(deletion.events).toEqual(['DELETE', 'FAULT', 'DELETE_SUCCEEDED']);
    expect(leafOf(deletion.actor!.getSnapshot().value)).toBe('GONE');
  });
});
