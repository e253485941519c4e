import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { createWebSocketReceiver, type StatelyInspectionEvent } from '@statelyai/inspect';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { simulate, validateHistory } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';

const work = mkdtempSync(join(tmpdir(), 'inspect-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** TCP handles of this process (servers and sockets). */
function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;
}

/** A port free on 127.0.0.1 now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const quick = ['--no-open', '--no-wait', '--pace', '0'];

describe('instance-lifecycle inspect', () => {
  it('replays a legal history, printing the inspector address and each step, exit 0', async () => {
    const statuses = ['CREATING', 'RUNNING', 'RUNNING', 'RESTARTING', 'RUNNING'];
    const before = tcpHandles();
    const result = await runCliCapture(['inspect', 'kafka', file('legal.txt', statuses.join('\n') + '\n'), ...quick]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Stately inspector for kafka: http:\/\/127\.0\.0\.1:\d+\n/);
    const steps = validateHistory('kafka', statuses, { explain: true }).steps!;
    for (const step of steps)
      expect(result.stdout).toMatch(new RegExp(`\\n\\s+${step.index + 1}  ${step.to}  ${step.events.join(', ')}\\n`));
    expect(result.stdout).toContain('replay done: instance is RUNNING');
    expect(result.stderr).toBe('');
    await vi.waitFor(() => expect(tcpHandles()).toBe(before));
  });

  it("stops at an illegal step with the validator's message and its line, exit 1", async () => {
    const statuses = ['RUNNING', 'RESTARTING', 'DELETED', 'RUNNING'];
    const result = await runCliCapture(['inspect', 'kafka', file('illegal.txt', statuses.join('\n') + '\n'), ...quick]);
    expect(result.code).toBe(1);
    const violation = validateHistory('kafka', statuses).violations[0]!;
    expect(result.stderr).toBe(`instance-lifecycle inspect: replay stopped at line 3: ${violation.message}\n`);
    expect(result.stdout).not.toContain('DELETED');
  });

  it('replays a simulated life with --simulate --seed', async () => {
    const result = await runCliCapture(['inspect', 'dcs', '--simulate', '--seed', '7', ...quick]);
    expect(result.code).toBe(0);
    const { observations } = simulate('dcs', { seed: 7 });
    expect(result.stdout).toContain(`replaying simulated-7: ${observations.length} observations`);
    expect(result.stdout).toContain(`replay done: simulated-7 is ${observations[observations.length - 1]!.status}`);
  });

  it('picks one instance of a fleet log with --instance, and asks for one otherwise', async () => {
    const fleet = file(
      'fleet.ndjson',
      ['a', 'b']
        .map((id) => `{"instance_id":"${id}","status":"RUNNING"}\n{"instance_id":"${id}","status":"RESTARTING"}`)
        .join('\n') + '\n',
    );
    const unchosen = await runCliCapture(['inspect', 'kafka', fleet, ...quick]);
    expect(unchosen.code).toBe(2);
    expect(unchosen.stderr).toContain('holds 2 instances; choose one with --instance ("a", "b")');
    const chosen = await runCliCapture(['inspect', 'kafka', fleet, '--instance', 'b', ...quick]);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('replay done: b is RESTARTING');
    const unknown = await runCliCapture(['inspect', 'kafka', fleet, '--instance', 'zz', ...quick]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no instance "zz"; instances: "a", "b"');
  });

  it('refuses a port in use, exit 2 in one line', async () => {
    const busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)),
    );
    const result = await runCliCapture(['inspect', 'kafka', '--simulate', '--port', String(port), ...quick]);
    await new Promise((resolve) => busy.close(resolve));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`port ${port} is already in use`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['kafka'], 'missing [history] (or --simulate --seed N)'],
    [['kafka', 'x.txt', '--simulate'], 'either a history or --simulate'],
    [['kafka', 'x.txt', '--seed', '3'], '--seed needs --simulate'],
    [['kafka', '--simulate', '--pace', 'fast'], '--pace must be a whole number'],
    [['kafka', '--simulate', '--port', '70000'], '--port must be a whole number from 1 to 65535'],
    [['kafka', '--simulate', '--seed=-1'], '--seed must be a whole number'],
    [['kafka', '--simulate', '--seed', '4294967296'], '--seed must be a whole number from 0 to 4294967295'],
    [['kafka', '--simulate', '--mode', 'loose'], 'unknown --mode "loose"'],
  ])('refuses %j: %s, exit 2', async (args, message) => {
    const result = await runCliCapture(['inspect', ...args, '--no-open']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports bad history input in one line naming the place, exit 2', async () => {
    const result = await runCliCapture([
      'inspect',
      'kafka',
      file('bad.ndjson', '{"status":"RUNNING"}\n{"status":\n'),
      ...quick,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.ndjson:2/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('by default waits for the inspector page, replays to it, and serves until interrupted', async () => {
    const before = tcpHandles();
    const port = await freePort();
    const stdout = new PassThrough();
    let printed = '';
    stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const history = file('wait.txt', 'RUNNING\nRESTARTING\nRUNNING\n');
    const run = runCli(['inspect', 'kafka', history, '--no-open', '--pace', '0', '--port', String(port)], {
      stdout,
      stderr: new PassThrough(),
      stdin: Readable.from([]),
      env: {},
    });
    await vi.waitFor(() => expect(printed).toContain('waiting for the inspector page to connect'));
    expect(printed).not.toContain('replaying');

    // the page: it embeds the Stately inspector and listens to the relay of the address it was loaded from
    const page = await new Promise<string>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(page).toContain('<iframe id="inspector" src="https://stately.ai/inspect"');
    expect(page).toContain("new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host)");

    const received: StatelyInspectionEvent[] = [];
    const receiver = createWebSocketReceiver({ server: `ws://127.0.0.1:${port}` });
    receiver.subscribe((event) => received.push(event));
    await vi.waitFor(() => expect(printed).toContain('serving the inspector until Ctrl-C'));
    await vi.waitFor(() => expect(received.filter((e) => e.type === '@xstate.snapshot')).toHaveLength(3));
    process.emit('SIGINT');
    expect(await run).toBe(0);
    const snapshots = received
      .filter((e) => e.type === '@xstate.snapshot')
      .map((e) => (e as unknown as { snapshot: { value: string } }).snapshot.value);
    expect(snapshots).toEqual(['RUNNING', 'RESTARTING', 'RUNNING']);
    await vi.waitFor(() => expect(tcpHandles()).toBe(before));
  });

  it('refuses a port taken on the address asked with --host, and an empty --host, in one line, exit 2', async () => {
    const taken = await new Promise<ReturnType<typeof createServer>>((resolve) => {
      const other = createServer().listen(0, '::1', () => resolve(other));
    });
    const { port } = taken.address() as { port: number };
    try {
      const history = file('host.txt', 'RUNNING\n');
      const result = await runCliCapture([
        'inspect',
        'kafka',
        history,
        ...quick,
        '--host',
        '::1',
        '--port',
        String(port),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `instance-lifecycle inspect: port ${port} is already in use on ::1; choose another with --port, or leave it out for a free one\n`,
      );
      const empty = await runCliCapture(['inspect', 'kafka', history, ...quick, '--host', '']);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('--host must not be empty');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
