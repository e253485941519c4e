/**
 * The validator on a machine with hidden sub-states, aliases and operations (the test fixture): it tracks the set of
 * leaf states consistent with the history, applies operations to it, reads aliases, and explains steps leaf by leaf.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, statusGraph, validateHistory } from '../../src/index.js';
import { subStateService as fixture } from '../support/subStateService.js';

const op = (operation: string) => ({ status: '', operation });

describe('sub-states: the set of leaf states consistent with the history', () => {
  it('starts with every sub-state of a first status with sub-states', () => {
    const v = createValidator(fixture);
    expect(v.leaves).toEqual([]);
    v.pushStatus('BROKEN');
    expect(v.status).toBe('BROKEN');
    expect(v.leaves).toEqual(['BROKEN.faulted', 'BROKEN.whileResizing', 'BROKEN.whileDeleting']);
  });

  it('knows which sub-state a status is in from where the instance came (strict)', () => {
    const fault = createValidator(fixture);
    fault.pushStatus('ACTIVE');
    fault.pushStatus('BROKEN');
    expect(fault.leaves).toEqual(['BROKEN.faulted']);
    const deletion = createValidator(fixture);
    deletion.pushStatus('DELETING');
    deletion.pushStatus('BROKEN');
    expect(deletion.leaves).toEqual(['BROKEN.whileDeleting']);
  });

  it('follows hidden moves between sub-states of one status (a failed resize may give up into a plain fault)', () => {
    const v = createValidator(fixture);
    v.pushStatus('RESIZING');
    v.pushStatus('BROKEN');
    expect(v.leaves).toEqual(['BROKEN.faulted', 'BROKEN.whileResizing']);
    expect(v.pushStatus('BROKEN')).toBe(true);
  });

  it('rejects a change only the other sub-state allows: a fault of a working instance does not complete a deletion', () => {
    const verdict = validateHistory(fixture, ['ACTIVE', 'BROKEN', 'GONE']);
    expect(verdict.violations).toHaveLength(1);
    expect(verdict.violations[0]).toMatchObject({ index: 2, from: 'BROKEN', to: 'GONE', kind: 'illegal-transition' });
    expect(verdict.violations[0]!.allowed).toEqual(['ACTIVE', 'DELETING']);
    expect(validateHistory(fixture, ['DELETING', 'BROKEN', 'GONE']).ok).toBe(true);
  });

  it('explains a step by the leaf states it passes', () => {
    const verdict = validateHistory(fixture, ['DELETING', 'BROKEN', 'GONE'], { explain: true });
    expect(verdict.steps).toEqual([
      {
        index: 1,
        from: 'DELETING',
        to: 'BROKEN',
        events: ['FAULT'],
        missed: [],
        leaves: ['DELETING', 'BROKEN.whileDeleting'],
      },
      {
        index: 2,
        from: 'BROKEN',
        to: 'GONE',
        events: ['DELETE_SUCCEEDED'],
        missed: [],
        leaves: ['BROKEN.whileDeleting', 'GONE'],
      },
    ]);
  });

  it('accepts a repeat of the status it knows in any set of its leaf states (property over the compiled sets)', () => {
    const graph = statusGraph(fixture);
    const n = graph.statuses.length;
    graph.sets.forEach((_, set) => {
      const own = graph.setStatus[set]!;
      if (own < 0) return;
      expect(graph.nextStrict[set * n + own]).toBeGreaterThanOrEqual(0);
      expect(graph.nextSampled[set * n + own]).toBeGreaterThanOrEqual(0);
    });
  });

  it('never leaves the set of leaves of the status observed (property)', () => {
    const graph = statusGraph(fixture);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...graph.statuses), { maxLength: 10 }), fc.boolean(), (history, sampled) => {
        const v = createValidator(fixture, { mode: sampled ? 'sampled' : 'strict' });
        for (const status of history) {
          v.pushStatus(status);
          expect(v.leaves.length).toBeGreaterThan(0);
          for (const leaf of v.leaves) expect(leaf.split('.')[0]).toBe(status);
        }
      }),
    );
  });
});

describe('operations in a history', () => {
  it('applies an operation to the possible states: after a DELETE, BROKEN is the fault on the way to GONE', () => {
    const verdict = validateHistory(fixture, ['ACTIVE', op('DELETE'), 'BROKEN', 'GONE'], { explain: true });
    expect(verdict.ok).toBe(true);
    expect(verdict.steps?.[0]).toEqual({ index: 1, from: 'ACTIVE', to: 'DELETING', events: ['DELETE'], missed: [] });
    expect(verdict.missed).toEqual([{ index: 2, from: 'ACTIVE', to: 'BROKEN', missed: ['DELETING'] }]);
    const v = createValidator(fixture);
    for (const item of ['ACTIVE', op('DELETE'), 'BROKEN']) v.push(typeof item === 'string' ? { status: item } : item);
    expect(v.leaves).toEqual(['BROKEN.whileDeleting']);
  });

  it('accepts the status a request was made in until another status shows (the API has not caught up)', () => {
    expect(validateHistory(fixture, ['ACTIVE', op('DELETE'), 'ACTIVE', 'ACTIVE', 'DELETING', 'GONE']).ok).toBe(true);
    const v = createValidator(fixture);
    for (const item of ['ACTIVE', op('DELETE'), 'ACTIVE']) v.push(typeof item === 'string' ? { status: item } : item);
    expect(v.leaves).toEqual(['DELETING']); // the request was accepted: the instance is on its way
    // once another status has shown, the old one is a change like any other
    const after = validateHistory(fixture, ['ACTIVE', op('DELETE'), 'DELETING', 'ACTIVE']);
    expect(after.violations.map((x) => [x.index, x.kind])).toEqual([[3, 'illegal-transition']]);
    // only the status the request was made in: any other must follow from the request
    expect(validateHistory(fixture, ['ACTIVE', op('DELETE'), 'BROKEN', 'ACTIVE']).ok).toBe(false);
  });

  it('makes a strict history legal where the operation explains the step', () => {
    expect(validateHistory(fixture, ['ACTIVE', 'GONE']).ok).toBe(false);
    expect(validateHistory(fixture, ['ACTIVE', op('DELETE'), 'GONE']).ok).toBe(true);
  });

  it('reports an operation the states do not allow as its own kind, with what was allowed, and changes nothing', () => {
    const verdict = validateHistory(fixture, ['ACTIVE', op('REPAIR'), 'RESIZING']);
    expect(verdict.violations).toHaveLength(1);
    expect(verdict.violations[0]).toMatchObject({
      index: 1,
      from: 'ACTIVE',
      to: 'REPAIR',
      kind: 'operation-not-allowed',
      allowed: ['RESIZE', 'DELETE'],
    });
    expect(verdict.violations[0]!.message).toContain('not allowed in ACTIVE');
  });

  it('reports a name that is no operation of the service (an outcome, a stranger)', () => {
    for (const name of ['FAULT', 'NOPE', '__proto__']) {
      const verdict = validateHistory(fixture, ['ACTIVE', op(name)]);
      expect(verdict.violations.map((v) => v.kind)).toEqual(['operation-not-allowed']);
      expect(verdict.violations[0]!.message).toContain(`unknown operation "${name}"`);
    }
  });

  it('reads a record with an operation and a status as the operation, then the status seen after it', () => {
    const v = createValidator(fixture);
    v.pushStatus('ACTIVE');
    expect(v.push({ status: 'DELETING', operation: 'DELETE' })).toBe(true);
    expect(v.verdict().observations).toBe(2);
    expect(v.pushOperation('DELETE')).toBe(false);
    expect(v.lastViolation?.kind).toBe('operation-not-allowed');
  });

  it('applies an operation before any status to every state that allows it', () => {
    const v = createValidator(fixture);
    expect(v.pushOperation('DELETE')).toBe(true);
    expect(v.status).toBe('DELETING');
    expect(v.pushStatus('BROKEN')).toBe(true);
    expect(v.leaves).toEqual(['BROKEN.whileDeleting']);
  });
});

describe('aliases', () => {
  it('reads an alias as its status, with a note, exactly or up to case and spaces', () => {
    const verdict = validateHistory(fixture, ['AVAILABLE', ' scaling ', 'Resize-Pending', 'ACTIVE']);
    expect(verdict.ok).toBe(true);
    expect(verdict.notes.map((n) => [n.index, n.status, n.message])).toEqual([
      [0, 'ACTIVE', '"AVAILABLE" read as ACTIVE (an alias)'],
      [1, 'RESIZING', '" scaling " read as RESIZING (an alias)'],
      [2, 'RESIZING', '"Resize-Pending" read as RESIZING (an alias)'],
    ]);
    expect(verdict.status).toBe('ACTIVE');
  });
});
