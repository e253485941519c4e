import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusPair } from '../../bench/wideFleet.js';
import { services } from '../../machines/index.js';
import { formatFleetReport, REPORT_PIECE_BYTES } from '../../src/cli/formatFleetReport.js';
import { createFleetValidator } from '../../src/index.js';
import type { FleetReportStream } from '../../src/validation/fleetValidator.js';
import { fleetOptions, noisyFleetLog } from '../support/fleetReference.js';
import { referenceReportText } from '../support/reportTextReference.js';

/** The pieces of the text report, as strings. */
function pieces(report: FleetReportStream): string[] {
  return [...formatFleetReport(report, { file: 'f' })].map((piece) => Buffer.from(piece).toString('utf8'));
}

describe('formatFleetReport', () => {
  it('writes a big report in pieces of some kilobytes, each ending with a line, whose concatenation is the whole report', () => {
    const fleet = createFleetValidator('kafka');
    const [from, to] = statusPair('kafka', 'illegal');
    for (let i = 0; i < 1234; i++)
      fleet.pushAll([
        { instance: `i${i}`, status: from },
        { instance: `i${i}`, status: to },
      ]);
    const chunks = pieces(fleet.report());
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(Buffer.byteLength(chunk)).toBeLessThan(REPORT_PIECE_BYTES + 1000);
      expect(chunk.endsWith('\n')).toBe(true);
    }
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
          const text = pieces(stream).join('');
          expect(text).toBe(pieces({ ...stream, histories: [...stream.histories] }).join(''));
          expect(JSON.stringify(stream)).not.toContain('eventful');
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('formatFleetReport, written as bytes', () => {
  it('prints byte for byte the text the report built as strings printed (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...services).chain((service) => fc.tuple(fc.constant(service), noisyFleetLog(service, 80))),
        fleetOptions,
        fc.record({
          file: fc.oneof(fc.constant('f.ndjson'), fc.string({ unit: 'binary', maxLength: 12 })),
          color: fc.boolean(),
          listLegalUpTo: fc.constantFrom(0, 3, 20),
          findingsShown: fc.boolean(),
        }),
        ([service, log], options, text) => {
          const fleet = createFleetValidator(service, options);
          fleet.pushAll(log);
          const bytes = Buffer.concat([...formatFleetReport(fleet.reportStream(), text)]);
          expect(bytes.toString('utf8')).toBe([...referenceReportText(fleet.reportStream(), text)].join(''));
        },
      ),
      { numRuns: 300 },
    );
  });
});
