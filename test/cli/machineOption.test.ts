/** `--machine FILE` on every command that takes a service: the service is loaded from the file, not the registry. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../support/cliHarness.js';
import { machineModule, queueConfig, serviceFile } from '../support/serviceFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'machine-option-'));
// a custom service that calls itself kafka: it must be itself everywhere, never the built-in Kafka
const impostor = machineModule(queueConfig('kafka'));
const json = serviceFile(JSON.stringify(queueConfig('queue')), 'json');
const history = join(dir, 'h.txt');
writeFileSync(history, 'CREATING\nACTIVE\nDELETED\n');

describe('--machine FILE', () => {
  it("graph draws the file's machine (even with a built-in id)", async () => {
    const result = await runCliCapture(['graph', '--machine', impostor]);
    const model = JSON.parse(result.stdout) as { service: string; states: { status: string }[] };
    expect(model.service).toBe('kafka');
    expect(model.states.map((s) => s.status)).toEqual(['CREATING', 'ACTIVE', 'DELETING', 'DELETED']);
    expect((await runCliCapture(['graph', '--machine', json, '--format', 'mermaid'])).stdout).toContain('ACTIVE');
  });

  it("validate, with the statuses of the file's machine", async () => {
    const sampled = await runCliCapture(['validate', '--machine', json, history, '--mode', 'sampled']);
    expect(sampled.code).toBe(0);
    expect(sampled.stdout).toContain('ACTIVE → DELETED: missed DELETING');
    expect((await runCliCapture(['validate', '--machine', impostor, history])).stdout).toMatch(
      /no transition of kafka leads there/,
    );
  });

  it('simulate, paths and expect', async () => {
    const simulated = await runCliCapture(['simulate', '--machine', json, '--seed', '3']);
    expect(simulated.code).toBe(0);
    expect(simulated.stdout.trimEnd().split('\n').at(-1)).toContain('"status":"DELETED"');
    const paths = await runCliCapture(['paths', '--machine', impostor, '--cover', 'transitions']);
    expect(paths.stdout).toBe('CREATING --CREATED--> ACTIVE --DELETE--> DELETING --DELETED--> DELETED\n');
    const expected = await runCliCapture([
      'expect',
      '--machine',
      json,
      'DELETED',
      '--from',
      'ACTIVE',
      '--after',
      'DELETE',
      '--json',
    ]);
    expect((JSON.parse(expected.stdout) as { pending: { status: string }[] }).pending.map((p) => p.status)).toEqual([
      'DELETING',
    ]);
  });

  it("view writes the page with the file's diagram", async () => {
    const out = join(dir, 'v.html');
    const result = await runCliCapture(['view', '--machine', impostor, history, '--out', out, '--mode', 'sampled']);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('ACTIVE');
    expect(html).not.toContain('EXTENDEDFAILED');
  });

  it("inspect replays with the file's machine", async () => {
    const result = await runCliCapture([
      'inspect',
      '--machine',
      json,
      history,
      '--no-open',
      '--no-wait',
      '--pace',
      '0',
      '--mode',
      'sampled',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('replay done: instance is DELETED');
  });

  it('lint, wait and sql (commands added later, with the same helper)', async () => {
    const lint = await runCliCapture([
      'lint',
      '--machine',
      json,
      '--target',
      'DELETED',
      '--pending',
      'DELETING',
      '--from',
      'ACTIVE',
      '--after',
      'DELETE',
      '--json',
    ]);
    expect((JSON.parse(lint.stdout) as { service: string }).service).toBe('queue');
    const wait = await runCliCapture([
      'wait',
      '--machine',
      json,
      'ACTIVE',
      '--poll-command',
      'echo ACTIVE',
      '--timeout',
      '1m',
    ]);
    expect(wait.code).toBe(0);
    expect(wait.stdout.trim()).toBe('ACTIVE');
    const sql = await runCliCapture(['sql', '--machine', impostor, '--dialect', 'duckdb']);
    expect(sql.code).toBe(0);
    expect(sql.stdout).toContain('ACTIVE');
    expect(sql.stdout).not.toContain('EXTENDEDFAILED');
  });

  it('says what is missing or wrong, exit 2', async () => {
    expect((await runCliCapture(['graph'])).stderr).toMatch(/missing <service>\|--machine FILE/);
    expect((await runCliCapture(['graph', '--machine', 'nowhere.json'])).stderr).toBe(
      'instance-lifecycle graph: nowhere.json: no such file\n',
    );
    const extra = await runCliCapture(['graph', '--machine', json, 'kafka']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/unexpected argument "kafka"/);
  });
});
