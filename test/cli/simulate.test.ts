import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { parseDuration } from '../../src/cli/duration.js';
import { lifecycleModel, type Observation, simulate, validateHistory } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';

const ids = services.map((s) => s.id);

/** Read NDJSON the way `validate` documents it: one object per line with `status`, `time`, `instance_id`. */
function readNdjson(text: string): Observation[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const row = JSON.parse(line) as { status: string; time: string; instance_id?: string };
      return row.instance_id === undefined
        ? { status: row.status, time: row.time }
        : { status: row.status, time: row.time, instance: row.instance_id };
    });
}

function expectOneLineUsageError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe('instance-lifecycle simulate', () => {
  it('prints a history that validates: strict without a poll interval, sampled with one, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ids),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.option(fc.constantFrom('30s', '1m', '5m', '10m'), { nil: undefined }),
        async (service, seed, interval) => {
          const args = ['simulate', service, '--seed', String(seed), '--steps', '30', '--instance', 'i-9'];
          if (interval) args.push('--poll-interval', interval);
          const ndjson = await runCliCapture(args);
          expect(ndjson).toMatchObject({ code: 0, stderr: '' });
          const history = readNdjson(ndjson.stdout);
          expect(history.every((o) => o.instance === 'i-9')).toBe(true);
          const verdict = validateHistory(service, history, { mode: interval ? 'sampled' : 'strict', fromStart: true });
          expect(verdict.ok).toBe(true);
          // the output is the library's simulation, unchanged
          const simulation = simulate(service, {
            seed,
            steps: 30,
            ...(interval ? { pollInterval: parseDuration(interval)! } : {}),
          });
          expect(history.map((o) => [o.status, o.time])).toEqual(
            (simulation.polled ?? simulation.observations).map((o) => [o.status, o.time]),
          );
          // the other formats carry the same history
          const json = await runCliCapture([...args, '--format', 'json']);
          expect((JSON.parse(json.stdout) as { status: string; time: string }[]).map((o) => o.status)).toEqual(
            history.map((o) => o.status),
          );
          const lines = await runCliCapture([...args, '--format', 'lines']);
          expect(lines.stdout).toBe(history.map((o) => o.status + '\n').join(''));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('composes with validate: its output, piped in as is, validates (strict, or sampled when polled), in every format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ids),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.constantFrom('ndjson', 'json', 'lines'),
        fc.option(fc.constantFrom('30s', '5m'), { nil: undefined }),
        fc.option(fc.constant('i-7'), { nil: undefined }),
        async (service, seed, format, interval, instance) => {
          const args = ['simulate', service, '--seed', String(seed), '--steps', '20', '--format', format];
          if (interval) args.push('--poll-interval', interval);
          if (instance) args.push('--instance', instance);
          const simulated = await runCliCapture(args);
          const mode = interval ? 'sampled' : 'strict';
          const validated = await runCliCapture(['validate', service, '-', '--mode', mode, '--from-start', '--json'], {
            stdin: simulated.stdout,
          });
          expect(validated.code).toBe(0);
          const report = JSON.parse(validated.stdout) as { ok: boolean; histories: { observations: number }[] };
          expect(report.ok).toBe(true);
          expect(report.histories).toHaveLength(1);
          expect(report.histories[0]!.observations).toBe(
            simulated.stdout.trimEnd().split('\n').length - (format === 'json' ? 2 : 0),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('prints the same history for the same seed, and another for another seed', async () => {
    const a = await runCliCapture(['simulate', 'kafka', '--seed', '11']);
    const b = await runCliCapture(['simulate', 'kafka', '--seed', '11']);
    const c = await runCliCapture(['simulate', 'kafka', '--seed', '12']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('starts where and when it is told', async () => {
    const result = await runCliCapture([
      'simulate',
      'dcs',
      '--from',
      'RUNNING',
      '--start',
      '2030-02-03T04:05:06Z',
      '--steps',
      '0',
    ]);
    expect(readNdjson(result.stdout)).toEqual([{ status: 'RUNNING', time: '2030-02-03T04:05:06.000Z' }]);
  });

  it.each([
    [['--seed=-1'], /--seed must be a whole number/],
    [['--seed', '-1'], /'--seed' argument is ambiguous/],
    [['--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295/],
    [['--seed', '1e3'], /--seed/],
    [['--steps', 'ten'], /--steps must be a whole number/],
    [['--steps', '1000001'], /--steps must be a whole number from 0 to 1000000/],
    [['--poll-interval', '5'], /--poll-interval must be a duration/],
    [['--poll-interval', '1.5s'], /--poll-interval/],
    [['--poll-interval', '0s'], /at least 1ms/],
    [['--poll-interval', '1ms'], /too small/],
    [['--format', 'xml'], /unknown --format "xml"; expected one of ndjson, json, lines/],
    [['--from', 'RUNING'], /unknown status "RUNING" for kafka \(did you mean RUNNING\?\); known statuses: .*RUNNING/],
    [['--from', '__proto__'], /unknown status "__proto__"/],
    [['--start', 'tomorrow'], /--start must be an ISO 8601 time/],
    [['--start', '2026-02-30T00:00:00Z'], /--start "2026-02-30T00:00:00Z" is no date: 2026-02 has 28 days/],
    [['--start', '2024-02-30T00:00:00Z'], /2024-02 has 29 days/],
    [['--start', '2026-04-31T00:00:00Z'], /2026-04 has 30 days/],
    [['--start', '2026-13-01T00:00:00Z'], /--start/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['extra'], /unexpected argument "extra"/],
  ])('rejects %j in one line, exit 2', async (options, pattern) => {
    expectOneLineUsageError(await runCliCapture(['simulate', 'kafka', ...options]), pattern);
  });

  it('rejects an unknown or missing service in one line, exit 2', async () => {
    expectOneLineUsageError(await runCliCapture(['simulate', 'nosuch']), /unknown service "nosuch"/);
    expectOneLineUsageError(await runCliCapture(['simulate']), /missing <service>/);
  });
});

describe('help of the new commands', () => {
  it.each(['simulate', 'paths'])(
    '%s --help prints its usage on stdout, exit 0, and is listed in the main help',
    async (name) => {
      const help = await runCliCapture([name, '--help']);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(new RegExp(`^Usage: instance-lifecycle ${name} <service>`));
      expect((await runCliCapture(['--help'])).stdout).toContain(`  ${name} `);
    },
  );
});

describe('parseDuration', () => {
  it('reads a whole number and a unit, and nothing else', () => {
    expect([parseDuration('500ms'), parseDuration('30s'), parseDuration('5m'), parseDuration('1h')]).toEqual([
      500, 30_000, 300_000, 3_600_000,
    ]);
    for (const bad of ['', '5', 's', '1.5s', '-1s', '5 m', ' 5m', '1h30m', '5M', '5d', '0x10s'])
      expect(parseDuration(bad)).toBeUndefined();
    fc.assert(
      fc.property(
        fc.nat({ max: 1e6 }),
        fc.constantFrom(['ms', 1], ['s', 1000], ['m', 60_000], ['h', 3_600_000]),
        (n, [unit, factor]) => {
          expect(parseDuration(`${n}${unit}`)).toBe(n * (factor as number));
        },
      ),
    );
  });
});

describe('instance-lifecycle paths', () => {
  it.each(ids)('--cover transitions --json takes every transition of %s', async (service) => {
    const result = await runCliCapture(['paths', service, '--cover', 'transitions', '--json']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as {
      paths: { statuses: string[]; events: string[] }[];
      uncovered: unknown[];
    };
    const taken = new Set(
      data.paths.flatMap((p) => p.events.map((e, i) => `${p.statuses[i]} ${e} ${p.statuses[i + 1]}`)),
    );
    expect(taken).toEqual(new Set(lifecycleModel(service).transitions.map((t) => `${t.from} ${t.event} ${t.to}`)));
    expect(data.uncovered).toEqual([]);
  });

  it('prints one line per path, STATUS --EVENT--> STATUS, each a legal history', async () => {
    const result = await runCliCapture([
      'paths',
      'kafka',
      '--from',
      'RUNNING',
      '--to',
      'DELETED',
      '--cover',
      'transitions',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) {
      expect(line).toMatch(/^RUNNING( --[A-Z_]+--> [A-Z]+)+$/);
      expect(line.endsWith(' DELETED')).toBe(true);
      const statuses = line.split(/ --[A-Z_]+--> /);
      expect(validateHistory('kafka', statuses).ok).toBe(true);
    }
    // the creation transitions cannot be taken from RUNNING: said on stderr, in one line
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('CREATING --CREATE_SUCCEEDED--> RUNNING');
  });

  it('prints the shortest path to each reachable status by default, and exits 1 when --to cannot be reached', async () => {
    const all = await runCliCapture(['paths', 'dcs']);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(lifecycleModel('dcs').states.length);
    const none = await runCliCapture(['paths', 'dcs', '--from', 'DELETED', '--to', 'RUNNING']);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toContain('no path leads from DELETED to RUNNING');
  });

  it.each([
    [['--from', 'NOPE'], /unknown status "NOPE" for kafka; known statuses: CREATING/],
    [['--to', 'constructor'], /unknown status "constructor" for kafka/],
    [['--cover', 'events'], /unknown --cover "events"; expected one of states, transitions/],
  ])('rejects %j in one line, exit 2', async (options, pattern) => {
    expectOneLineUsageError(await runCliCapture(['paths', 'kafka', ...options]), pattern);
  });
});
