/** validate with your own data: field options, API responses, polls, time units, bad records, several files, live. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { runCliCapture } from '../support/cliHarness.js';

const dir = mkdtempSync(join(tmpdir(), 'validate-own-'));
let n = 0;
function file(text: string, ext = 'txt'): string {
  const path = join(dir, `${++n}.${ext}`);
  writeFileSync(path, text);
  return path;
}

describe('validate: your own fields', () => {
  it('--status-field, --id-field, --time-field with dotted paths (NDJSON) and column names (CSV)', async () => {
    const ndjson = file(
      '{"i":{"name":"a","state":"RUNNING"},"at":1767225600}\n{"i":{"name":"a","state":"DELETED"},"at":1767225660}\n',
    );
    const fields = ['--status-field', 'i.state', '--id-field', 'i.name', '--time-field', 'at'];
    const result = await runCliCapture(['validate', 'kafka', ndjson, '--mode', 'sampled', ...fields]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('legal    instance a (2 observations, last DELETED)');
    const csv = file('when,x\n1767225600,RUNNING\n1767225500,RUNNING\n', 'csv');
    const backwards = await runCliCapture(['validate', 'kafka', csv, '--status-field', 'x', '--time-field', 'when']);
    expect(backwards.code).toBe(1);
    expect(backwards.stdout).toContain(
      'time goes backwards: 2025-12-31T23:58:20.000Z is earlier than the time of line 2',
    );
  });

  it('--time-unit ms reads small numbers as milliseconds; a bad unit or field is a usage error', async () => {
    const path = file('{"status":"RUNNING","time":2000}\n{"status":"RUNNING","time":1000}\n');
    const result = await runCliCapture(['validate', 'kafka', path, '--time-unit', 'ms']);
    expect(result.stdout).toContain('time goes backwards: 1970-01-01T00:00:01.000Z');
    expect((await runCliCapture(['validate', 'kafka', path, '--time-unit', 'h'])).stderr).toMatch(
      /unknown --time-unit "h"; expected one of auto, s, ms/,
    );
    expect((await runCliCapture(['validate', 'kafka', path, '--status-field', 'a..b'])).stderr).toMatch(
      /--status-field must be a field name/,
    );
  });
});

describe('view and inspect read your own data too', () => {
  it('view --status-field, with epoch times shown as ISO 8601', async () => {
    const path = file('{"s":"RUNNING","t":1767225600}\n{"s":"RESTARTING","t":1767225660}\n');
    const out = join(dir, 'view.html');
    const result = await runCliCapture([
      'view',
      'kafka',
      path,
      '--status-field',
      's',
      '--time-field',
      't',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('"time":"2026-01-01T00:01:00.000Z"');
  });

  it('inspect --records', async () => {
    const path = file('{"list":[{"status":"RUNNING"}]}\n{"list":[{"status":"RESTARTING"}]}\n');
    const result = await runCliCapture([
      'inspect',
      'kafka',
      path,
      '--records',
      'list',
      '--no-open',
      '--no-wait',
      '--pace',
      '0',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('replay done: instance is RESTARTING');
  });
});

describe('validate: API responses', () => {
  it('a pretty-printed JSON object, and concatenated documents', async () => {
    const pretty = await runCliCapture([
      'validate',
      'kafka',
      file('{\n  "status": "RUNNING"\n}\n{\n  "status": "RESTARTING"\n}\n'),
    ]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(/^OK: 1 history, 2 observations/m);
  });

  it('--records with --absent-is-gone: an instance missing from a later poll is observed as DELETED', async () => {
    const polls = [
      {
        instances: [
          { instance_id: 'a', status: 'RUNNING' },
          { instance_id: 'b', status: 'RUNNING' },
        ],
        instance_num: 2,
      },
      { instances: [{ instance_id: 'a', status: 'RUNNING' }], instance_num: 1 },
    ];
    const path = file(polls.map((p) => JSON.stringify(p, null, 2)).join('\n'), 'json');
    const result = await runCliCapture([
      'validate',
      'kafka',
      path,
      '--records',
      'instances',
      '--absent-is-gone',
      '--mode',
      'sampled',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('legal    instance b (2 observations, last DELETED)');
    expect(result.stdout).toContain('RUNNING → DELETED: missed DELETING');
    const usage = await runCliCapture(['validate', 'kafka', path, '--absent-is-gone']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--absent-is-gone needs --records/);
  });

  it('a semicolon-separated file: exit 2, naming what was detected', async () => {
    const result = await runCliCapture(['validate', 'kafka', file('time;status\n1;RUNNING\n', 'csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/:1:1: unreadable format: found semicolon-separated values/);
  });
});

describe('validate: bad records', () => {
  const text = '{"status":"RUNNING","id":"a"}\n{"status":null,"id":"a"}\n{"status":"CREATING","id":"a"}\n{"id":"b"}\n';

  it('are listed with their place and counted; the rest is validated; exit 2 after the full report', async () => {
    const path = file(text, 'ndjson');
    const result = await runCliCapture(['validate', 'kafka', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${path}:3: RUNNING → CREATING`);
    expect(result.stdout).toContain(`✗ ${path}:2:1: bad record: expected "status" to be a string, found null`);
    expect(result.stdout).toContain(`✗ ${path}:4:1: bad record: expected a "status" field in the record`);
    expect(result.stdout).toMatch(
      /^BAD INPUT: 2 records without a usable status, skipped \(the rest was validated\)$/m,
    );
  });

  it('--json lists them', async () => {
    const result = await runCliCapture(['validate', 'kafka', file(text, 'ndjson'), '--json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      badRecords: { count: number; records: { line: number; message: string }[] };
    };
    expect(report.ok).toBe(false);
    expect(report.badRecords.count).toBe(2);
    expect(report.badRecords.records.map((r) => r.line)).toEqual([2, 4]);
  });
});

describe('validate: several files', () => {
  it('reports each with its name; the exit code is the worst', async () => {
    const legal = file('RUNNING\nRESTARTING\n');
    const illegal = file('RUNNING\nCREATING\n');
    const result = await runCliCapture(['validate', 'kafka', legal, illegal]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${legal}: kafka, strict mode`);
    expect(result.stdout).toContain(`${illegal}:2: RUNNING → CREATING`);
    const json = JSON.parse((await runCliCapture(['validate', 'kafka', legal, illegal, '--json'])).stdout) as {
      ok: boolean;
      reports: { file: string; ok: boolean }[];
    };
    expect(json.ok).toBe(false);
    expect(json.reports.map((r) => [r.file, r.ok])).toEqual([
      [legal, true],
      [illegal, false],
    ]);
  });

  it('- among them is standard input', async () => {
    const result = await runCliCapture(['validate', 'dcs', file('RUNNING\n'), '-'], { stdin: 'RUNNING\nDELETING\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('<stdin>: dcs, strict mode');
  });
});

describe('validate: live input', () => {
  it('--json-lines prints each finding as an event, then a summary', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-', '--json-lines'], {
      stdin: '{"status":"RUNNING","id":"a"}\n{"status":7}\n{"status":"CREATING","id":"a"}\n',
    });
    expect(result.code).toBe(2);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((e) => e.event)).toEqual(['bad-record', 'violation', 'summary']);
    expect(events[1]).toMatchObject({
      file: '<stdin>',
      instance: 'a',
      line: 3,
      from: 'RUNNING',
      to: 'CREATING',
      kind: 'illegal-transition',
    });
    expect(events[2]).toMatchObject({ ok: false, badRecords: 1, summary: { violations: 1 } });
  });

  it("prints a stream's finding before the stream ends (text and --json-lines)", async () => {
    for (const extra of [[], ['--json-lines']]) {
      const stdin = new PassThrough();
      const stdout = new PassThrough();
      let printed = '';
      const finding = new Promise<void>((resolve) => {
        stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString('utf8');
          if (printed.includes('RUNNING → CREATING')) resolve();
        });
      });
      const run = runCli(['validate', 'kafka', '-', ...extra], { stdin, stdout, stderr: new PassThrough(), env: {} });
      stdin.write('RUNNING\nCREATING\n'); // the stream stays open: a poller still running
      await finding; // printed while the input is still open (the test would time out otherwise)
      expect(printed).not.toMatch(/ILLEGAL: |"event":"summary"/);
      stdin.end('RUNNING\n');
      expect(await run).toBe(1);
      expect(printed).toMatch(/ILLEGAL: 1 history|"event":"summary"/);
    }
  });

  it('in text mode, the final report does not repeat the findings printed live', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-'], { stdin: 'RUNNING\nCREATING\n' });
    expect(result.stdout.match(/RUNNING → CREATING/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/^ {2}✗ <stdin>:2: RUNNING → CREATING/m);
    expect(result.stdout).toMatch(/ILLEGAL {2}history \(2 observations, last CREATING; 1 violation\)/);
  });
});
