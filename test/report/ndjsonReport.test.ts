/**
 * The fast path of the fleet report (regular NDJSON files read as bytes into the compact reporter) gives exactly the
 * report of the ordinary path (the same bytes read as a stream by the ordinary reader into the reporter of
 * observations, one validator per instance): every figure, verdict, group, duration, stuck instance and drift
 * finding, the same bad records and the same errors, on random fleets of every service (with operation records,
 * odd spellings, unknown statuses, times of every kind and bad records), in one file or several.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Service } from '../../machines/index.js';
import { services } from '../../machines/index.js';
import { type Observation, type ReadOptions, readObservations, type ValidationMode } from '../../src/index.js';
import {
  type ConformanceReport,
  createFleetReporter,
  type FleetReportOptions,
  reportInputs,
} from '../../src/report/index.js';
import { fleetLog } from '../support/fleetArbitrary.js';
import { ndjsonFile } from '../support/ndjsonFiles.js';
import { subStateService } from '../support/subStateService.js';

const dir = mkdtempSync(join(tmpdir(), 'ndjson-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How a record is written: the byte scanner's subset, or a line it leaves to the ordinary parser. */
type Style = 'flat' | 'seconds' | 'epoch-seconds' | 'epoch-millis' | 'timestamp' | 'instanceId' | 'spaces' | 'extra';

const style = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Style>('flat') },
  { weight: 4, arbitrary: fc.constant<Style>('seconds') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Style>('epoch-seconds', 'epoch-millis', 'timestamp', 'instanceId', 'spaces', 'extra'),
  },
);

/** One observation as an NDJSON line, written in `how`. */
function lineOf(o: Observation, how: Style): string {
  const time = o.time;
  const iso = typeof time === 'string' ? Date.parse(time) : NaN;
  const when: unknown =
    Number.isNaN(iso) || how === 'flat' || how === 'timestamp' || how === 'instanceId' || how === 'extra'
      ? time
      : how === 'seconds'
        ? `${new Date(iso).toISOString().slice(0, 19)}Z`
        : how === 'epoch-seconds'
          ? Math.floor(iso / 1000)
          : how === 'epoch-millis'
            ? iso
            : time;
  const status = o.status === '' ? {} : { status: o.status };
  const operation = o.operation === undefined ? {} : { operation: o.operation };
  const at = when === undefined ? {} : how === 'timestamp' ? { timestamp: when } : { time: when };
  const id =
    o.instance === undefined ? {} : how === 'instanceId' ? { instanceId: o.instance } : { instance_id: o.instance };
  if (how === 'spaces') return ` { ${JSON.stringify({ ...at, ...id, ...operation, ...status }).slice(1, -1)} } `;
  const extra = how === 'extra' ? { zone: 'eu-1', size: 3, on: true } : {};
  return JSON.stringify({ ...at, ...id, ...operation, ...status, ...extra });
}

/** A fleet log as NDJSON text, each record written its own way. */
function fleetText(service: string | Service): fc.Arbitrary<string> {
  return fleetLog(service, { operations: true, maxInstances: 8 }).chain((log) =>
    fc
      .array(style, { minLength: log.length, maxLength: log.length })
      .map((styles) => `${log.map((o, i) => lineOf(o, styles[i]!)).join('\n')}\n`),
  );
}

const options = fc.record({
  mode: fc.constantFrom<ValidationMode>('strict', 'sampled'),
  fromStart: fc.boolean(),
  histories: fc.boolean(),
  driftMin: fc.integer({ min: 1, max: 3 }),
  stuckAfter: fc.option(fc.integer({ min: 1, max: 2 * 3_600_000 }), { nil: undefined }),
  keepBad: fc.boolean(),
});

type Options = typeof options extends fc.Arbitrary<infer T> ? T : never;

let files = 0;
/** How many reports (of either path) had each kind of content: the properties must see every kind. */
const seen = { reports: 0, violations: 0, operations: 0, stuck: 0, dwell: 0, missed: 0 };

/** The report of `parts` (one file each) by the fast path and by the ordinary path, or each one's error. */
async function bothPaths(
  service: string | Service,
  parts: readonly Buffer[],
  { keepBad, stuckAfter, ...rest }: Options,
): Promise<[unknown, unknown]> {
  const paths = parts.map((bytes) => {
    const path = join(dir, `fleet-${files++}.ndjson`);
    writeFileSync(path, bytes);
    return path;
  });
  const reportOptions: FleetReportOptions = { ...rest, ...(stuckAfter === undefined ? {} : { stuckAfter }) };
  const outcome = async (run: (onBadRecord: ReadOptions['onBadRecord']) => Promise<ConformanceReport>) => {
    const bad: string[] = [];
    try {
      const report = await run(keepBad ? (problem) => bad.push(problem.message) : undefined);
      seen.reports++;
      if (report.fitness.violations.length > 0) seen.violations++;
      if (report.operations.some((o) => o.count > 0)) seen.operations++;
      if (report.stuck.instances.length > 0) seen.stuck++;
      if (report.dwell.length > 0) seen.dwell++;
      if (report.transitions.throughMissed.length > 0) seen.missed++;
      return { report, json: JSON.stringify(report), bad };
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };
  const fast = await outcome((onBadRecord) =>
    reportInputs(service, paths, { ...reportOptions, ...(onBadRecord ? { onBadRecord } : {}) }),
  );
  // the same bytes as streams of the same names, read by the ordinary reader into the reporter of observations
  const ordinary = await outcome(async (onBadRecord) => {
    const reporter = createFleetReporter(service, reportOptions);
    for (const [i, bytes] of parts.entries()) {
      const reader = readObservations(Readable.from([bytes]), {
        name: paths[i]!,
        ...(onBadRecord ? { onBadRecord } : {}),
      });
      reporter.startInput(reader.name);
      for await (const batch of reader.batches()) reporter.pushAll(batch);
      reporter.setFormat(reader.format);
    }
    return reporter.report();
  });
  return [fast, ordinary];
}

describe.each([...services, subStateService].map((s) => [s.id, s] as const))(
  'report of NDJSON files (%s)',
  (_, service) => {
    it('is the ordinary path’s report on random fleets, in one file or several (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fleetText(service), fc.nat(), options, async (text, cut, opts) => {
          const bytes = Buffer.from(text);
          const lines = text.split('\n');
          const at = cut % lines.length;
          const parts =
            cut % 3 === 0
              ? [Buffer.from(`${lines.slice(0, at).join('\n')}\n`), Buffer.from(lines.slice(at).join('\n'))]
              : [bytes];
          const [fast, ordinary] = await bothPaths(service, parts, opts);
          expect(fast).toEqual(ordinary);
        }),
        { numRuns: 40 },
      );
    });

    it('is the ordinary path’s report on files with every kind of line, bad records and broken lines (property)', async () => {
      await fc.assert(
        fc.asyncProperty(ndjsonFile(service), options, async (bytes, opts) => {
          const [fast, ordinary] = await bothPaths(service, [bytes], opts);
          expect(fast).toEqual(ordinary);
        }),
        { numRuns: 40 },
      );
    });
  },
);

describe('report of NDJSON files, the properties above', () => {
  it('saw reports with violations, operation durations, stuck instances, dwell times and missed statuses', () => {
    expect(seen.reports).toBeGreaterThan(200);
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(20);
  });
});

describe('report of NDJSON files, beyond the kept details', () => {
  it('counts every violation of an instance with more than the 100 kept, compact and then full, as the ordinary path', async () => {
    const time = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    const lines: string[] = [];
    for (let i = 0; i < 260; i++) {
      const status = i % 2 === 0 ? 'RUNNING' : 'CREATING'; // RUNNING → CREATING is illegal: one violation in two
      if (i === 201) lines.push(JSON.stringify({ time: time(i), instance_id: 'a', operation: 'RESTART' }));
      lines.push(JSON.stringify({ time: time(i), instance_id: 'a', status }));
      if (i % 3 === 0) lines.push(JSON.stringify({ time: time(i), instance_id: 'b', status }));
    }
    const opts = { mode: 'strict' as const, fromStart: false, histories: true, driftMin: 1, stuckAfter: undefined };
    const [fast, ordinary] = await bothPaths('kafka', [Buffer.from(lines.join('\n'))], { ...opts, keepBad: false });
    expect(fast).toEqual(ordinary);
    const report = (fast as { report: ConformanceReport }).report;
    expect(report.histories!.find((h) => h.instance === 'a')!.omitted!.violations).toBeGreaterThan(0);
    expect(report.fitness.violations.reduce((sum, g) => sum + g.count, 0)).toBe(report.summary.violations);
  });
});

describe('reportInputs', () => {
  it('refuses a mode it does not know before reading, on a file as on a stream', async () => {
    const path = join(dir, 'mode.ndjson');
    writeFileSync(path, '{"instance_id":"a","status":"RUNNING"}\n');
    const mode = 'bogus' as ValidationMode;
    await expect(reportInputs('kafka', path, { mode })).rejects.toThrow(/reportInputs: mode must be one of/);
    await expect(reportInputs('kafka', Readable.from(['RUNNING\n']), { mode })).rejects.toThrow(
      /reportInputs: mode must be one of/,
    );
  });
});
