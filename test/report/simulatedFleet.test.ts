/**
 * A seeded simulated fleet with known durations gives them back: the report's dwell-time quantiles are within the
 * sketch's error of the exact ones, and inside the ranges the simulation drew from; a simulation calibrated from the
 * report (`durationsFromReport`) reproduces the distributions.
 */
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { type DurationRange, lifecycleModel, type Observation, simulate } from '../../src/index.js';
import {
  type ConformanceReport,
  DEFAULT_ALPHA,
  durationsFromReport,
  fleetReport,
  operationSpans,
} from '../../src/report/index.js';
import type { DurationOptions } from '../../src/simulation/durations.js';

const INSTANCES = 300;

/** A different known range per status: [k, 3k] minutes for the k-th status. */
function knownRanges(service: string): Map<string, DurationRange> {
  return new Map(
    lifecycleModel(service).states.map((s, i) => [s.status, { min: (i + 1) * 60_000, max: (i + 1) * 180_000 }]),
  );
}

/** The fleet's true histories, interleaved by time; and the exact dwell times per status. */
function simulatedFleet(service: string, durations: DurationOptions, seedBase: number) {
  const log: (Observation & { at: number })[] = [];
  const initial = lifecycleModel(service).initial;
  const exact = new Map<string, number[]>();
  const firstGaps: number[] = [];
  for (let k = 0; k < INSTANCES; k++) {
    const { observations } = simulate(service, { seed: seedBase + k, durations, steps: 30 });
    if (observations[1]) firstGaps.push(Date.parse(observations[1].time) - Date.parse(observations[0]!.time));
    observations.forEach((o, i) => {
      log.push({ instance: `i-${k}`, status: o.status, time: o.time, at: Date.parse(o.time) });
      // a hidden move between two sub-states of one status repeats the status: the dwell runs to the next change
      if (i > 0 && observations[i - 1]!.status === o.status) return;
      const next = observations.slice(i + 1).find((later) => later.status !== o.status);
      if ((i > 0 || o.status === initial) && next) {
        const list = exact.get(o.status) ?? [];
        list.push(Date.parse(next.time) - Date.parse(o.time));
        exact.set(o.status, list);
      }
    });
  }
  log.sort((a, b) => a.at - b.at);
  return { log: log.map(({ at: _, ...o }, i) => ({ ...o, line: i + 1 })), exact, firstGaps };
}

describe.each(services.map((s) => [s.id] as const))('a simulated %s fleet with known durations', (service) => {
  const ranges = knownRanges(service);
  let report: ConformanceReport;
  let exact: Map<string, number[]>;
  let firstGaps: number[];

  it('gives back every dwell time: counts exact, quantiles within alpha of the exact ones, inside the ranges', async () => {
    const fleet = simulatedFleet(service, { byStatus: ranges }, 1000);
    exact = fleet.exact;
    firstGaps = fleet.firstGaps;
    report = await fleetReport(service, fleet.log, { fromStart: true });
    expect(report.ok).toBe(true);
    expect(report.dwell.map((d) => d.status).sort()).toEqual([...exact.keys()].sort());
    for (const d of report.dwell) {
      const sorted = [...exact.get(d.status)!].sort((a, b) => a - b);
      expect(d.count).toBe(sorted.length);
      for (const [q, key] of [
        [0.5, 'p50'],
        [0.9, 'p90'],
        [0.99, 'p99'],
      ] as const) {
        const truth = sorted[Math.floor(q * (sorted.length - 1))]!;
        expect(Math.abs(d[key] - truth)).toBeLessThanOrEqual(DEFAULT_ALPHA * truth * (1 + 1e-9));
      }
      const range = ranges.get(d.status)!;
      // in a status with hidden sub-states, a dwell may span several of them, each drawn from the range
      const leaves = lifecycleModel(service).leaves.filter((l) => l.status === d.status).length;
      expect(d.min).toBeGreaterThanOrEqual(range.min);
      expect(d.max).toBeLessThanOrEqual(range.max * leaves);
      if (d.count >= 200 && leaves === 1) {
        // uniform on [min, max]: the median is near the middle (sampling error well under 10% at n >= 200)
        expect(Math.abs(d.p50 - (range.min + range.max) / 2)).toBeLessThan(0.1 * (range.max - range.min));
      }
    }
  });

  it('measures creation from the initial status to the first status that is not transitional', () => {
    const spans = operationSpans(service);
    const creation = report.operations.find((o) => o.operation === 'creation');
    expect(creation === undefined).toBe(spans.creation < 0);
    if (!creation) return;
    // a simulated creation is one transitional status (the first of each history): it lasts until the second one,
    // and is the initial status's dwell time
    expect(creation.count + creation.open).toBe(INSTANCES);
    expect(creation.count).toBe(firstGaps.length);
    expect(creation.min).toBe(Math.min(...firstGaps));
    expect(creation.max).toBe(Math.max(...firstGaps));
    expect(report.dwell.find((d) => d.status === lifecycleModel(service).initial)!.count).toBe(firstGaps.length);
    const range = ranges.get(lifecycleModel(service).initial)!;
    expect(Math.abs(creation.p50 - (range.min + range.max) / 2)).toBeLessThan(0.1 * (range.max - range.min));
  });

  it('calibrates a simulation: durations drawn from the report come back with the same distribution', async () => {
    const calibrated = durationsFromReport(JSON.parse(JSON.stringify(report)), service);
    const again = await fleetReport(service, simulatedFleet(service, calibrated, 5000).log, { fromStart: true });
    // compared where both fleets saw a status often enough that two samples' quantiles lie within 12% of each
    // other (at about 200 dwell times a status, two medians differ by more now and then: RabbitMQ's FROZEN did; every
    // history's first status gives 300), and only for statuses without hidden sub-states: a dwell in one with
    // sub-states may add up several durations drawn per sub-state (DCS's RUNNING, then its accepted deletion), which
    // a duration per status cannot give back
    const plain = (status: string) => lifecycleModel(service).leaves.filter((l) => l.status === status).length === 1;
    const often = report.dwell.filter((x) => x.count >= 300 && plain(x.status));
    expect(often.length).toBeGreaterThan(0);
    for (const d of often) {
      const back = again.dwell.find((x) => x.status === d.status)!;
      expect(back.count).toBeGreaterThan(200);
      for (const key of ['p50', 'p90'] as const) expect(Math.abs(back[key] - d[key]) / d[key]).toBeLessThan(0.12);
      expect(back.min).toBeGreaterThanOrEqual(Math.floor(d.min));
      expect(back.max).toBeLessThanOrEqual(Math.ceil(d.max));
    }
  });
});
