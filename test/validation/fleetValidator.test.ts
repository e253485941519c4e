import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import {
  createFleetValidator,
  lifecycleModel,
  type Observation,
  type ValidationMode,
  validateFleet,
  validateHistory,
  validateInput,
} from '../../src/index.js';

describe.each(services.map((s) => [s.id] as const))('validateFleet (%s)', (service) => {
  const statuses = lifecycleModel(service).states.map((s) => s.status);

  it('judges each instance of an interleaved log exactly as its own history alone (property)', async () => {
    const record = fc.record({
      instance: fc.constantFrom('a', 'b', 'c', undefined),
      status: fc.constantFrom(...statuses, 'junk'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 40 }),
        fc.constantFrom<ValidationMode>('strict', 'sampled'),
        async (records, mode) => {
          const log: Observation[] = records.map(({ instance, status }, i) =>
            instance === undefined ? { status, line: i + 1 } : { status, instance, line: i + 1 },
          );
          const report = await validateFleet(service, log, { mode });
          const instances = [...new Set(log.map((o) => o.instance))];
          expect(report.histories.map((h) => h.instance)).toEqual(instances.map((i) => i ?? null));
          for (const history of report.histories) {
            const own = log.filter((o) => (o.instance ?? null) === history.instance);
            const alone = validateHistory(service, own, { mode });
            expect(history.violations).toEqual(alone.violations);
            expect(history.missed).toEqual(alone.missed);
            expect(history.observations).toBe(own.length);
          }
          expect(report.summary.observations).toBe(log.length);
          expect(report.summary.histories).toBe(instances.length);
          expect(report.summary.violations).toBe(report.histories.reduce((n, h) => n + h.violations.length, 0));
          expect(report.ok).toBe(report.histories.every((h) => h.ok));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('takes batches (arrays) as well as single observations, from async iterables', async () => {
    async function* batches() {
      yield [{ status: statuses[0]!, instance: 'x' }];
      yield { status: 'nonsense', instance: 'x' };
    }
    const report = await validateFleet(service, batches());
    expect(report.summary).toMatchObject({ histories: 1, observations: 2, violations: 1, illegal: 1 });
  });
});

describe('fleet memory bounds', () => {
  it('keeps at most maxDetails problems per history but counts them all', () => {
    const fleet = createFleetValidator('kafka', { maxDetails: 2 });
    for (let i = 0; i < 5; i++) fleet.push({ instance: 'a', status: `bad${i}` });
    fleet.push({ instance: 'b', status: 'RUNNING' });
    const report = fleet.report();
    const [a, b] = report.histories;
    expect(a).toMatchObject({
      instance: 'a',
      ok: false,
      observations: 5,
      omitted: { violations: 3, missed: 0, notes: 0 },
    });
    expect(a!.violations.map((v) => v.to)).toEqual(['bad0', 'bad1']);
    expect(b!.omitted).toBeUndefined();
    expect(report.summary).toMatchObject({ histories: 2, observations: 6, violations: 5, illegal: 1 });
  });

  it('fails on an unknown service before reading anything', () => {
    expect(() => createFleetValidator('nope')).toThrow(/unknown service "nope"/);
  });
});

describe('fleet explain', () => {
  it('records each legal change with its events per history, only when asked', async () => {
    const log = [
      { instance: 'a', status: 'RUNNING' },
      { instance: 'a', status: 'RESTARTING' },
      { instance: 'a', status: 'RUNNING' },
    ];
    const explained = await validateFleet('kafka', log, { explain: true });
    expect(explained.histories[0]!.steps?.map((s) => [s.from, s.to, s.events])).toEqual([
      ['RUNNING', 'RESTARTING', ['RESTART']],
      ['RESTARTING', 'RUNNING', ['RESTART_SUCCEEDED']],
    ]);
    expect((await validateFleet('kafka', log)).histories[0]!.steps).toBeUndefined();
  });
});

describe('validateInput', () => {
  it('reads and validates a stream in one call, naming its file and format, reporting progress', async () => {
    const { Readable } = await import('node:stream');
    const progress: number[] = [];
    const report = await validateInput('kafka', Readable.from(['time,status\n1,RUNNING\n2,DELETED\n']), {
      mode: 'sampled',
      name: 'log.csv',
      onProgress: (p) => progress.push(p.observations),
    });
    expect(report).toMatchObject({
      ok: true,
      file: 'log.csv',
      format: 'csv',
      mode: 'sampled',
      summary: { observations: 2, missed: 1 },
    });
    expect(progress.at(-1)).toBe(2);
  });
});

describe('validate --json output in pieces', () => {
  it("is exactly JSON.stringify(report, null, 2) with the issue's fields first (property)", async () => {
    const { reportJsonChunks } = await import('../../src/cli/reportJson.js');
    const record = fc.record({
      instance: fc.option(
        fc.nat({ max: 3000 }).map((n) => `i"${n}`),
        { nil: undefined },
      ),
      status: fc.constantFrom('RUNNING', 'DELETED', 'x"y', 'running'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 1200 }), async (records) => {
        const log: Observation[] = records.map(({ instance, status }, i) =>
          instance === undefined ? { status, line: i + 1 } : { status, instance, line: i + 1 },
        );
        const fleet = await validateFleet('kafka', log, { mode: 'sampled' });
        const report = { ...fleet, file: 'f', format: 'ndjson' as const, badRecords: { count: 0, records: [] } };
        const { ok, summary, histories, ...about } = report;
        expect(Buffer.concat([...reportJsonChunks(report)]).toString('utf8')).toBe(
          JSON.stringify({ ok, summary, histories, ...about }, null, 2) + '\n',
        );
      }),
      { numRuns: 30 },
    );
  });
});
