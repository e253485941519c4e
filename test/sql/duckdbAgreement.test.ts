/**
 * The SQL query agrees with the validator: random fleets of every service (legal, with planted illegal steps,
 * unknown statuses, spelling variants, missing, unreadable and backward times), in both modes and with or without
 * `fromStart`, give exactly the same violations from `validate` and from the query run in embedded DuckDB; a fixture
 * whose statuses hide sub-states and have aliases is folded over each history, as the validator tracks it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import type { ValidationMode } from '../../src/index.js';
import { validateWithDuckDb } from '../../src/sql/duckdbEngine.js';
import { fleetRecords } from '../support/fleetRecords.js';
import { sortViolations, validatorViolations } from '../support/sqlAgreement.js';
import { subStateService } from '../support/subStateService.js';

const dir = mkdtempSync(join(tmpdir(), 'sql-agreement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('the violations query in DuckDB agrees with the validator', () => {
  // every registered service, and a fixture whose statuses hide sub-states and have aliases (the fold)
  for (const service of [...services, subStateService]) {
    it(service.id, async () => {
      await fc.assert(
        fc.asyncProperty(
          fleetRecords(service),
          fc.constantFrom<ValidationMode>('strict', 'sampled'),
          fc.boolean(),
          async (records, mode, fromStart) => {
            const file = join(dir, `fleet-${n++}.ndjson`);
            writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
            const expected = await validatorViolations(service, file, mode, fromStart);
            const actual = await validateWithDuckDb(service, file, { mode, fromStart });
            expect(sortViolations(actual.violations)).toEqual(expected);
            expect(actual.ok).toBe(expected.length === 0);
          },
        ),
        { numRuns: 25, seed: 18 },
      );
    });
  }

  it('reads CSV as well, with the same verdicts', async () => {
    const file = join(dir, 'fleet.csv');
    writeFileSync(
      file,
      'time,instance_id,status\n2026-01-01T00:00:00Z,a,CREATING\n2026-01-01T00:01:00Z,a,RESTARTING\n2026-01-01T00:02:00Z,b,running\n',
    );
    const actual = await validateWithDuckDb('kafka', file, { fromStart: true });
    expect(sortViolations(actual.violations)).toEqual(await validatorViolations('kafka', file, 'strict', true));
    expect(actual.violations.map((v) => v.kind)).toEqual(['illegal-transition', 'not-initial']);
    expect(actual.summary).toMatchObject({ histories: 2, observations: 3, illegal: 2 });
  });
});
