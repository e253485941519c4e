/**
 * Every `instance-lifecycle ...` command in the README (code blocks and inline code) runs as written (exit 0, or 1 for findings):
 * options and file names in the README cannot drift from the CLI. Skipped, and said so: placeholders (files that do
 * not exist, `[--json]`-style optional parts), pipes, `inspect` and `serve` (they serve until stopped; their own tests
 * run them) and `wait` (it polls a live instance).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../support/cliHarness.js';
import { repoRoot } from '../support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const root = repoRoot;
const out = mkdtempSync(join(tmpdir(), 'readme-commands-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The command lines of the README's code blocks and inline code, without `npx` and trailing comments. */
function readmeCommands(): string[] {
  const parts = readme.split('```');
  const blockLines = parts.filter((_, i) => i % 2 === 1).flatMap((block) => block.split('\n'));
  const inline = parts
    .filter((_, i) => i % 2 === 0)
    .flatMap((text) => [...text.matchAll(/`((?:npx )?instance-lifecycle [^`]+)`/g)].map((m) => m[1]!));
  return [...blockLines, ...inline]
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(npx )?instance-lifecycle /.test(line))
    .map((line) => line.replace(/^npx /, ''));
}

function runnable(line: string): boolean {
  if (line.includes('|') || line.includes('[') || line.includes('>') || line.includes(' inspect ')) return false;
  if (/^(npx )?instance-lifecycle serve\b/.test(line)) return false; // runs until stopped: test/cli/serve.test.ts runs it
  if (line.includes(' wait ')) return false; // it polls a live instance; test/cli/wait.test.ts runs it
  if (line.split(/\s+/).length < 3 && !line.includes('--')) return false; // a command named in prose, not a call
  return line
    .split(/\s+/)
    .filter((word) => /\.(txt|json|ndjson|csv)$/.test(word))
    .every((file) => existsSync(join(root, file)));
}

describe('README commands', () => {
  const commands = readmeCommands();
  const runnableCommands = commands.filter(runnable);

  it('has commands, and most of them run here', () => {
    expect(commands.length).toBeGreaterThan(15);
    expect(runnableCommands.length).toBeGreaterThan(commands.length / 2);
  });

  it.each(runnableCommands)('%s', async (line) => {
    const args = line.split(/\s+/).slice(1);
    const at = args.indexOf('--out');
    if (at >= 0) args[at + 1] = join(out, args[at + 1]!);
    const cwd = process.cwd();
    process.chdir(root); // the README's paths are relative to the project root
    try {
      const result = await runCliCapture(args);
      expect(result.stderr).not.toMatch(/usage|unknown|internal error/i);
      expect([0, 1]).toContain(result.code);
    } finally {
      process.chdir(cwd);
    }
  });
});
