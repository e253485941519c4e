/**
 * The byte path of NDJSON files (the byte scanner into the compact fleet) gives exactly what the ordinary reader
 * gives on the same bytes: the same report, the same bad records, the same errors.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { validateInput } from '../../src/index.js';
import { INSTANCE_FIELDS, STATUS_FIELDS, TIME_FIELDS } from '../../src/input/fields.js';
import { fleetOptions } from '../support/fleetReference.js';
import { ndjsonFile, ordinaryReport, outcome } from '../support/ndjsonFiles.js';
import { subStateService } from '../support/subStateService.js';

const dir = mkdtempSync(join(tmpdir(), 'ndjson-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([...services, subStateService].map((s) => [s.id, s] as const))(
  'NDJSON files as bytes (%s)',
  (id, service) => {
    it('give the report the ordinary reader gives (property)', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(ndjsonFile(service), fleetOptions, async (bytes, options) => {
          const file = join(dir, `${id}-${n++}.ndjson`);
          writeFileSync(file, bytes);
          const read = n % 3 === 0 ? { ...options, format: 'ndjson' as const } : options;
          const fast = await outcome(() => validateInput(service, file, read));
          expect(fast).toEqual(await ordinaryReport(service, bytes, file, read));
        }),
        { numRuns: 60 },
      );
    });
  },
);

describe('NDJSON files as bytes', () => {
  it('read a line the fast way and the ordinary way alike across the 64 KiB reads', async () => {
    const line = (i: number) => `{"time":"2026-01-01T00:00:0${i % 10}Z","instance_id":"i-${i % 7}","status":"RUNNING"}`;
    const text = Array.from({ length: 3000 }, (_, i) => line(i)).join('\n');
    const file = join(dir, 'long.ndjson');
    writeFileSync(file, text);
    const report = await validateInput('kafka', file);
    expect(report.summary).toMatchObject({ histories: 7, observations: 3000 });
    expect(report).toEqual(await ordinaryReport('kafka', Buffer.from(text), file, {}));
  });
});

describe('NDJSON files as bytes, with every built-in field name', () => {
  it('read each name the field table knows as a JSON document reader does (the fast scanners cannot drift from it)', async () => {
    const lines: string[] = [];
    let i = 0;
    for (const statusField of STATUS_FIELDS)
      for (const timeField of TIME_FIELDS)
        for (const idField of INSTANCE_FIELDS)
          for (const status of ['CREATING', 'RUNNING']) {
            const time = new Date(Date.UTC(2026, 0, 1, 0, 0, i++)).toISOString();
            lines.push(JSON.stringify({ [statusField]: status, [timeField]: time, [idField]: `${idField}-x` }));
          }
    const file = join(dir, 'field-names.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const fast = await validateInput('kafka', file);
    // forced JSON reads the lines document by document through the field table (no flat-line scanner)
    const documents = await validateInput('kafka', file, { format: 'json' });
    expect(fast.summary.histories).toBe(INSTANCE_FIELDS.length);
    expect(fast.summary.observations).toBe(lines.length);
    expect(fast.histories).toEqual(documents.histories);
    expect(fast.summary).toEqual(documents.summary);
    // a stream takes the ordinary NDJSON reader, whose flat-line scanner knows the names too
    const streamed = await validateInput('kafka', createReadStream(file));
    expect(streamed.histories).toEqual(documents.histories);
  });
});
