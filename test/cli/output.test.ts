import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { cliBin, repoRoot } from '../support/paths.js';

/** Run the built CLI with stdout going to `stdout` (a file descriptor, or a pipe closed after its first bytes). */
function runBin(args: string[], stdout: number | 'head'): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', stdout === 'head' ? 'pipe' : stdout, 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    if (stdout === 'head') child.stdout!.once('data', () => child.stdout!.destroy()); // `| head -c N`
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** A fleet log of 5,000 instances, each legal (RUNNING, RESTARTING, RUNNING): megabytes of report. */
const fleet = join(work, 'fleet.ndjson');
writeFileSync(
  fleet,
  Array.from({ length: 5000 }, (_, i) =>
    ['RUNNING', 'RESTARTING', 'RUNNING'].map((status) => `{"id":"i${i}","status":"${status}"}\n`).join(''),
  ).join(''),
);

// each writes megabytes, much more than a pipe holds
const bigOutputs: [string, string[], number][] = [
  ['validate --json', ['validate', 'kafka', fleet, '--json'], 0],
  ['simulate', ['simulate', 'kafka', '--steps', '100000', '--avoid-final'], 0],
  ['view --out -', ['view', 'kafka', fleet, '--out', '-'], 0],
];

describe('writing standard output', () => {
  it.each(bigOutputs)('%s into a pipe closed early ends quietly, with its own exit code', async (_name, args, code) => {
    const result = await runBin(args, 'head');
    expect(result).toEqual({ code, stderr: '' });
  });

  it.runIf(existsSync('/dev/full')).each(bigOutputs)(
    '%s into a full disk (/dev/full) says so in one line, exit 2',
    async (_name, args) => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = await runBin(args, full);
        expect(result).toEqual({
          code: 2,
          stderr: 'instance-lifecycle: cannot write the output: no space left on the device (ENOSPC)\n',
        });
      } finally {
        closeSync(full);
      }
    },
  );

  it('in process: EPIPE drops the rest quietly; any other error is one line on stderr, exit 2', async () => {
    const failing = (code: string) =>
      new Writable({
        write(_chunk, _encoding, done) {
          done(Object.assign(new Error(`write ${code}`), { code }));
        },
      });
    let stderr = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        stderr += String(chunk);
        done();
      },
    });
    const io = (stdout: Writable) => ({ stdout, stderr: sink, stdin: Readable.from([]), env: {} });
    expect(await runCli(['services', '--json'], io(failing('EPIPE')))).toBe(0);
    expect(stderr).toBe('');
    expect(await runCli(['graph', 'kafka', '--format', 'dot'], io(failing('EIO')))).toBe(2);
    expect(stderr).toBe('instance-lifecycle: cannot write the output: input/output error (EIO)\n');
  });
});
