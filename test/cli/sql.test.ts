import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { documented, type Service } from '../../machines/index.js';
import { lifecycleModel } from '../../src/index.js';
import { DIALECTS, violationsQuery } from '../../src/sql/index.js';
import { runCliCapture } from '../support/cliHarness.js';

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
