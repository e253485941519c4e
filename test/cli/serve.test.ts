/**
 * `instance-lifecycle serve`: usage errors in-process (exit 2, one line); the built command as a process: it
 * prints where everything is, serves until SIGTERM (exit 0), takes chaos from a file, and logs every request as
 * NDJSON to --log.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../support/cliHarness.js';
import { call, kafkaCreateBody } from '../support/fakeCloudClient.js';
import { cliBin } from '../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('serve: usage errors', () => {
  it.each([
    [['--progression', 'warp'], /--progression must be one of scaled, manual, immediate/],
    [['--progression', 'manual', '--speed', '10'], /--speed goes with scaled time only/],
    [['--speed', 'fast'], /--speed must be a number > 0/],
    [['--port', '99999'], /--port must be a whole number from 0 to 65535/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['extra'], /unexpected argument "extra"/],
    [['--chaos', join(dir, 'missing.json')], /missing\.json: cannot read: ENOENT/],
  ])('%j', async (args, message) => {
    const result = await runCliCapture(['serve', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names the place of a chaos file that is not JSON, and the field of one that is wrong', async () => {
    const broken = file('broken.json', '{\n  "errors": {\n    "503": 0.1,\n  }\n}\n');
    const notJson = await runCliCapture(['serve', '--chaos', broken]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/broken\.json:4:3: expected/);
    const wrong = file('wrong.json', JSON.stringify({ failures: { RESIZ: 1 } }));
    const badField = await runCliCapture(['serve', '--chaos', wrong]);
    expect(badField.code).toBe(2);
    expect(badField.stderr).toMatch(/wrong\.json: .*failures: unknown operation "RESIZ"/);
  });
});

/** Start the built CLI's serve; resolves with the process and the URL it printed. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  const child = spawn(process.execPath, [cliBin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /fake cloud at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match && out.includes('Ctrl-C to stop')) resolve({ child, url: match[1]!, stdout: () => out });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

describe('serve as a process', () => {
  it('serves with chaos from a file, logs NDJSON, and stops on SIGTERM with exit 0', async () => {
    const chaos = file('chaos.json', JSON.stringify({ rules: [{ action: 'list', errors: { 503: 1 } }] }));
    const log = join(dir, 'requests.ndjson');
    const { child, url, stdout } = await serve([
      '--port',
      '0',
      '--progression',
      'manual',
      '--seed',
      '3',
      '--chaos',
      chaos,
      '--log',
      log,
    ]);
    try {
      expect(stdout()).toContain(`kafka   ${url}/kafka`);
      expect(stdout()).toContain(`dcs     ${url}/dcs`);
      const created = await call(`${url}/kafka/v2/p/instances`, 'POST', kafkaCreateBody());
      expect(created.status).toBe(200);
      const listed = await call(`${url}/kafka/v2/p/instances?engine=kafka`);
      expect(listed.status).toBe(503);
      const advanced = await call(`${url}/_lifecycle/clock/advance`, 'POST', { ms: 3_600_000 });
      expect(advanced.body.now).toBe('2026-01-01T01:00:00.000Z');
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const entries = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(entries.map((e) => [e.method, e.action, e.status])).toEqual([
      ['POST', 'create', 200],
      ['GET', 'list', 503],
      ['POST', 'control', 200],
    ]);
    expect(entries[1].chaos).toEqual({ error: 503 });
    expect(entries[0].instances).toHaveLength(1);
  });
});
