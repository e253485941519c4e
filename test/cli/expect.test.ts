import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { expectations, lifecycleModel } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: an ANSI escape starts with ESC
const ANSI = /\u001b\[/;

describe('instance-lifecycle expect', () => {
  it.each(services.map((s) => s.id))('--json prints the library expectations of %s for every target', async (id) => {
    for (const { status } of lifecycleModel(id).states) {
      const result = await runCliCapture(['expect', id, status, '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(expectations(id, status));
    }
  });

  it('prints the three lists to paste, then one reason line per other status', async () => {
    const result = await runCliCapture(['expect', 'kafka', 'DELETED', '--after', 'DELETE']);
    expect(result.code).toBe(0);
    const e = expectations('kafka', 'DELETED', { after: 'DELETE' });
    const lines = result.stdout.split('\n');
    expect(lines).toContain(`target:   ${e.target.join(', ')}`);
    expect(lines).toContain(`pending:  ${e.pending.map((p) => p.status).join(', ')}`);
    expect(lines).toContain(`failure:  ${e.failure.map((f) => f.status).join(', ')}`);
    expect(lines).toContain(`until DELETE shows, also accept: ${e.before!.from.join(', ')}`);
    const why = lines.filter((line) => /^ {2}(pending|failure) /.test(line));
    expect(why).toHaveLength(lifecycleModel('kafka').states.length - 1);
    expect(why.find((line) => line.includes(' RUNNING '))).toMatch(/failure .*settling in FROZEN/);
  });

  it('--from cuts the lists to what a wait from there can meet, as the library does', async () => {
    const result = await runCliCapture(['expect', 'kafka', 'RUNNING', '--from', 'CREATING', '--json']);
    expect(JSON.parse(result.stdout)).toEqual(expectations('kafka', 'RUNNING', { from: 'CREATING' }));
    const text = await runCliCapture([
      'expect',
      'dcs',
      'DELETED',
      '--from',
      'RUNNING',
      '--from',
      'ERROR',
      '--after',
      'DELETE',
    ]);
    expect(text.stdout.split('\n')[0]).toBe('dcs: waiting for DELETED after DELETE, from RUNNING or ERROR');
    // the current API may show RUNNING until the instance is gone (a deletion it does not show), as the OTC v2
    // provider's wait expects
    expect(text.stdout).toContain('pending:  RUNNING, DELETING, FROZEN\n');
  });

  it('takes several targets', async () => {
    const result = await runCliCapture(['expect', 'dcs', 'RUNNING', 'DELETED', '--json']);
    expect(JSON.parse(result.stdout).target).toEqual(['RUNNING', 'DELETED']);
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    expect((await runCliCapture(['expect', 'kafka', 'RUNNING'])).stdout).not.toMatch(ANSI);
    expect((await runCliCapture(['expect', 'kafka', 'RUNNING'], { tty: true })).stdout).toMatch(ANSI);
    expect(
      (await runCliCapture(['expect', 'kafka', 'RUNNING'], { tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toMatch(ANSI);
  });

  it.each([
    [
      ['expect', 'kafka', 'RUNING'],
      /unknown status "RUNING" for kafka \(did you mean RUNNING\?\); known statuses: CREATING, /,
    ],
    [['expect', 'kafka', '__proto__'], /unknown status "__proto__"/],
    [['expect', 'kafa', 'RUNNING'], /unknown service "kafa"; known services: kafka, dcs/],
    [['expect', 'kafka', 'RUNNING', '--after', 'REBOOT'], /unknown operation "REBOOT" for kafka; known operations: /],
    [['expect', 'kafka', 'RUNNING', '--from', 'BOOTING'], /unknown status "BOOTING" for kafka/],
    [['expect', 'kafka'], /missing <target>/],
    [['expect'], /missing <service>/],
    [['expect', 'kafka', 'RUNNING', '--format', 'x'], /unknown --format "x"; expected one of text, json, terraform/],
    [['expect', 'kafka', 'RUNNING', '--bogus'], /Unknown option/],
  ])('%j is a usage error in one line, exit 2', async (args, message) => {
    const result = await runCliCapture(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('has help', async () => {
    const result = await runCliCapture(['expect', '--help']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^Usage: instance-lifecycle expect <service>\|--machine FILE <target>/);
  });
});
