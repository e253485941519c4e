/**
 * The fleet report's laws, on generated fleet logs (with operation records among the statuses, on machines with
 * hidden sub-states): its counts add up to the number of observations, its violation groups count exactly what
 * `validate` reports, its totals and verdicts are `validate`'s, missed statuses agree, and so do illegal changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import {
  lifecycleModel,
  type Observation,
  statusesTagged,
  statusGraph,
  type ValidationMode,
  validateFleet,
} from '../../src/index.js';
import { createFleetReporter, fleetReport } from '../../src/report/index.js';
import { fleetLog } from '../support/fleetArbitrary.js';

const modes = fc.constantFrom<ValidationMode>('strict', 'sampled');

describe.each(services.map((s) => [s.id] as const))('fleetReport (%s)', (service) => {
  it('counts add up: every observation is a start, a repeat, a change, unknown or an operation; changes split into pairs', async () => {
    await fc.assert(
      fc.asyncProperty(fleetLog(service, { operations: true }), modes, async (log, mode) => {
        const report = await fleetReport(service, log, { mode });
        const o = report.observations;
        expect(o.total).toBe(log.length);
        expect(o.operations).toBe(log.filter((r) => r.operation !== undefined).length);
        expect(o.starts + o.repeats + o.changes + o.unknown + o.operations).toBe(log.length);
        expect(o.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(log.length - o.unknown - o.operations);
        const t = report.transitions;
        const pairs =
          t.modelled.reduce((sum, x) => sum + x.count, 0) +
          t.throughMissed.reduce((sum, x) => sum + x.count, 0) +
          t.illegal.reduce((sum, x) => sum + x.count, 0);
        expect(pairs).toBe(o.changes);
        expect(report.fitness.steps).toBe(log.length - report.fitness.histories);
        const dwell = report.dwell.reduce((sum, d) => sum + d.count, 0);
        expect(dwell).toBeLessThanOrEqual(o.changes + o.unknown);
      }),
      { numRuns: 60 },
    );
  });

  it("groups violations by kind and pair with exactly validate's counts, and has validate's totals and verdicts", async () => {
    await fc.assert(
      fc.asyncProperty(fleetLog(service, { operations: true }), modes, async (log, mode) => {
        const [report, validation] = await Promise.all([
          fleetReport(service, log, { mode, histories: true }),
          validateFleet(service, log, { mode }),
        ]);
        expect(report.summary).toEqual(validation.summary);
        expect(report.ok).toBe(validation.ok);
        expect(report.histories).toEqual(validation.histories);
        const expected = new Map<string, { count: number; instances: Set<string | null> }>();
        for (const h of validation.histories) {
          expect(h.omitted).toBeUndefined(); // short histories: every violation is kept, so all can be compared
          for (const v of h.violations) {
            const key = `${v.kind}|${v.from ?? ''}|${v.to}`;
            const entry = expected.get(key) ?? { count: 0, instances: new Set() };
            entry.count++;
            entry.instances.add(h.instance);
            expected.set(key, entry);
          }
        }
        const groups = new Map(report.fitness.violations.map((g) => [`${g.kind}|${g.from ?? ''}|${g.to}`, g]));
        expect([...groups.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, { count, instances }] of expected) {
          expect(groups.get(key)!.count).toBe(count);
          expect(groups.get(key)!.instances).toBe(instances.size);
        }
        expect(report.fitness.legalHistories).toBe(validation.summary.histories - validation.summary.illegal);
        const illegalSteps = validation.histories.flatMap((h) =>
          [...new Set(h.violations.map((v) => v.index))].filter((index) => index > 0),
        ).length;
        expect(report.fitness.legalSteps).toBe(report.fitness.steps - illegalSteps);
        // changes between two statuses: validate's findings at a status that follows a known one (after nothing
        // or an unknown status, with only operation records between, there is no change of status to class)
        const statuses = statusGraph(service).statuses.map((x) => x.toLowerCase());
        const known = (status: string) => statuses.includes(status.trim().toLowerCase());
        const afterKnown = (h: (typeof validation.histories)[number]) => {
          const records = log.filter((o) => (o.instance ?? null) === h.instance);
          return ({ index }: { index: number }) => {
            const before = records.slice(0, index).findLast((o) => o.status !== '');
            return before !== undefined && known(before.status);
          };
        };
        // missed statuses: the steps through them are validate's, and so is each status's count
        const t = report.transitions;
        const missedSteps = validation.histories.flatMap((h) => h.missed.filter(afterKnown(h)));
        expect(t.throughMissed.reduce((sum, x) => sum + x.count, 0)).toBe(missedSteps.length);
        const missed = new Map<string, number>();
        for (const m of missedSteps) for (const s of m.missed) missed.set(s, (missed.get(s) ?? 0) + 1);
        expect(new Map(t.missed.map((m) => [m.status, m.count]))).toEqual(missed);
        // illegal changes: one for each illegal-transition violation of validate
        const illegal = validation.histories.flatMap((h) =>
          h.violations.filter((v) => v.kind === 'illegal-transition').filter(afterKnown(h)),
        );
        expect(t.illegal.reduce((sum, x) => sum + x.count, 0)).toBe(illegal.length);
      }),
      { numRuns: 60 },
    );
  });

  it('is the same pushed one by one or in batches, and in one call', async () => {
    await fc.assert(
      fc.asyncProperty(fleetLog(service, { operations: true }), async (log) => {
        const one = createFleetReporter(service, { mode: 'sampled' });
        for (const o of log) one.push(o);
        const batched = createFleetReporter(service, { mode: 'sampled' });
        batched.pushAll(log.slice(0, 5));
        batched.pushAll(log.slice(5));
        expect(one.report()).toEqual(batched.report());
        expect(one.observations).toBe(log.length);
      }),
      { numRuns: 20 },
    );
  });
});

describe('stuck instances and drift', () => {
  const service = 'dcs';
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();

  it('finds the instance whose last transitional status is older than --stuck-after, or than its p99', async () => {
    // an operation into a transitional status, and an outcome back to where it started (a restart, say)
    const m = lifecycleModel(service);
    const transitional = statusesTagged(m, 'transitional');
    const op = m.transitions.find(
      (t) =>
        t.kind === 'operation' &&
        transitional.has(t.to) &&
        m.transitions.some((back) => back.from === t.to && back.to === t.from),
    )!;
    const back = m.transitions.find((t) => t.from === op.to && t.to === op.from)!;
    const log: Observation[] = [];
    // 20 instances go in and out within 1..20 minutes; one goes in at minute 0 and is still there at minute 600
    for (let k = 0; k < 20; k++) {
      log.push({ instance: `ok-${k}`, status: op.from, time: at(0) });
      log.push({ instance: `ok-${k}`, status: op.to, time: at(10) });
      log.push({ instance: `ok-${k}`, status: back.to, time: at(11 + k) });
    }
    log.push({ instance: 'stuck', status: op.from, time: at(0), line: 1000 });
    log.push({ instance: 'stuck', status: op.to, time: at(5), line: 1001 });
    log.push({ instance: 'late', status: op.from, time: at(600) });
    const report = await fleetReport(service, log);
    expect(report.stuck.newest).toBe(Date.parse(at(600)));
    expect(report.stuck.instances.map((s) => [s.instance, s.status, s.age, s.entered, s.line])).toEqual([
      ['stuck', op.to, 595 * 60_000, true, 1001],
    ]);
    expect(report.stuck.instances[0]!.threshold).toBeCloseTo(report.dwell.find((d) => d.status === op.to)!.p99);
    const fixed = await fleetReport(service, log, { stuckAfter: 600 * 60_000 });
    expect(fixed.stuck.instances).toEqual([]);
    expect(fixed.stuck.threshold).toBe(600 * 60_000);
    // the operation's duration: from entering op.to to the first status that is not transitional
    const durations = report.operations.find((o) => o.operation === op.event)!;
    expect(durations.count).toBe(20);
    expect(durations.min).toBe(60_000);
    expect(durations.max).toBe(20 * 60_000);
    expect(durations.open).toBe(1);
  });

  it('reports an illegal pair as drift once it shows in --drift-min instances, with the evidence', async () => {
    const graph = statusGraph(service);
    const from = lifecycleModel(service).initial;
    const to = graph.statuses.find((s) => s !== from && !graph.allowedStrict[graph.idOf(from)]!.includes(s))!;
    const log = (instances: number): Observation[] =>
      Array.from({ length: instances }, (_, k) => [
        { instance: `i-${k}`, status: from, line: 2 * k + 1 },
        { instance: `i-${k}`, status: to, line: 2 * k + 2 },
      ]).flat();
    const two = await fleetReport(service, log(2));
    expect(two.drift.findings).toEqual([]);
    expect(two.fitness.violations).toHaveLength(1);
    const three = await fleetReport(service, log(3));
    expect(three.drift).toMatchObject({
      minInstances: 3,
      findings: [{ kind: 'illegal-transition', from, to, count: 3, instances: 3 }],
    });
    expect(three.drift.findings[0]!.evidence.map((e) => [e.instance, e.lines])).toEqual([
      ['i-0', [2]],
      ['i-1', [4]],
      ['i-2', [6]],
    ]);
    expect((await fleetReport(service, log(3), { driftMin: 4 })).drift.findings).toEqual([]);
    expect(three.transitions.illegal).toEqual([{ from, to, count: 3 }]);
  });
});

describe('the report on histories with hidden sub-states and operation records (Kafka ERROR)', () => {
  const history = (instance: string, ...records: string[]): Observation[] =>
    records.map((r) =>
      r.startsWith('(') ? { instance, status: '', operation: r.slice(1, -1) } : { instance, status: r },
    );

  it('judges each change as validate does: ERROR → DELETED is illegal after a fault, legal after a DELETE', async () => {
    const log = [
      ...history('faulted', 'RUNNING', 'ERROR', 'DELETED'),
      ...history('deleted', 'RUNNING', '(DELETE)', 'ERROR', 'DELETED'),
      ...history('restarted', 'RUNNING', '(RESTART)', 'ERROR', 'DELETED'),
      ...history('refused', 'CREATING', '(DELETE)', 'RUNNING'),
    ];
    const [report, validation] = await Promise.all([
      fleetReport('kafka', log, { histories: true }),
      validateFleet('kafka', log),
    ]);
    expect(report.histories).toEqual(validation.histories);
    expect(report.histories!.map((h) => [h.instance, h.ok])).toEqual([
      ['faulted', false],
      ['deleted', true],
      ['restarted', false],
      ['refused', false],
    ]);
    expect(report.observations).toMatchObject({ total: 14, operations: 3, unknown: 0 });
    expect(report.transitions.illegal).toEqual([{ from: 'ERROR', to: 'DELETED', count: 2 }]);
    expect(report.transitions.throughMissed).toEqual([
      { from: 'RUNNING', to: 'ERROR', missed: ['DELETING'], count: 1 },
      { from: 'RUNNING', to: 'ERROR', missed: ['RESTARTING'], count: 1 },
    ]);
    const pair = (from: string, to: string) => report.transitions.modelled.find((t) => t.from === from && t.to === to);
    expect(pair('ERROR', 'DELETED')).toMatchObject({ count: 1, inferred: 0 });
    expect(pair('DELETING', 'ERROR')).toMatchObject({ count: 0, inferred: 1 });
    expect(report.fitness.violations.map((g) => [g.kind, g.from, g.to, g.count])).toEqual([
      ['illegal-transition', 'ERROR', 'DELETED', 2],
      ['operation-not-allowed', 'CREATING', 'DELETE', 1],
    ]);
  });
});
