/**
 * The README's ```console blocks show commands (`$ instance-lifecycle ...`) with what they print: each runs here and
 * must print exactly that, so the shown output follows the machines (when a machine changes, this test fails with
 * the new output to paste).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../support/cliHarness.js';
import { repoRoot } from '../support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** Each `$ instance-lifecycle ...` line of a console block, with the lines after it up to the next `$` line. */
function shownRuns(): { command: string; output: string }[] {
  const runs: { command: string; output: string }[] = [];
  for (const block of readme
    .split('```console\n')
    .slice(1)
    .map((rest) => rest.split('```')[0]!)) {
    let current: { command: string; lines: string[] } | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith('$ ')) {
        if (current) runs.push({ command: current.command, output: current.lines.join('\n').trimEnd() });
        current = { command: line.slice(2), lines: [] };
      } else current?.lines.push(line);
    }
    if (current) runs.push({ command: current.command, output: current.lines.join('\n').trimEnd() });
  }
  return runs;
}

describe('README console blocks', () => {
  const runs = shownRuns();

  it('has some', () => {
    expect(runs.length).toBeGreaterThan(1);
  });

  it.each(runs.map((run) => [run.command, run] as const))('%s prints what the README shows', async (_, run) => {
    const [program, ...args] = run.command.split(/\s+/);
    expect(program).toBe('instance-lifecycle');
    const cwd = process.cwd();
    process.chdir(repoRoot);
    try {
      const result = await runCliCapture(args);
      expect(result.stdout.trimEnd(), `the README should show:\n${result.stdout}`).toBe(run.output);
    } finally {
      process.chdir(cwd);
    }
  });
});
