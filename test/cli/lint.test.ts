import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { expectations, lifecycleModel, lintWait } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: an ANSI escape starts with ESC
const ANSI = /\u001b\[/;

describe('instance-lifecycle lint', () => {
  it('exit 0 and "no findings" for the derived lists of every service and target', async () => {
    for (const { id } of services) {
      for (const { status } of lifecycleModel(id).states) {
        const e = expectations(id, status, { from: status });
        const result = await runCliCapture([
          'lint',
          id,
          '--target',
          status,
          '--from',
          status,
          '--pending',
          e.pending.map((p) => p.status).join(','),
          '--failure',
          e.failure.map((f) => f.status).join(','),
          '--not-found',
          status,
        ]);
        expect(result.code, result.stdout).toBe(0);
        expect(result.stdout.split('\n').at(-2)).toBe('no findings');
      }
    }
  });

  it('one finding a line, exit 1, as the library finds them; lists may be repeated and comma-separated', async () => {
    const args = ['--target', 'DELETED', '--pending', 'DELETING', '--pending', 'RUNNING,', '--after', 'DELETE'];
    const result = await runCliCapture(['lint', 'dcs', ...args]);
    expect(result.code).toBe(1);
    const report = lintWait('dcs', { target: 'DELETED', pending: ['DELETING', 'RUNNING'], after: 'DELETE' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^dcs: waiting for DELETED after DELETE, from /);
    expect(lines.slice(1, -1)).toHaveLength(report.findings.length);
    for (const [i, f] of report.findings.entries()) {
      expect(lines[i + 1]).toMatch(new RegExp(`^${f.kind} +${f.status} +`));
      expect(lines[i + 1]!.endsWith(f.message)).toBe(true);
    }
    expect(lines.at(-1)).toBe(`${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`);
  });

  it('--json prints the library report', async () => {
    const result = await runCliCapture(['lint', 'dcs', '--target', 'RUNNING', '--pending', 'CREATING', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(lintWait('dcs', { target: 'RUNNING', pending: ['CREATING'] }));
  });

  it('names that are no status are findings, printed escaped', async () => {
    const result = await runCliCapture(['lint', 'dcs', '--target', 'RUNNING', '--pending', 'RUNIN\u001b[2J', '--json']);
    expect(JSON.parse(result.stdout).findings[0]).toMatchObject({ kind: 'never-shows', status: 'RUNIN\u001b[2J' });
    const text = await runCliCapture(['lint', 'dcs', '--target', 'RUNNING', '--pending', 'RUNIN\u001b[2J']);
    expect(text.stdout).not.toMatch(ANSI);
    expect(text.stdout).toContain('RUNIN\\u001b[2J');
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const args = ['lint', 'dcs', '--target', 'RUNNING', '--pending', 'CREATING'];
    expect((await runCliCapture(args)).stdout).not.toMatch(ANSI);
    expect((await runCliCapture(args, { tty: true })).stdout).toMatch(ANSI);
    expect((await runCliCapture(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  it.each([
    [['lint'], /missing <service>/],
    [['lint', 'dcs'], /missing --target/],
    [['lint', 'dcs', 'extra', '--target', 'RUNNING'], /unexpected argument "extra"/],
    [['lint', 'dcs', '--target', 'RUNING'], /unknown status "RUNING" for dcs \(did you mean RUNNING\?\)/],
    [['lint', 'dcs', '--target', 'RUNNING', '--from', 'BOOT'], /unknown status "BOOT"/],
    [['lint', 'dcs', '--target', 'RUNNING', '--after', 'REBOOT'], /unknown operation "REBOOT" for dcs/],
    [['lint', 'dcs', '--target', 'RUNNING', '--not-found', 'GONE'], /unknown status "GONE"/],
    [['lint', 'dcs', '--target', 'RUNNING', '--bogus'], /Unknown option/],
  ])('%j is a usage error in one line, exit 2', async (args, message) => {
    const result = await runCliCapture(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('has help with the kinds of findings and the exit codes', async () => {
    const result = await runCliCapture(['lint', '--help']);
    expect(result.code).toBe(0);
    for (const kind of [
      'unlisted',
      'pending-unreachable',
      'failure-reachable',
      'never-shows',
      'listed-twice',
      'missing-not-found',
    ])
      expect(result.stdout).toContain(kind);
    expect(result.stdout).toMatch(/Exit codes: 0 no findings, 1 findings, 2 usage error/);
  });
});
