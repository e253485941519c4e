import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import type { Command } from '../../src/cli/command.js';
import { EXIT_INTERNAL, runCli } from '../../src/cli/run.js';
import { lifecycleModel, type ServiceSummary } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { cliBin, repoRoot } from '../support/paths.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('instance-lifecycle (main options)', () => {
  it('prints help listing every command, exit 0; no command is a usage error, exit 2', async () => {
    const help = await runCliCapture(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: instance-lifecycle <command>/);
    for (const name of ['services', 'graph']) expect(help.stdout).toContain(`  ${name} `);
    const none = await runCliCapture([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage:');
  });

  it('prints the package version', async () => {
    expect(await runCliCapture(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('rejects an unknown command in one line, exit 2', async () => {
    const result = await runCliCapture(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });

  it('runs as a real executable (the built bin), with exit codes and no stack trace', () => {
    const bin = cliBin;
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
    const bad = spawnSync('node', [bin, 'graph', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('instance-lifecycle (a bug in a command)', () => {
  const broken: Command = {
    name: 'broken',
    summary: 'throws',
    help: 'Usage: broken',
    run: async () => {
      throw new TypeError('boom');
    },
  };

  async function runBroken(env: NodeJS.ProcessEnv) {
    let stderr = '';
    const sink = {
      write: (chunk: string, done: (error?: Error | null) => void) => {
        stderr += chunk;
        done(null);
        return true;
      },
    };
    const io = { stdout: sink, stderr: sink, stdin: process.stdin, env } as unknown as Parameters<typeof runCli>[1];
    const code = await runCli(['broken'], io, [broken]);
    return { code, stderr };
  }

  it('says "internal error" in one line, exit 70, without a stack trace', async () => {
    const { code, stderr } = await runBroken({});
    expect(code).toBe(EXIT_INTERNAL);
    expect(stderr).toBe('instance-lifecycle broken: internal error: boom\n');
  });

  it('adds the stack trace only with DEBUG set', async () => {
    const { code, stderr } = await runBroken({ DEBUG: '1' });
    expect(code).toBe(EXIT_INTERNAL);
    expect(stderr).toMatch(/^instance-lifecycle broken: internal error: boom\nTypeError: boom\n\s+at /);
  });
});

describe('instance-lifecycle services', () => {
  it('--json lists every registered service with its statuses', async () => {
    const result = await runCliCapture(['services', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as ServiceSummary[];
    expect(rows.map((r) => r.id)).toEqual(services.map((s) => s.id));
    expect((await runCliCapture(['services', '--json'])).stdout).toBe(result.stdout); // a stable order
    for (const row of rows) {
      const service = services.find((s) => s.id === row.id)!;
      const model = lifecycleModel(row.id);
      expect(row).toMatchObject({ name: service.name, page: service.page });
      expect(row.statuses).toEqual(model.states.map((s) => s.status));
      const undocumented = model.states.filter((s) => s.tags.includes('undocumented')).length;
      const inferred = model.transitions.filter((t) => t.basis === 'inferred').length;
      const events = (kind: string) => new Set(model.transitions.filter((t) => t.kind === kind).map((t) => t.event));
      expect(row.counts).toEqual({
        statuses: model.states.length,
        documented: model.states.length - undocumented,
        undocumented,
        transitions: model.transitions.length,
        documentedTransitions: model.transitions.length - inferred,
        inferredTransitions: inferred,
        operations: events('operation').size,
        outcomes: events('outcome').size,
      });
    }
  });

  it('prints a table by default and refuses extra arguments', async () => {
    const table = await runCliCapture(['services']);
    for (const service of services) {
      const line = table.stdout.split('\n').find((l) => l.startsWith(`${service.id} `));
      expect(line, service.id).toContain(`${service.name}: page ${service.page}`);
    }
    const extra = await runCliCapture(['services', 'kafka']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "kafka"');
  });
});

describe('instance-lifecycle graph', () => {
  it.each(services.map((s) => s.id))('--format json prints the plain data of %s', async (id) => {
    const result = await runCliCapture(['graph', id, '--format', 'json']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as Record<string, unknown>;
    const model = lifecycleModel(id);
    expect(Object.keys(data)).toEqual(['service', 'initial', 'states', 'transitions']);
    expect(data.service).toBe(id);
    expect(data.initial).toBe(model.initial);
    // the plain-data model as it is: sub-states, aliases and the documenting page version included
    expect(data.states).toEqual(JSON.parse(JSON.stringify(model.states)));
    const transitions = data.transitions as Record<string, unknown>[];
    expect(transitions.map((t) => [t.from, t.to, t.event, t.kind, t.basis])).toEqual(
      model.transitions.map((t) => [t.from, t.to, t.event, t.kind, t.basis]),
    );
    for (const t of transitions) if (t.basis === 'documented') expect(t.source).toBeTruthy();
  });

  it('--format mermaid prints a state diagram', async () => {
    const result = await runCliCapture(['graph', 'dcs', '--format', 'mermaid']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('stateDiagram-v2\n')).toBe(true);
  });

  it('--format dot prints a digraph with one edge per transition', async () => {
    const result = await runCliCapture(['graph', 'kafka', '--format', 'dot']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^digraph "kafka" \{/);
    const edges = result.stdout.split('\n').filter((line) => /^\s*s[\d_]+ -> s[\d_]+/.test(line));
    expect(edges).toHaveLength(lifecycleModel('kafka').transitions.length);
  });

  it('names the known services for an unknown one, and the formats for an unknown format, exit 2', async () => {
    const unknown = await runCliCapture(['graph', 'nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`known services: ${services.map((s) => s.id).join(', ')}`);
    const format = await runCliCapture(['graph', 'kafka', '--format', 'png']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown --format "png"; expected one of json, mermaid, dot, svg/);
    expect((await runCliCapture(['graph'])).code).toBe(2);
    expect((await runCliCapture(['graph', 'kafka', '--colour'])).code).toBe(2);
  });
});
