import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../support/cliHarness.js';
import { machineModule, queueConfig, serviceFile } from '../support/serviceFiles.js';

describe('instance-lifecycle check FILE', () => {
  it('a machine that follows every rule: OK, exit 0 (module or JSON)', async () => {
    for (const file of [
      machineModule(queueConfig()),
      serviceFile(JSON.stringify(queueConfig()), 'json'),
      'examples/my-service.mjs',
    ]) {
      const result = await runCliCapture(['check', file]);
      expect(result.stdout).toBe(`OK: ${file} follows every rule\n`);
      expect(result.code).toBe(0);
    }
  });

  it('one line per finding, exit 1: a misspelled tag, a missing target, an unreachable status', async () => {
    const config = queueConfig() as { states: Record<string, Record<string, unknown>> };
    config.states.ACTIVE!.tags = ['stabel'];
    (config.states.ACTIVE!.on as { DELETE: { target: string } }).DELETE.target = 'DELETNG';
    const file = serviceFile(JSON.stringify(config), 'json');
    const result = await runCliCapture(['check', file]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      `✗ ${file}: ACTIVE: unknown tag "stabel" (did you mean stable?); tags are stable, transitional, failed, final, undocumented`,
    );
    expect(lines).toContain(
      `✗ ${file}: ACTIVE --DELETE--> DELETNG: the target is none of the statuses (did you mean DELETING?)`,
    );
    expect(lines).toContain(`✗ ${file}: DELETING: not reachable from CREATING`);
    expect(lines.at(-1)).toBe(`FINDINGS: ${lines.length - 1} in ${file}`);
    const json = JSON.parse((await runCliCapture(['check', file, '--json'])).stdout) as {
      ok: boolean;
      findings: { rule: string }[];
    };
    expect(json.ok).toBe(false);
    expect(json.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['unknown-tag', 'unknown-target', 'unreachable']),
    );
  });

  it('a file that cannot be loaded: one line, exit 2', async () => {
    const missing = await runCliCapture(['check', 'nowhere.mjs']);
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'instance-lifecycle check: nowhere.mjs: no such file\n',
    });
    const usage = await runCliCapture(['check']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing FILE/);
  });
});
