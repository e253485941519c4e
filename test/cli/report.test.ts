/** `instance-lifecycle report`: the fleet report on the command line, its outputs, options and errors. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lifecycleModel, simulate } from '../../src/index.js';
import type { ConformanceReport } from '../../src/report/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { repoRoot } from '../support/paths.js';
import { queueConfig, serviceFile } from '../support/serviceFiles.js';
import { parseXml } from '../support/xml.js';

const fleet = join(repoRoot, 'examples/kafka-fleet.ndjson');
const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLineError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe('instance-lifecycle report', () => {
  it('prints fitness, violation groups, transitions, dwell times, stuck and drift; exit 1 for an illegal history', async () => {
    const result = await runCliCapture(['report', 'kafka', fleet, '--mode', 'sampled']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('fitness: 2/3 histories legal (66.67%), 9/10 steps legal (90.00%)');
    expect(result.stdout).toMatch(/1× in 1 instance {2}illegal-transition {2}\w+ → \w+ {2}e\.g\. kafka-c \(.*:10\)/);
    expect(result.stdout).toMatch(/dwell time per status/);
    expect(result.stdout).toMatch(/stuck instances \(threshold each status's p99\): none/);
    expect(result.stdout).toMatch(
      /^FINDINGS: 3 histories, 13 observations; 1 illegal; 1 violation; 0 stuck; 0 drift$/m,
    );
  });

  it("--json has validate's summary, and reads several files as one fleet", async () => {
    const lines = readFileSync(fleet, 'utf8').trimEnd().split('\n');
    const first = join(dir, 'part-1.ndjson');
    const second = join(dir, 'part-2.ndjson');
    writeFileSync(first, lines.slice(0, 6).join('\n') + '\n');
    writeFileSync(second, lines.slice(6).join('\n') + '\n');
    const whole = JSON.parse((await runCliCapture(['report', 'kafka', fleet, '--json', '--mode', 'sampled'])).stdout);
    const split = await runCliCapture(['report', 'kafka', first, second, '--json', '--mode', 'sampled']);
    expect(split.code).toBe(1);
    const parts = JSON.parse(split.stdout) as ConformanceReport;
    const validation = JSON.parse(
      (await runCliCapture(['validate', 'kafka', fleet, '--json', '--mode', 'sampled'])).stdout,
    );
    expect(parts.summary).toEqual(validation.summary);
    expect(parts.inputs).toEqual([
      { file: first, format: 'ndjson' },
      { file: second, format: 'ndjson' },
    ]);
    const { inputs: _a, fitness: f1, ...rest1 } = parts;
    const { inputs: _b, fitness: f2, ...rest2 } = whole as ConformanceReport;
    expect(rest1).toEqual(rest2);
    expect(f1.violations[0]!.examples[0]!.file).toBe(second);
    expect(f1.violations[0]!.examples[0]!.lines).toEqual([4]);
    expect({ ...f1, violations: [] }).toEqual({ ...f2, violations: [] });
  });

  it('writes JUnit XML and an HTML page, whole, and says so on stderr', async () => {
    const junit = join(dir, 'conformance.xml');
    const html = join(dir, 'conformance.html');
    const result = await runCliCapture([
      'report',
      'kafka',
      fleet,
      '--mode',
      'sampled',
      '--junit',
      junit,
      '--html',
      html,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`wrote ${junit} (JUnit XML)\nwrote ${html} (HTML page)\n`);
    expect(parseXml(readFileSync(junit, 'utf8')).attributes).toMatchObject({ tests: '3', failures: '1' });
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const drift = await runCliCapture(['report', 'kafka', fleet, '--junit', '-', '--junit-by', 'drift']);
    expect(parseXml(drift.stdout).attributes).toMatchObject({ tests: '1', failures: '0' });
  });

  it('--stuck-after finds an instance stuck in a transitional status (exit 1); --drift-min lowers the bar', async () => {
    const model = lifecycleModel('dcs');
    const { observations } = simulate('dcs', { seed: 1, steps: 1 });
    const log = [
      ...observations.map((o) => JSON.stringify({ ...o, instance_id: 'a' })),
      JSON.stringify({ status: model.initial, time: '2026-01-01T00:00:00Z', instance_id: 'b' }),
      JSON.stringify({ status: observations[1]!.status, time: '2026-01-02T00:00:00Z', instance_id: 'c' }),
    ];
    const file = join(dir, 'stuck.ndjson');
    writeFileSync(file, log.join('\n') + '\n');
    const result = await runCliCapture(['report', 'dcs', file, '--stuck-after', '2h', '--json']);
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.ok).toBe(true);
    expect(report.stuck.instances.map((s) => [s.instance, s.status, s.entered])).toEqual([['b', model.initial, true]]);
    expect(result.code).toBe(1);
    const text = await runCliCapture(['report', 'kafka', fleet, '--mode', 'sampled', '--drift-min', '1']);
    expect(text.stdout).toMatch(/drift \(violations in 1 or more instances\): 1/);
  });

  it('rejects bad options and input in one line (exit 2), writing nothing', async () => {
    const out = join(dir, 'never.html');
    expectOneLineError(await runCliCapture(['report']), /missing <service>/);
    expectOneLineError(
      await runCliCapture(['report', 'kafka', fleet, '--junit-by', 'drift']),
      /--junit-by needs --junit/,
    );
    expectOneLineError(
      await runCliCapture(['report', 'kafka', fleet, '--junit-by', 'x', '--junit', out]),
      /--junit-by/,
    );
    expectOneLineError(await runCliCapture(['report', 'kafka', fleet, '--stuck-after', '2']), /--stuck-after/);
    expectOneLineError(await runCliCapture(['report', 'kafka', fleet, '--drift-min', '0']), /--drift-min/);
    expectOneLineError(await runCliCapture(['report', 'kafka', fleet, '--junit', '-', '--html', '-']), /only one/);
    expectOneLineError(await runCliCapture(['report', 'kafka', fleet, '--json', '--html', '-']), /--json prints/);
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, '{"status":"RUNNING"}\n{"status":\n');
    expectOneLineError(await runCliCapture(['report', 'kafka', fleet, bad, '--html', out]), /bad\.ndjson:2/);
    expect(existsSync(out)).toBe(false);
    expectOneLineError(await runCliCapture(['report', 'kafka', join(dir, 'missing.ndjson')]), /no such file/);
  });

  it('writes input text to the terminal with its control characters escaped', async () => {
    const model = lifecycleModel('kafka');
    const statuses = model.states.map((s) => s.status);
    const log = [model.initial, statuses.find((s) => s !== model.initial)!, model.initial]
      .map((status, i) => JSON.stringify({ instance_id: 'evil\u001b[31m', status, time: i }))
      .join('\n');
    const result = await runCliCapture(['report', 'kafka', '--drift-min', '1'], { stdin: log });
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('evil\\u001b[31m');
  });

  it("reads every input format of the examples, with validate's totals and verdict", async () => {
    const examples = JSON.parse(readFileSync(join(repoRoot, 'examples/examples.json'), 'utf8')) as {
      args: string[];
    }[];
    const cwd = process.cwd();
    process.chdir(repoRoot);
    try {
      for (const { args } of examples) {
        const [validation, report] = await Promise.all([
          runCliCapture(['validate', ...args, '--json']),
          runCliCapture(['report', ...args, '--json']),
        ]);
        const expected = JSON.parse(validation.stdout);
        const got = JSON.parse(report.stdout) as ConformanceReport;
        expect(got.summary, args.join(' ')).toEqual(expected.summary);
        expect(got.ok).toBe(expected.ok);
        expect(got.inputs).toEqual([{ file: expected.file, format: expected.format }]);
        expect(got.observations.total).toBe(expected.summary.observations);
      }
      expect(new Set(examples.map((e) => e.args[1]!.split('.').pop())).size).toBeGreaterThanOrEqual(4);
    } finally {
      process.chdir(cwd);
    }
  });

  it('reports on a service of your own (--machine FILE) and on your own fields', async () => {
    const machine = serviceFile(JSON.stringify(queueConfig('queue')), 'json');
    const rows = [
      ['q-1', 'CREATING', 0],
      ['q-1', 'ACTIVE', 60],
      ['q-1', 'DELETING', 120],
      ['q-1', 'DELETED', 180],
      ['q-2', 'CREATING', 0],
      ['q-2', 'DELETED', 30],
    ].map(([queue, state, at]) => JSON.stringify({ queue, state, at }));
    const result = await runCliCapture(
      ['report', '--machine', machine, '-', '--json', '--id-field', 'queue', '--status-field', 'state'].concat([
        '--time-field',
        'at',
        '--time-unit',
        's',
      ]),
      { stdin: rows.join('\n') + '\n' },
    );
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.service).toBe('queue');
    expect(report.summary).toMatchObject({ histories: 2, observations: 6, illegal: 1 });
    expect(report.fitness.violations.map((v) => [v.from, v.to, v.examples[0]!.instance])).toEqual([
      ['CREATING', 'DELETED', 'q-2'],
    ]);
    expect(report.operations.find((o) => o.operation === 'creation')).toMatchObject({ count: 1, min: 60_000 });
    expect(report.operations.find((o) => o.operation === 'DELETE')).toMatchObject({ count: 1, min: 60_000 });
    const html = await runCliCapture(['report', '--machine', machine, '-', '--html', '-', '--id-field', 'queue'], {
      stdin: rows.map((r) => r.replace('"state"', '"status"').replace('"at"', '"time"')).join('\n') + '\n',
    });
    expect(html.stdout).toMatch(/<!DOCTYPE html>[\s\S]*A queue \(queue\)/);
  });

  it("reads operation records and judges each change as validate does (Kafka's ERROR → DELETED after a DELETE, or not)", async () => {
    const record = (instance: string, minute: number, field: string, value: string) =>
      JSON.stringify({
        instance_id: instance,
        [field]: value,
        time: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
      });
    const log = [
      record('deleted', 0, 'status', 'RUNNING'),
      record('deleted', 1, 'operation', 'DELETE'),
      record('deleted', 2, 'status', 'ERROR'),
      record('deleted', 3, 'status', 'DELETED'),
      record('faulted', 0, 'status', 'RUNNING'),
      record('faulted', 2, 'status', 'ERROR'),
      record('faulted', 3, 'status', 'DELETED'),
    ].join('\n');
    const text = await runCliCapture(['report', 'kafka', '-'], { stdin: log });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('fitness: 1/2 histories legal (50.00%), 4/5 steps legal (80.00%)');
    expect(text.stdout).toMatch(/1× in 1 instance {2}illegal-transition {2}ERROR → DELETED {2}e\.g\. faulted/);
    expect(text.stdout).toContain('  judged illegal: ERROR → DELETED 1×\n');
    expect(text.stdout).toContain('  missed between polls: DELETING 1×\n');
    const json = await runCliCapture(['report', 'kafka', '-', '--json'], { stdin: log });
    const report = JSON.parse(json.stdout) as ConformanceReport;
    expect(report.observations).toMatchObject({ total: 7, operations: 1, starts: 2, changes: 4, repeats: 0 });
    const validated = await runCliCapture(['validate', 'kafka', '-', '--json'], { stdin: log });
    expect(report.summary).toEqual(JSON.parse(validated.stdout).summary);
  });

  it('reads standard input', async () => {
    const result = await runCliCapture(['report', 'kafka', '--json'], { stdin: readFileSync(fleet, 'utf8') });
    expect(JSON.parse(result.stdout).inputs).toEqual([{ file: '<stdin>', format: 'ndjson' }]);
  });
});

describe('instance-lifecycle simulate --durations-from', () => {
  it('draws the durations a report observed', async () => {
    const log = Array.from({ length: 40 }, (_, k) =>
      simulate('dcs', {
        seed: k,
        instance: `i-${k}`,
        steps: 10,
        durations: { byTag: { transitional: { min: 60_000, max: 60_000 } } },
      })
        .observations.map((o) => JSON.stringify(o))
        .join('\n'),
    ).join('\n');
    const input = join(dir, 'calibration.ndjson');
    writeFileSync(input, log + '\n');
    const reportFile = join(dir, 'report.json');
    writeFileSync(reportFile, (await runCliCapture(['report', 'dcs', input, '--json'])).stdout);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
    const transitional = new Set(
      lifecycleModel('dcs')
        .states.filter((s) => s.tags.includes('transitional'))
        .map((s) => s.status),
    );
    expect(report.dwell.some((d) => transitional.has(d.status))).toBe(true);
    const result = await runCliCapture(['simulate', 'dcs', '--seed', '9', '--durations-from', reportFile]);
    expect(result.code).toBe(0);
    const times = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; time: string });
    for (let i = 0; i + 1 < times.length; i++) {
      // every observed transitional dwell was exactly one minute: so is every drawn one
      if (transitional.has(times[i]!.status) && report.dwell.some((d) => d.status === times[i]!.status))
        expect(Date.parse(times[i + 1]!.time) - Date.parse(times[i]!.time)).toBe(60_000);
    }
    expectOneLineError(
      await runCliCapture(['simulate', 'kafka', '--durations-from', reportFile]),
      /report\.json: durations from a report: the report is about dcs, not kafka/,
    );
    writeFileSync(join(dir, 'junk.json'), '{"service":"dcs","dwell":[{"status":"RUNNING","sketch":{"alpha":0.01}}]}');
    expectOneLineError(
      await runCliCapture(['simulate', 'dcs', '--durations-from', join(dir, 'junk.json')]),
      /junk\.json: .*expected "count"/,
    );
  });
});
