import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusPair } from '../../bench/wideFleet.js';
import { formatFleetReport } from '../../src/cli/formatFleetReport.js';
import { createFleetValidator } from '../../src/index.js';

describe('formatFleetReport', () => {
  it('writes a big report in pieces of a few hundred histories or lines, whose concatenation is the whole report', () => {
    const fleet = createFleetValidator('kafka');
    const [from, to] = statusPair('kafka', 'illegal');
    for (let i = 0; i < 1234; i++)
      fleet.pushAll([
        { instance: `i${i}`, status: from },
        { instance: `i${i}`, status: to },
      ]);
    const chunks = [...formatFleetReport(fleet.report(), { file: 'f' })];
    expect(chunks.length).toBeGreaterThan(3);
    // pieces of at most 500 histories, and of a few hundred lines (a history's lines are never split)
    for (const chunk of chunks) {
      expect(chunk.split('\n').filter((line) => line.startsWith('  ILLEGAL')).length).toBeLessThanOrEqual(500);
      expect(chunk.split('\n').length).toBeLessThanOrEqual(256 + 10);
    }
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('  ILLEGAL  instance i'))).toHaveLength(1234);
    expect(lines.at(-1)).toMatch(/^ILLEGAL: 1234 histories, 2468 observations; 0 legal, 1234 illegal/);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(chunks.join('').length / 2);
  });
});

describe('formatFleetReport of a report stream', () => {
  it('prints the same text from the histories with something to say as from every history (property)', () => {
    const status = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('RUNNING', 'DELETED') },
      { weight: 1, arbitrary: fc.constantFrom('CREATING', 'DELETING', 'running', 'NOPE') },
    );
    const record = fc.record({ instance: fc.integer({ min: 0, max: 30 }), status });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 60, maxLength: 120 }),
        fc.constantFrom('strict' as const, 'sampled' as const),
        (records, mode) => {
          const fleet = createFleetValidator('kafka', { mode });
          fleet.pushAll(records.map((r, i) => ({ instance: `i${r.instance}`, status: r.status, line: i + 1 })));
          const stream = fleet.reportStream();
          expect(stream.eventful).toBeDefined();
          const text = [...formatFleetReport(stream, { file: 'f' })].join('');
          expect(text).toBe(
            [...formatFleetReport({ ...stream, histories: [...stream.histories] }, { file: 'f' })].join(''),
          );
          expect(JSON.stringify(stream)).not.toContain('eventful');
        },
      ),
      { numRuns: 100 },
    );
  });
});
