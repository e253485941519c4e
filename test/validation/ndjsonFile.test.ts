/**
 * The byte path of NDJSON files (the byte scanner into the compact fleet) gives exactly what the ordinary reader
 * gives on the same bytes: the same report, the same bad records, the same errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { validateInput } from '../../src/index.js';
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
