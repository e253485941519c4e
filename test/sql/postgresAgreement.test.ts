/**
 * The query in PostgreSQL agrees with the validator on random fleets of every service, as in DuckDB. PostgreSQL
 * runs as a throwaway cluster (test/support/postgres.ts); where it is not installed the test is skipped with a
 * message, except in CI (`.ci/run` installs it), where that is a failure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import type { ValidationMode } from '../../src/index.js';
import { violationsQuery } from '../../src/sql/index.js';
import { fleetRecords } from '../support/fleetRecords.js';
import { type Postgres, startPostgres } from '../support/postgres.js';
import { sortViolations, validatorViolations } from '../support/sqlAgreement.js';
import { subStateService } from '../support/subStateService.js';

const dir = mkdtempSync(join(tmpdir(), 'pg-agreement-'));
let server: Postgres | string = 'not started';
beforeAll(() => {
  server = startPostgres();
  if (typeof server === 'string') {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI: ${server}`);
    console.warn(`skipping the PostgreSQL agreement test: ${server}`);
  }
}, 60_000);
afterAll(() => {
  if (typeof server !== 'string') server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Quote a value for a COPY ... CSV line. */
const csv = (value: string | number | undefined) =>
  value === undefined ? '' : `"${String(value).replaceAll('"', '""')}"`;

describe('the violations query in PostgreSQL agrees with the validator', () => {
  // every registered service, and a fixture whose statuses hide sub-states and have aliases (the fold)
  for (const service of [...services, subStateService]) {
    it(service.id, async (context) => {
      if (typeof server === 'string') return context.skip();
      const pg = server;
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fleetRecords(service),
          fc.constantFrom<ValidationMode>('strict', 'sampled'),
          fc.boolean(),
          async (records, mode, fromStart) => {
            const file = join(dir, `fleet-${service.id}-${n++}.ndjson`);
            writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
            const expected = await validatorViolations(service, file, mode, fromStart);
            // the table a warehouse would hold: times as epoch milliseconds (NULL when missing or unreadable)
            const rows = records.map((r, line) => {
              const ms = r.time === undefined ? undefined : typeof r.time === 'number' ? r.time : Date.parse(r.time);
              const bad = r.time !== undefined && Number.isNaN(ms);
              return [
                csv(line),
                csv(r.instance_id),
                csv(r.status),
                bad || ms === undefined ? '' : csv(ms),
                bad ? 'true' : 'false',
              ].join(',');
            });
            const query = violationsQuery(service, {
              dialect: 'postgres',
              mode,
              fromStart,
              source: {
                table: 'status_log',
                statusColumn: 'status',
                idColumn: 'instance_id',
                timeColumn: 'time_ms',
                orderColumn: 'line',
                invalidTimeColumn: 'bad_time',
              },
            });
            const output = pg.psql(
              [
                'DROP TABLE IF EXISTS status_log;',
                'CREATE TABLE status_log (line int, instance_id text, status text, time_ms double precision, bad_time boolean);',
                'COPY status_log FROM STDIN WITH (FORMAT csv);',
                ...rows,
                '\\.',
                `SELECT COALESCE(json_agg(v), '[]') FROM (${query.replace(/;\s*$/, '')}) v;`,
              ].join('\n'),
            );
            const actual = (
              JSON.parse(output) as {
                instance: string;
                index: number;
                from: string | null;
                to: string;
                kind: string;
                allowed: string[];
              }[]
            ).map(({ from, ...rest }) => (from === null ? rest : { ...rest, from }));
            expect(sortViolations(actual)).toEqual(
              expected.map(({ instance, index, from, to, kind, allowed }) => ({
                instance,
                index,
                ...(from === undefined ? {} : { from }),
                to,
                kind,
                allowed,
              })),
            );
          },
        ),
        { numRuns: 15, seed: 18 },
      );
    }, 120_000);
  }
});
