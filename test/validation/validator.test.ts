import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { createValidator, lifecycleModel, validateHistory } from '../../src/index.js';
import { spellingKey, spellings } from '../../src/model/index.js';

describe('validateHistory (examples)', () => {
  it('accepts RUNNING then DELETED in sampled mode, naming DELETING as missed', () => {
    const verdict = validateHistory('kafka', ['RUNNING', 'DELETED'], { mode: 'sampled' });
    expect(verdict.ok).toBe(true);
    expect(verdict.missed).toEqual([{ index: 1, from: 'RUNNING', to: 'DELETED', missed: ['DELETING'] }]);
  });

  it('rejects RUNNING then DELETED in strict mode, at index 1, listing what was allowed', () => {
    const verdict = validateHistory('kafka', ['RUNNING', 'DELETED'], { mode: 'strict' });
    expect(verdict.ok).toBe(false);
    expect(verdict.violations).toHaveLength(1);
    expect(verdict.violations[0]).toMatchObject({
      index: 1,
      from: 'RUNNING',
      to: 'DELETED',
      kind: 'illegal-transition',
    });
    expect(verdict.violations[0]!.allowed).toContain('DELETING');
    expect(verdict.violations[0]!.allowed).not.toContain('DELETED');
  });

  it('treats prototype names as unknown statuses, not as object keys', () => {
    const verdict = validateHistory('dcs', ['RUNNING', '__proto__', 'constructor', 'toString']);
    expect(verdict.violations.map((v) => [v.index, v.kind])).toEqual([
      [1, 'unknown-status'],
      [2, 'unknown-status'],
      [3, 'unknown-status'],
    ]);
  });

  it('reads a status that differs only in case or spaces as the canonical one, with a note', () => {
    const verdict = validateHistory('kafka', ['RUNNING', ' restarting ', 'RUNNING']);
    expect(verdict.ok).toBe(true);
    expect(verdict.notes).toMatchObject([{ index: 1, given: ' restarting ', status: 'RESTARTING' }]);
  });

  it('suggests the closest status for a typo', () => {
    const [violation] = validateHistory('kafka', ['RUNING']).violations;
    expect(violation).toMatchObject({ kind: 'unknown-status', suggestion: 'RUNNING' });
  });

  it('requires the initial status with fromStart', () => {
    expect(validateHistory('kafka', ['RUNNING'], { fromStart: true }).violations[0]?.kind).toBe('not-initial');
    expect(validateHistory('kafka', ['CREATING', 'RUNNING'], { fromStart: true }).ok).toBe(true);
  });

  it('reports times that go backwards and unreadable times, and goes on', () => {
    const verdict = validateHistory('kafka', [
      { status: 'RUNNING', time: '2026-01-01T00:10:00Z' },
      { status: 'RESTARTING', time: '2026-01-01T00:05:00Z' },
      { status: 'RUNNING', time: 'yesterday' },
      { status: 'DELETED' },
    ]);
    expect(verdict.violations.map((v) => [v.index, v.kind])).toEqual([
      [1, 'time-backwards'],
      [2, 'invalid-time'],
      [3, 'illegal-transition'],
    ]);
  });

  it('explains each change by its events when asked', () => {
    const verdict = validateHistory('kafka', ['RUNNING', 'RESTARTING', 'RUNNING'], { explain: true });
    expect(verdict.steps?.map((s) => s.events)).toEqual([['RESTART'], ['RESTART_SUCCEEDED']]);
  });

  it('nothing follows a final status', () => {
    const verdict = validateHistory('kafka', ['DELETED', 'RUNNING'], { mode: 'sampled' });
    expect(verdict.violations[0]).toMatchObject({ index: 1, allowed: [] });
    expect(verdict.violations[0]!.message).toMatch(/final/);
  });
});

describe('createValidator (incremental)', () => {
  it('gives the verdict so far after each push', () => {
    const validator = createValidator('dcs', { mode: 'strict' });
    expect(validator.push({ status: 'CREATING' })).toBe(true);
    expect(validator.status).toBe('CREATING');
    expect(validator.push({ status: 'RESTORING', line: 7 })).toBe(false);
    expect(validator.lastViolation).toMatchObject({ index: 1, line: 7, from: 'CREATING', to: 'RESTORING' });
    expect(validator.verdict()).toMatchObject({ ok: false, observations: 2, status: 'RESTORING' });
  });
});

describe('spellings of a status (every service)', () => {
  it.each(services.map((s) => s.id))(
    '%s: a status in another case or with surrounding spaces is read as the status, with a note',
    (id) => {
      const statuses = lifecycleModel(id).states.map((s) => s.status);
      const variant = fc.tuple(fc.constantFrom(...statuses), fc.boolean(), fc.constantFrom('', ' ', '\t'));
      fc.assert(
        fc.property(variant, ([status, lower, pad]) => {
          const given = `${pad}${lower ? status.toLowerCase() : status.toUpperCase()}${pad}`;
          fc.pre(given !== status);
          const verdict = validateHistory(id, [status, given]);
          expect(verdict.violations).toEqual([]);
          expect(verdict.notes).toEqual([expect.objectContaining({ index: 1, given, status })]);
        }),
      );
    },
  );

  it('reads a spelling as a status only when no other status shares it', () => {
    const map = spellings(['Running', 'RUNNING', 'ScalingUp', 'CREATE FAIL']);
    expect(map.get(spellingKey(' running'))).toBeUndefined();
    expect(map.get(spellingKey('scalingup '))).toBe('ScalingUp');
    expect(map.get(spellingKey('create fail'))).toBe('CREATE FAIL');
    expect(map.get(spellingKey('createfail'))).toBeUndefined();
  });
});
