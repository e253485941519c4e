/** `onFinding`: each finding handed on as soon as it is found (live output), the kept ones only. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createFleetValidator, createValidator, type Finding, validateInput } from '../../src/index.js';

describe('onFinding', () => {
  it('the incremental validator tells each violation, missed step and note at the push that finds it', () => {
    const found: Finding[] = [];
    const v = createValidator('kafka', { mode: 'sampled', instance: 'i', onFinding: (f) => found.push(f) });
    v.push({ status: 'RUNNING', line: 1 });
    expect(found).toEqual([]);
    v.push({ status: 'DELETED', line: 2 });
    expect(found).toMatchObject([{ type: 'missed', instance: 'i', line: 2, missed: ['DELETING'] }]);
    v.push({ status: ' deleted', line: 3 });
    expect(found[1]).toMatchObject({ type: 'note', given: ' deleted', status: 'DELETED' });
    v.push({ status: 'RUNNING', line: 4 });
    expect(found[2]).toMatchObject({ type: 'violation', kind: 'illegal-transition', from: 'DELETED', to: 'RUNNING' });
    expect(found).toHaveLength(3);
  });

  it('tells only what is kept (maxDetails), so live output is bounded like the report', () => {
    const found: Finding[] = [];
    const fleet = createFleetValidator('dcs', { maxDetails: 2, onFinding: (f) => found.push(f) });
    for (let i = 0; i < 5; i++) fleet.push({ status: `BAD${i}`, instance: 'a' });
    expect(found.map((f) => f.type)).toEqual(['violation', 'violation']);
    expect(fleet.report().summary.violations).toBe(5);
  });

  it('validateInput passes it on, and reports bad records as they are read', async () => {
    const events: string[] = [];
    const report = await validateInput('kafka', Readable.from(['{"status":"RUNNING"}\n{"status":1}\n"CREATING"\n']), {
      onFinding: (f) => events.push(`${f.type}:${f.line}`),
      onBadRecord: (r) => events.push(`bad:${r.line}`),
    });
    expect(events).toEqual(['bad:2', 'violation:3']);
    expect(report.badRecords.count).toBe(1);
  });
});
