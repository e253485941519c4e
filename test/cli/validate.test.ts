import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { cliBin, repoRoot } from '../support/paths.js';

const root = pathToFileURL(repoRoot);
const bin = cliBin;
const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
let n = 0;
function file(text: string, ext = 'txt'): string {
  const path = join(dir, `${++n}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const ndjson = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
/** A bad-input failure: exit 2, one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).toMatch(pattern);
}

describe('validate: verdicts and exit codes', () => {
  it('a legal history from stdin (-): exit 0, summary OK', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-'], {
      stdin: 'CREATING\nRUNNING\nRESTARTING\nRUNNING\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK: 1 history, 4 observations/m);
    expect(result.stderr).toBe('');
  });

  it('reads stdin when no file is given', async () => {
    const result = await runCliCapture(['validate', 'dcs'], { stdin: 'RUNNING\nDELETING\n' });
    expect(result.code).toBe(0);
  });

  it('an illegal history: exit 1, each violation with file:line and what was allowed', async () => {
    const path = file('CREATING\n\nRUNNING\nCREATING\nRUNNING\nDELETED\n');
    const result = await runCliCapture(['validate', 'kafka', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${path}:4: RUNNING → CREATING`);
    expect(result.stdout).toContain(`${path}:6: RUNNING → DELETED`);
    expect(result.stdout).toMatch(/allowed from RUNNING: .*DELETING/);
    expect(result.stdout).toMatch(/^ILLEGAL: 1 history, 5 observations; 0 legal, 1 illegal; 2 violations/m);
  });

  it('sampled mode accepts a skipped transitional status and names it; strict mode rejects it', async () => {
    const path = file('RUNNING\nDELETED\n');
    const sampled = await runCliCapture(['validate', 'kafka', path, '--mode', 'sampled']);
    expect(sampled.code).toBe(0);
    expect(sampled.stdout).toContain(`${path}:2: RUNNING → DELETED: missed DELETING`);
    expect((await runCliCapture(['validate', 'kafka', path, '--mode', 'strict'])).code).toBe(1);
  });

  it('--from-start requires the initial status', async () => {
    const path = file('RUNNING\n');
    expect((await runCliCapture(['validate', 'kafka', path])).code).toBe(0);
    const result = await runCliCapture(['validate', 'kafka', path, '--from-start']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a full life starts at CREATING');
  });

  it('--explain lists each legal change with its events, in input order with the violations', async () => {
    const path = file('RUNNING\nRESTARTING\nRUNNING\nDELETED\nRUNNING\n');
    const result = await runCliCapture(['validate', 'kafka', path, '--mode', 'sampled', '--explain']);
    expect(result.code).toBe(1);
    const findings = result.stdout.split('\n').filter((line) => line.startsWith('    '));
    expect(findings).toEqual([
      `    ✓ ${path}:2: RUNNING → RESTARTING by RESTART`,
      `    ✓ ${path}:3: RESTARTING → RUNNING by RESTART_SUCCEEDED`,
      `    ✓ ${path}:4: RUNNING → DELETED by DELETE then DELETE_SUCCEEDED, missed DELETING`,
      expect.stringMatching(/^ {4}✗ \S+:5: DELETED → RUNNING: DELETED is final/),
    ]);
  });

  it('reads operations in the history: applied to the possible states, or a violation when not allowed', async () => {
    const legal = file(ndjson([{ status: 'RUNNING' }, { operation: 'DELETE' }, { status: 'DELETED' }]));
    expect((await runCliCapture(['validate', 'kafka', legal])).code).toBe(0);
    const refused = file(ndjson([{ status: 'RUNNING' }, { operation: 'TOP_UP' }, { status: 'RUNNING' }]));
    const result = await runCliCapture(['validate', 'kafka', refused, '--json']);
    expect(result.code).toBe(1);
    const violation = JSON.parse(result.stdout).histories[0].violations[0];
    expect(violation).toMatchObject({ index: 1, line: 2, kind: 'operation-not-allowed', to: 'TOP_UP' });
    expect(violation.allowed).toContain('DELETE');
  });

  it('notes a status read after fixing its case, and suggests the closest status for a typo', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-'], { stdin: 'RUNNING\n restarting\nRUNING\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('<stdin>:2: " restarting" read as RESTARTING');
    expect(result.stdout).toContain('<stdin>:3: unknown status "RUNING" for kafka (did you mean RUNNING?)');
  });
});

describe('validate: long histories', () => {
  it('keeps 100 findings per history and counts the rest', async () => {
    const stdin = Array.from({ length: 150 }, (_, i) => `BAD${i}`).join('\n');
    const text = await runCliCapture(['validate', 'dcs', '-'], { stdin });
    expect(text.code).toBe(1);
    expect(text.stdout.match(/unknown status "BAD/g)).toHaveLength(100);
    expect(text.stdout).toContain('… and 50 more violations (counted, not kept)');
    expect(text.stdout).toMatch(/; 150 violations$/m);
    const json = JSON.parse((await runCliCapture(['validate', 'dcs', '-', '--json'], { stdin })).stdout) as {
      summary: { violations: number };
      histories: { violations: unknown[]; omitted: unknown }[];
    };
    expect(json.summary.violations).toBe(150);
    expect(json.histories[0]!.violations).toHaveLength(100);
    expect(json.histories[0]!.omitted).toEqual({ violations: 50, missed: 0, notes: 0 });
  });
});

describe('validate --json', () => {
  it('prints { ok, summary, histories } with the documented fields, grouped per instance', async () => {
    const stdin = ndjson([
      { instance_id: 'a', status: 'RUNNING', time: 1 },
      { instance_id: 'b', status: 'RUNNING', time: 1 },
      { instance_id: 'a', status: 'DELETED', time: 2 },
      { instance_id: 'b', status: 'EXTENDEDFAILED', time: 2 },
      { instance_id: 'b', status: 'DELETING', time: 3 },
    ]);
    const result = await runCliCapture(['validate', 'kafka', '-', '--mode', 'sampled', '--json'], { stdin });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      summary: Record<string, number>;
      histories: {
        instance: string | null;
        ok: boolean;
        observations: number;
        violations: Record<string, unknown>[];
        missed: Record<string, unknown>[];
      }[];
    };
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ histories: 2, observations: 5, violations: 1 });
    expect(report.histories.map((h) => [h.instance, h.ok, h.observations])).toEqual([
      ['a', true, 2],
      ['b', false, 3],
    ]);
    expect(report.histories[0]!.missed).toEqual([
      { index: 1, line: 3, from: 'RUNNING', to: 'DELETED', missed: ['DELETING'] },
    ]);
    const [violation] = report.histories[1]!.violations;
    expect(Object.keys(violation!).sort()).toEqual(['allowed', 'from', 'index', 'kind', 'line', 'message', 'to']);
    expect(violation).toMatchObject({
      index: 2,
      line: 5,
      from: 'EXTENDEDFAILED',
      to: 'DELETING',
      kind: 'illegal-transition',
      allowed: ['RUNNING'],
    });
  });

  it('gives null as the instance of records without one', async () => {
    const result = await runCliCapture(['validate', 'dcs', '-', '--json'], {
      stdin: '["RUNNING", "RESTARTING", "RUNNING"]',
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; histories: { instance: unknown }[]; format: string };
    expect(report).toMatchObject({ ok: true, format: 'json', histories: [{ instance: null }] });
  });
});

describe('validate: bad input and usage errors exit 2 in one line', () => {
  it('malformed NDJSON names file:line:column and what was expected', async () => {
    const path = file('{"status":"RUNNING"}\n{"status" "RUNNING"}\n', 'ndjson');
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', path]),
      new RegExp(`^instance-lifecycle validate: ${path}:2:11: invalid JSON: expected ':' after a property name`),
    );
  });

  it('malformed JSON array names the line and column', async () => {
    const path = file('[\n  "CREATING",\n  RUNNING\n]\n', 'json');
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', path]),
      new RegExp(`${path}:3:3: invalid JSON: expected a value`),
    );
  });

  it('malformed CSV names file:line:column', async () => {
    const path = file('time,status\n1,"RUNNING\n', 'csv');
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', path]),
      new RegExp(`${path}:2:3: invalid CSV: expected a closing '"'`),
    );
  });

  it('a CSV header without a status column', async () => {
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', '-'], { stdin: 'time,state\n1,RUNNING\n' }),
      /<stdin>:1:1: expected a CSV header row with a "status" column, found "time,state"/,
    );
  });

  it('a record without a status: listed as a bad record with its place, exit 2 after the report', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-'], { stdin: '{"state":"RUNNING"}\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('<stdin>:1:1: bad record: expected a "status" (or an "operation") field');
    expect(result.stdout).toMatch(/^BAD INPUT: 1 record without a usable status/m);
  });

  it('empty input is a clear message', async () => {
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', '-'], { stdin: '' }),
      /<stdin>: empty input: no statuses found/,
    );
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', file('\n \n')]),
      /empty input: no statuses found \(nothing but blank lines\)/,
    );
  });

  it('a missing file', async () => {
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', join(dir, 'missing.ndjson')]),
      /missing\.ndjson: cannot read: no such file/,
    );
  });

  it.each([
    [[], /missing <service>/],
    [['nope', '-'], /unknown service "nope"/],
    [['kafka', '-', '--mode', 'lazy'], /unknown --mode "lazy"; expected one of strict, sampled/],
    [['kafka', '-', '--format', 'xml'], /unknown --format "xml"/],
    [['kafka', '-', '-'], /standard input \(-\) can be read only once/],
    [['kafka', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('validate %j', async (args, pattern) => {
    expectOneLineError(await runCliCapture(['validate', ...args], { stdin: 'RUNNING\n' }), pattern);
  });

  it('--format forces a format', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-', '--format', 'lines'], { stdin: 'status\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown status "status"');
  });
});

describe('validate: terminal behaviour', () => {
  it('colours on a TTY, not with NO_COLOR, not when piped; no progress line for a short input', async () => {
    const stdin = 'RUNNING\nDELETED\n';
    const tty = await runCliCapture(['validate', 'kafka'], { stdin, tty: true });
    expect(tty.stdout).toContain('\u001b[31m');
    expect(tty.stderr).toBe('');
    expect(
      (await runCliCapture(['validate', 'kafka'], { stdin, tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
    expect((await runCliCapture(['validate', 'kafka'], { stdin })).stdout).not.toContain('\u001b[');
  });
});

describe('validate as a real process (the built bin)', () => {
  it('validates the bundled fleet log: exit 1, JSON on stdout', () => {
    const run = spawnSync(
      'node',
      [bin, 'validate', 'kafka', 'examples/kafka-fleet.ndjson', '--mode', 'sampled', '--json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { summary: { histories: number; illegal: number } };
    expect(report.summary).toMatchObject({ histories: 3, illegal: 1 });
  });

  it('reads stdin, and reports bad input in one line with exit 2 and no stack trace', () => {
    const ok = spawnSync('node', [bin, 'validate', 'dcs', '-'], { input: 'CREATING\nRUNNING\n', encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync('node', [bin, 'validate', 'dcs', '-'], { input: '[\n"RUNNING",\n]\n', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'instance-lifecycle validate: <stdin>:3:1: invalid JSON: expected a value (string, number, object, array, true, false or null)\n',
    );
  });
});

describe('examples/', () => {
  const examples = JSON.parse(readFileSync(new URL('examples/examples.json', root), 'utf8')) as {
    args: string[];
    expect: string;
  }[];

  it('cover every service, legal and illegal, and every input format', () => {
    expect(new Set(examples.map((e) => e.args[0]))).toEqual(new Set(services.map((s) => s.id)));
    expect(new Set(examples.map((e) => e.expect))).toEqual(new Set(['legal', 'illegal']));
    expect(new Set(examples.map((e) => e.args[1]!.split('.').pop()))).toEqual(
      new Set(['txt', 'json', 'csv', 'ndjson']),
    );
  });

  it('each gives the verdict it is meant to show', async () => {
    for (const example of examples) {
      const result = await runCliCapture([
        'validate',
        ...example.args.map((a) => (a.startsWith('examples/') ? new URL(a, root).pathname : a)),
      ]);
      expect([example.args.join(' '), result.code]).toEqual([
        example.args.join(' '),
        example.expect === 'legal' ? 0 : 1,
      ]);
    }
  });

  it('npm start (dist/scripts/examples.js) prints every report and exits 0', () => {
    const run = spawnSync('node', ['dist/scripts/examples.js'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^\$ instance-lifecycle validate /gm)).toHaveLength(examples.length);
    expect(run.stdout).toMatch(/examples checked: .* as intended\.\n$/);
  });
});

describe('validate --workers', () => {
  it('reads an NDJSON file in several threads with the same report, and refuses a count below 1', async () => {
    const records = Array.from({ length: 400 }, (_, i) => ({
      time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      instance_id: `i-${i % 9}`,
      status: ['CREATING', 'RUNNING', 'RESTARTING', 'RUNNING', 'DELETED'][Math.floor(i / 9) % 5],
    }));
    const path = file(ndjson(records), 'ndjson');
    const one = await runCliCapture(['validate', 'kafka', path, '--json', '--workers', '1']);
    const three = await runCliCapture(['validate', 'kafka', path, '--json', '--workers', '3']);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).summary.observations).toBe(400);
    expect(three).toEqual(one);
    expectOneLineError(
      await runCliCapture(['validate', 'kafka', path, '--workers', '0']),
      /--workers must be a whole number/,
    );
  });
});
