/**
 * The package's entry points, as a user's program loads them from the build: the root stays light (none of the
 * heavy parts' dependencies load), `instance-lifecycle/testing` works without fast-check except for the
 * arbitraries, and every subpath in package.json resolves to a built module.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

const hook = join(repoRoot, 'test/support/hidePackages.mjs');
const dir = mkdtempSync(join(tmpdir(), 'entry-points-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

/** Run an ES module script in the repository root (so `instance-lifecycle` resolves to this package). */
function run(script: string, hide: string[] = []) {
  const log = join(dir, `resolved-${Math.random().toString(36).slice(2)}.txt`);
  const result = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, HIDE_PACKAGES: hide.join(','), RESOLVED_LOG: log },
  });
  let resolved: string[] = [];
  try {
    resolved = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
  } catch {
    // nothing resolved
  }
  return { ...result, resolved };
}

describe('package entry points', () => {
  it('every subpath export resolves to a built module', () => {
    for (const subpath of Object.keys(pkg.exports).filter((s) => s !== './package.json')) {
      const name = `instance-lifecycle${subpath.slice(1)}`;
      const result = run(
        `const m = await import(${JSON.stringify(name)}); if (Object.keys(m).length === 0) process.exit(3);`,
      );
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
    }
  });

  it('the root loads none of the heavy parts (Graphviz, the inspector, fast-check)', () => {
    const result = run(
      `const m = await import('instance-lifecycle'); console.log(m.validateHistory('kafka', ['RUNNING', 'DELETED'], { mode: 'sampled' }).ok);`,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('true');
    expect(result.resolved).toContain('xstate');
    for (const heavy of ['@viz-js/viz', '@statelyai/inspect', 'fast-check', 'ws'])
      expect(result.resolved).not.toContain(heavy);
  });

  it('instance-lifecycle/testing works without fast-check, except for the arbitraries, which say how to get it', () => {
    const script = `
      const { createSimulatedInstance, validateByReplay, legalHistory } = await import('instance-lifecycle/testing');
      const instance = createSimulatedInstance('kafka', { from: 'RUNNING' });
      await instance.request('RESTART');
      console.log(await instance.status(), validateByReplay('kafka', ['RUNNING', 'RESTARTING']).ok);
      try { legalHistory('kafka'); } catch (error) { console.log(error.message); }`;
    const result = run(script, ['fast-check']);
    expect(result.stderr).toBe('');
    const [first, second] = result.stdout.trim().split('\n');
    expect(first).toBe('RESTARTING true');
    expect(second).toMatch(/need fast-check: npm install --save-dev fast-check/);
  });

  it('with fast-check installed, the arbitraries of instance-lifecycle/testing generate legal histories', () => {
    const script = `
      const fc = (await import('fast-check')).default;
      const { legalHistory } = await import('instance-lifecycle/testing');
      const { validateHistory } = await import('instance-lifecycle');
      fc.assert(fc.property(legalHistory('dcs'), (h) => validateHistory('dcs', h).ok), { numRuns: 20 });
      console.log('ok');`;
    const result = run(script);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  });
});
