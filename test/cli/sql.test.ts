import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { documented, type Service, services } from '../../machines/index.js';
import { lifecycleModel } from '../../src/index.js';
import { DIALECTS, violationsQuery } from '../../src/sql/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { queueConfig, serviceFile } from '../support/serviceFiles.js';
import { subStateService } from '../support/subStateService.js';

const dir = mkdtempSync(join(tmpdir(), 'sql-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('instance-lifecycle sql', () => {
  it('prints one query per dialect, with every status of the machine as data', async () => {
    for (const dialect of DIALECTS) {
      const { code, stdout, stderr } = await runCliCapture(['sql', 'kafka', '--dialect', dialect, '--mode', 'sampled']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(/^-- Violations of the kafka lifecycle \(sampled mode\)/);
      for (const { status } of lifecycleModel('kafka').states) expect(stdout).toContain(`'${status}'`);
      expect(stdout.trimEnd().endsWith(';')).toBe(true);
    }
  });

  it('quotes the table and columns given, part by part', async () => {
    const { stdout } = await runCliCapture([
      'sql',
      'dcs',
      '--dialect',
      'bigquery',
      '--table',
      'ds.polls',
      '--time-col',
      'ts',
    ]);
    expect(stdout).toContain('FROM `ds`.`polls`');
    expect(stdout).toContain('`ts`');
  });

  it('refuses a missing or unknown dialect and an unknown mode (exit 2, one line)', async () => {
    for (const args of [
      ['sql', 'kafka'],
      ['sql', 'kafka', '--dialect', 'oracle'],
      ['sql', 'kafka', '--dialect', 'duckdb', '--mode', 'x'],
    ]) {
      const { code, stderr } = await runCliCapture(args);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('escapes statuses as each dialect reads string literals', () => {
    const machine = setup({}).createMachine({
      id: 'odd',
      initial: "it's",
      states: {
        "it's": { tags: ['stable'], on: { GO: { target: 'DONE', meta: documented('operation', 'page') } } },
        DONE: { tags: ['final'] },
      },
    });
    const odd: Service = { id: 'odd', name: 'Odd', page: 'p', machine };
    const source = { table: 't', statusColumn: 's', timeColumn: 'time' };
    expect(violationsQuery(odd, { dialect: 'duckdb', source })).toContain("'it''s'");
    expect(violationsQuery(odd, { dialect: 'postgres', source })).toContain("'it''s'");
    for (const dialect of ['bigquery', 'spark', 'clickhouse'] as const) {
      expect(violationsQuery(odd, { dialect, source })).toContain("'it\\'s'");
    }
  });
});

describe('the query where statuses hide sub-states', () => {
  const source = { table: 't', statusColumn: 's', idColumn: 'id', timeColumn: 'time' };

  it('folds each history in DuckDB, PostgreSQL and BigQuery, and says NOT EXACT in Spark and ClickHouse', () => {
    for (const dialect of DIALECTS) {
      const query = violationsQuery(subStateService, { dialect, source });
      const exact = dialect === 'duckdb' || dialect === 'postgres' || dialect === 'bigquery';
      expect(query.includes('WITH RECURSIVE'), dialect).toBe(exact);
      expect(query.includes('-- NOT EXACT: statuses of fixture hide sub-states (BROKEN)'), dialect).toBe(!exact);
    }
  });

  it('is neither recursive nor marked inexact for a machine without sub-states', () => {
    // the first built-in machine whose statuses hide none (DCS and Kafka have some)
    const plain = services.find((s) => lifecycleModel(s).leaves.length === lifecycleModel(s).states.length)!;
    expect(plain).toBeDefined();
    for (const dialect of DIALECTS) {
      const query = violationsQuery(plain.id, { dialect, source });
      expect(query).not.toContain('RECURSIVE');
      expect(query).not.toContain('NOT EXACT');
    }
  });

  it('validate --engine duckdb gives the verdict of the validator on a machine of your own with sub-states', async () => {
    // BROKEN hides how it was entered: after DELETING it can only finish the deletion, not be repaired
    const config = queueConfig('broken-queue');
    const op = (note: string) => ({ kind: 'operation', basis: 'inferred', note });
    const outcome = { kind: 'outcome', basis: 'documented', source: 'queue-page' };
    const states = config.states as Record<string, Record<string, unknown>>;
    states.ACTIVE!.on = {
      DELETE: { target: 'DELETING', meta: op('a user deletes it') },
      FAULT: { target: 'BROKEN', meta: outcome },
    };
    states.DELETING!.on = {
      DELETED: { target: 'DELETED', meta: outcome },
      FAULT: { target: 'BROKEN.whileDeleting', meta: outcome },
    };
    states.BROKEN = {
      tags: ['failed', 'stable'],
      initial: 'faulted',
      states: {
        faulted: { on: { REPAIR: { target: '#broken-queue.ACTIVE', meta: op('a user repairs it') } } },
        whileDeleting: { on: { DELETED: { target: '#broken-queue.DELETED', meta: outcome } } },
      },
    };
    const machine = serviceFile(JSON.stringify(config), 'json');
    const file = join(dir, 'broken.ndjson');
    const log = [
      ['a', 'ACTIVE'],
      ['a', 'BROKEN'],
      ['a', 'ACTIVE'],
      ['b', 'DELETING'],
      ['b', 'BROKEN'],
      ['b', 'ACTIVE'],
    ];
    writeFileSync(file, log.map(([id, status]) => JSON.stringify({ instance_id: id, status })).join('\n'));
    const validator = await runCliCapture(['validate', '--machine', machine, file, '--json']);
    const duckdb = await runCliCapture(['validate', '--machine', machine, file, '--engine', 'duckdb', '--json']);
    expect({ validator: validator.code, duckdb: duckdb.code }).toEqual({ validator: 1, duckdb: 1 });
    const { violations } = JSON.parse(duckdb.stdout) as { violations: object[] };
    expect(violations).toEqual([
      { instance: 'b', index: 2, from: 'BROKEN', to: 'ACTIVE', kind: 'illegal-transition', allowed: ['DELETED'] },
    ]);
    const report = JSON.parse(validator.stdout) as { histories: { instance: string; violations: object[] }[] };
    const own = report.histories.flatMap((h) => h.violations.map((v) => ({ instance: h.instance, ...v })));
    expect(own).toMatchObject(violations);
  });
});

describe('instance-lifecycle validate --engine duckdb', () => {
  it('gives the verdict of the validator, exit 1 on a violation, and JSON with --json', async () => {
    const file = join(dir, 'fleet.ndjson');
    writeFileSync(
      file,
      [
        '{"instance_id":"a","status":"RUNNING"}',
        '{"instance_id":"a","status":"CREATING"}',
        '{"instance_id":"b","status":"RUNNING"}',
      ].join('\n'),
    );
    const text = await runCliCapture(['validate', 'kafka', file, '--engine', 'duckdb']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('"a" #1: RUNNING → CREATING: illegal-transition');
    const json = await runCliCapture(['validate', 'kafka', file, '--engine', 'duckdb', '--json']);
    const report = JSON.parse(json.stdout) as { ok: boolean; summary: { histories: number }; violations: unknown[] };
    expect(report).toMatchObject({ ok: false, summary: { histories: 2, observations: 3, illegal: 1, violations: 1 } });
    const legal = join(dir, 'legal.ndjson');
    writeFileSync(legal, '{"instance_id":"a","status":"RUNNING"}\n');
    expect((await runCliCapture(['validate', 'kafka', legal, '--engine', 'duckdb'])).code).toBe(0);
  });

  it('refuses standard input, --format and unknown engines (exit 2)', async () => {
    expect((await runCliCapture(['validate', 'kafka', '-', '--engine', 'duckdb'], { stdin: 'RUNNING\n' })).code).toBe(
      2,
    );
    expect(
      (await runCliCapture(['validate', 'kafka', 'x.ndjson', '--engine', 'duckdb', '--format', 'json'])).code,
    ).toBe(2);
    expect((await runCliCapture(['validate', 'kafka', 'x.ndjson', '--engine', 'sqlite'])).code).toBe(2);
  });
});
