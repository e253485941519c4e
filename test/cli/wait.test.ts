/**
 * instance-lifecycle wait: against a scripted poll command and against a local HTTP server answering a simulated
 * instance's statuses (with 404s and 5xx); the timeline on stderr; every exit code.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectations, validateHistory } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { startInstanceServer } from '../support/instanceServer.js';

const dir = mkdtempSync(join(tmpdir(), 'wait-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PATH: process.env.PATH };
const FAST = ['--interval', '1ms', '--max-interval', '5ms'];

/** A shell script that prints one scripted line per run (then repeats the last); `exit N` lines exit with N. */
const pollScript = join(dir, 'poll.sh');
writeFileSync(
  pollScript,
  `n=$(cat "$2" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$2"
total=$(wc -l < "$1"); [ "$n" -gt "$total" ] && n=$total
line=$(sed -n "\${n}p" "$1")
case "$line" in "exit "*) exit \${line#exit };; esac
echo "$line"
`,
);
let scripts = 0;
function scripted(lines: readonly string[]): string {
  scripts++;
  const file = join(dir, `answers-${scripts}.txt`);
  writeFileSync(file, lines.join('\n') + '\n');
  return `sh ${pollScript} ${file} ${join(dir, `count-${scripts}`)}`;
}

async function wait(args: string[]) {
  return runCliCapture(['wait', ...args, ...FAST], { env });
}

describe('instance-lifecycle wait --poll-command', () => {
  it('exit 0 when the target shows: the status on stdout, the timeline of changes on stderr', async () => {
    const result = await wait(['dcs', 'RUNNING', '--poll-command', scripted(['CREATING', 'CREATING', 'RUNNING'])]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('RUNNING\n');
    const timeline = result.stderr.split('\n').filter((line) => /^ +\d+\.\ds {2}/.test(line));
    expect(timeline.map((line) => line.trim().split(/\s+/)[1])).toEqual(['CREATING', 'RUNNING']);
    expect(result.stderr).toMatch(/^dcs: waiting for RUNNING \(timeout 30m00s\)\n/);
    expect(result.stderr).toMatch(/reached RUNNING after \d+\.\ds \(3 polls\)\n$/);
  });

  it('exit 1 at once when the target can no longer come, with the reason', async () => {
    const result = await wait(['dcs', 'RUNNING', '--poll-command', scripted(['CREATING', 'CREATEFAILED', 'RUNNING'])]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const reason = expectations('dcs', 'RUNNING').failure.find((f) => f.status === 'CREATEFAILED')!.reason;
    expect(result.stderr).toContain(`cannot be reached: dcs: waiting for RUNNING: observed CREATEFAILED: ${reason}`);
  });

  it('exit 1 on an illegal change and on an unknown status', async () => {
    const illegal = await wait(['dcs', 'DELETED', '--poll-command', scripted(['DELETING', 'RUNNING'])]);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toMatch(/illegal change: .*DELETING → RUNNING/);
    const unknown = await wait(['dcs', 'RUNNING', '--poll-command', scripted(['CREATING', 'BOOTING\u001b[31m'])]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown status: .*BOOTING\\u001b\[31m/);
    expect(unknown.stderr).not.toContain('\u001b');
  });

  it('retries a failing command, and exits 1 when it keeps failing', async () => {
    const recovers = await wait(['dcs', 'RUNNING', '--poll-command', scripted(['exit 7', 'exit 7', 'RUNNING'])]);
    expect(recovers.code).toBe(0);
    expect(recovers.stderr.match(/poll failed: the poll command exited with 7/g)).toHaveLength(2);
    const fails = await wait(['dcs', 'RUNNING', '--retries', '1', '--poll-command', scripted(['exit 7'])]);
    expect(fails.code).toBe(1);
    expect(fails.stderr).toMatch(/poll failed: .*poll failed 2 times in a row/);
  });

  it('--not-found-exit-code: that exit means gone, which is the final status', async () => {
    const cmd = scripted(['DELETING', 'exit 44']);
    const result = await wait([
      'dcs',
      'DELETED',
      '--after',
      'DELETE',
      '--not-found-exit-code',
      '44',
      '--poll-command',
      cmd,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/DELETED \(not found\)/);
  });

  it('--not-found-checks retries a first "gone" answer; --consecutive wants the target N polls in a row', async () => {
    const cmd = scripted(['exit 44', 'CREATING', 'RUNNING', 'RUNNING']);
    const result = await wait([
      'dcs',
      'RUNNING',
      '--not-found-exit-code',
      '44',
      '--not-found-checks',
      '1',
      '--consecutive',
      '2',
      '--json',
      '--poll-command',
      cmd,
    ]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({ ok: true, status: 'RUNNING', polls: 4 });
    expect(data.history.map((o: { status: string }) => o.status)).toEqual(['CREATING', 'RUNNING', 'RUNNING']);
  });

  it('exit 3 on timeout, --json with the counts of each status seen', async () => {
    const result = await wait([
      'dcs',
      'RUNNING',
      '--timeout',
      '50ms',
      '--json',
      '--poll-command',
      scripted(['CREATING']),
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/timed out: /);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({ ok: false, reason: 'timeout', status: 'CREATING' });
    expect(data.counts).toEqual([{ status: 'CREATING', count: data.history.length }]);
  });
});

describe('instance-lifecycle wait: a poll that hangs', () => {
  it('is stopped at the deadline (at least a second after it started), and the wait times out: exit 3', async () => {
    const marker = join(dir, 'still-running');
    const result = await wait([
      'dcs',
      'RUNNING',
      '--timeout',
      '100ms',
      '--poll-command',
      `(sleep 2; touch ${marker}) & wait`,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/poll failed: the poll command took longer than 1000 ms/);
    // what the command started was stopped with it: nothing touches the marker after the sleep
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(existsSync(marker)).toBe(false);
  });
});

describe('instance-lifecycle wait --url, against a simulated instance on 127.0.0.1', () => {
  it('follows a deletion to the 404, retrying 5xx answers on the way', async () => {
    const server = await startInstanceServer({
      service: 'dcs',
      from: 'RUNNING',
      requests: ['DELETE'],
      failures: new Map([
        [2, 503],
        [3, 502],
      ]),
    });
    try {
      const result = await wait([
        'dcs',
        'DELETED',
        '--after',
        'DELETE',
        '--url',
        server.url,
        '--status-path',
        'instances.0.status',
        '--header',
        'X-Auth-Token: test',
        '--json',
      ]);
      expect(result.code).toBe(0);
      expect(server.answers.slice(1, 3)).toEqual([503, 502]);
      expect(server.answers.at(-1)).toBe(404);
      const data = JSON.parse(result.stdout);
      expect(data.history.at(-1)).toMatchObject({ status: 'DELETED', notFound: true });
      // what the wait saw is a sampled-legal view of the instance's true life
      const seen = data.history.map((o: { status: string }) => o.status);
      expect(validateHistory('dcs', seen, { mode: 'sampled' }).ok).toBe(true);
      expect(result.stderr.match(/poll failed: GET answered 50\d/g)).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('agrees with the simulated instance for many seeds: exit 0 exactly when its life reached the target', async () => {
    for (let seed = 0; seed < 8; seed++) {
      const server = await startInstanceServer({ service: 'dcs', seed, from: 'RUNNING', requests: ['RESTART'] });
      try {
        const result = await wait([
          'dcs',
          'RUNNING',
          '--after',
          'RESTART',
          '--url',
          server.url,
          '--status-path',
          'instances.0.status',
        ]);
        const life = server.instance.history().map((o) => o.status);
        const came = life.slice(1).includes('RUNNING');
        expect(result.code, `seed ${seed}: ${life.join(' ')}\n${result.stderr}`).toBe(came ? 0 : 1);
      } finally {
        await server.close();
      }
    }
  });

  it('exit 1 at once on a client error (401 is not retried), or when the status is not where --status-path says', async () => {
    const server = await startInstanceServer({ service: 'dcs', failures: new Map([[1, 401]]) });
    try {
      const denied = await wait(['dcs', 'RUNNING', '--url', server.url]);
      expect(denied.code).toBe(1);
      expect(denied.stderr).toMatch(/poll failed: .*GET answered 401/);
      const nowhere = await wait(['dcs', 'RUNNING', '--url', server.url, '--status-path', 'status']);
      expect(nowhere.code).toBe(1);
      expect(nowhere.stderr).toMatch(/no status string at status/);
    } finally {
      await server.close();
    }
  });
});

describe('instance-lifecycle wait: usage errors exit 2', () => {
  it.each([
    [['dcs'], /missing <target>/],
    [['dcs', 'RUNING', '--poll-command', 'true'], /unknown status "RUNING" for dcs \(did you mean RUNNING\?\)/],
    [['dcs', 'RUNNING'], /give one of --poll-command or --url/],
    [['dcs', 'RUNNING', '--poll-command', 'x', '--url', 'http://127.0.0.1:1/'], /give one of/],
    [['dcs', 'RUNNING', '--url', 'ftp://127.0.0.1/'], /--url must be an http or https URL/],
    [['dcs', 'RUNNING', '--url', 'http://127.0.0.1:1/', '--header', 'no colon'], /--header must look like/],
    [['dcs', 'RUNNING', '--poll-command', 'x', '--status-path', 'a'], /--header and --status-path go with --url/],
    [['dcs', 'RUNNING', '--url', 'http://127.0.0.1:1/', '--not-found-exit-code', '4'], /goes with --poll-command/],
    [['dcs', 'RUNNING', '--poll-command', 'x', '--timeout', '5'], /--timeout must be a duration/],
    [['dcs', 'RUNNING', '--poll-command', 'x', '--consecutive', '0'], /--consecutive must be a whole number from 1/],
    [['dcs', 'RUNNING', '--poll-command', 'x', '--after', 'REBOOT'], /unknown operation "REBOOT" for dcs/],
  ])('%j', async (args, message) => {
    const result = await runCliCapture(['wait', ...args], { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('documents the exit codes in --help', async () => {
    const result = await runCliCapture(['wait', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Exit codes:\n {2}0 {2}the target was reached\n {2}1 .*\n.*\n {2}2 {2}usage error.*\n {2}3 {2}timeout/,
    );
  });
});
