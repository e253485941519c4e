import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { services } from '../../machines/index.js';
import { lifecycleModel, type Simulation, type SimulationOptions, simulate, validateHistory } from '../../src/index.js';
import { createRandom, weightedTransitions } from '../../src/simulation/index.js';

const serviceArb = fc.constantFrom(...services.map((s) => s.id));
const seedArb = fc.integer({ min: 0, max: 0xffff_ffff });
const range = (max: number) =>
  fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 0, max })).map(([min, extra]) => ({ min, max: min + extra }));

/** The status of a timeline at a moment (the last one entered at or before it). */
function statusAt(simulation: Simulation, time: number): string {
  let status = simulation.observations[0]!.status;
  for (const o of simulation.observations) if (Date.parse(o.time) <= time) status = o.status;
  return status;
}

/** How long each observed status lasted (the last one until the simulation's end; a final one is left out). */
function durations(simulation: Simulation): number[] {
  const times = [...simulation.observations.map((o) => Date.parse(o.time)), Date.parse(simulation.end)];
  const lasted = simulation.observations.map((_, i) => times[i + 1]! - times[i]!);
  return simulation.final ? lasted.slice(0, -1) : lasted;
}

describe('simulate', () => {
  it('walks only transitions of the machine: the true history validates in strict mode, from any status', () => {
    fc.assert(
      fc.property(
        serviceArb,
        seedArb,
        fc.nat({ max: 60 }),
        fc.boolean(),
        fc.nat(),
        (service, seed, steps, avoidFinal, pick) => {
          const model = lifecycleModel(service);
          const from = model.states[pick % model.states.length]!.status;
          const simulation = simulate(service, { seed, steps, avoidFinal, from });
          expect(validateHistory(service, simulation.observations, { fromStart: from === model.initial }).ok).toBe(
            true,
          );
          expect(simulation.observations[0]!.status).toBe(from);
          expect(simulation.events.length).toBe(simulation.observations.length - 1);
          expect(simulation.events.length).toBeLessThanOrEqual(steps);
          simulation.events.forEach((event, i) => {
            expect(model.transitions).toContainEqual(
              expect.objectContaining({ from: event.from, to: event.to, event: event.event, kind: event.kind }),
            );
            expect(simulation.observations[i]!.status).toBe(event.from);
            expect(simulation.observations[i + 1]).toMatchObject({ status: event.to, time: event.time });
          });
          const last = simulation.observations.at(-1)!.status;
          const lastIsFinal = model.states.find((s) => s.status === last)!.tags.includes('final');
          expect(simulation.final).toBe(lastIsFinal);
          // it stops only at a final status, after all its steps, or where nothing can happen
          const stuck = !model.transitions.some((t) => t.from === last);
          expect(lastIsFinal || simulation.events.length === steps || stuck).toBe(true);
          // every status lasts at least a millisecond: times strictly increase
          expect(durations(simulation).every((d) => d >= 1)).toBe(true);
        },
      ),
    );
  });

  it('runs a full life from the initial status to a final one by default', () => {
    fc.assert(
      fc.property(serviceArb, seedArb, (service, seed) => {
        const model = lifecycleModel(service);
        const simulation = simulate(service, { seed, steps: 10_000 });
        expect(simulation.observations[0]!.status).toBe(model.initial);
        expect(simulation.final).toBe(true);
      }),
    );
  });

  it('with avoidFinal, never enters a final status while another way out exists', () => {
    fc.assert(
      fc.property(serviceArb, seedArb, fc.nat({ max: 40 }), (service, seed, steps) => {
        const model = lifecycleModel(service);
        const final = new Set(model.states.filter((s) => s.tags.includes('final')).map((s) => s.status));
        const simulation = simulate(service, { seed, steps, avoidFinal: true });
        for (const event of simulation.events) {
          if (!final.has(event.to)) continue;
          const from = event.fromLeaf ?? event.from;
          expect(model.transitions.filter((t) => t.fromLeaf === from).every((t) => final.has(t.to))).toBe(true);
        }
      }),
    );
  });

  it('draws each duration from its range: by status, then by tag, then the default', () => {
    fc.assert(
      fc.property(serviceArb, seedArb, range(1000), range(1000), (service, seed, transitional, running) => {
        const model = lifecycleModel(service);
        // the service's first stable status (RUNNING, ACTIVE, Available...) gets a range of its own
        const RUNNING = model.states.find((s) => s.tags.includes('stable'))!.status;
        const simulation = simulate(service, {
          seed,
          steps: 30,
          avoidFinal: true,
          durations: { byTag: { transitional }, byStatus: new Map([[RUNNING, running]]) },
        });
        durations(simulation).forEach((d, i) => {
          const status = simulation.observations[i]!.status;
          const tags = model.states.find((s) => s.status === status)!.tags;
          const expected =
            status === RUNNING
              ? running
              : tags.includes('transitional')
                ? transitional
                : { min: 10 * 60_000, max: 6 * 3_600_000 };
          expect(d).toBeGreaterThanOrEqual(expected.min);
          expect(d).toBeLessThanOrEqual(expected.max);
        });
      }),
    );
  });

  it('makes failures rare by default: a transition into a `failed` status is drawn about a tenth as often', () => {
    // From RUNNING (DCS), FAULT leads to ERROR (tagged failed) and four other transitions do not: 0.1 / 4.1 ≈ 2.4%.
    let faults = 0;
    const runs = 2000;
    for (let seed = 0; seed < runs; seed++) {
      const { events } = simulate('dcs', { seed, from: 'RUNNING', steps: 1 });
      if (events[0]?.event === 'FAULT') faults++;
    }
    expect(faults / runs).toBeGreaterThan(0.01);
    expect(faults / runs).toBeLessThan(0.045);
  });

  it('makes a failure outcome rare even where it leads back to a status not tagged failed (DCS resize)', () => {
    const model = lifecycleModel('dcs');
    const failing = model.transitions.find(
      (t) => t.failure && !model.states.find((s) => s.status === t.to)!.tags.includes('failed'),
    );
    expect(failing, 'DCS has a failure outcome into a status not tagged failed').toBeDefined();
    let failures = 0;
    const runs = 1000;
    for (let seed = 0; seed < runs; seed++) {
      const { events } = simulate('dcs' as string, { seed, from: failing!.from, steps: 1 });
      if (events[0]?.event === failing!.event) failures++;
    }
    const others = model.transitions.filter((t) => t.fromLeaf === failing!.fromLeaf && t !== failing).length;
    expect(failures / runs).toBeLessThan((2 * 0.1) / (0.1 + others));
  });

  it('weighs every failure (a failure outcome or a transition into a failed status) at failureWeight', () => {
    for (const service of services) {
      const model = lifecycleModel(service);
      const failed = new Set(model.states.filter((s) => s.tags.includes('failed')).map((s) => s.status));
      for (const list of weightedTransitions(model, { failureWeight: 0.25 }).values()) {
        for (const { transition, weight } of list) {
          expect(weight).toBe(transition.failure || failed.has(transition.to) ? 0.25 : 1);
        }
      }
    }
  });

  it('gives the same output for the same seed and options, without Math.random or Date.now', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    try {
      fc.assert(
        fc.property(serviceArb, seedArb, fc.boolean(), (service, seed, avoidFinal) => {
          const options: SimulationOptions = { seed, avoidFinal, steps: 20, pollInterval: 5 * 60_000, instance: 'i-1' };
          expect(simulate(service, options)).toEqual(simulate(service, options));
        }),
      );
      expect(random).not.toHaveBeenCalled();
      expect(now).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  it('gives different histories for different seeds', () => {
    fc.assert(
      fc.property(serviceArb, seedArb, seedArb, (service, a, b) => {
        fc.pre(a !== b);
        expect(simulate(service, { seed: a })).not.toEqual(simulate(service, { seed: b }));
      }),
    );
  });

  it('starts at the given time and copies the instance id into every observation', () => {
    const simulation = simulate('kafka', { start: '2030-05-01T12:00:00Z', instance: 'i-42', pollInterval: 60_000 });
    expect(simulation.observations[0]!.time).toBe('2030-05-01T12:00:00.000Z');
    expect([...simulation.observations, ...simulation.polled!].every((o) => o.instance === 'i-42')).toBe(true);
  });

  it('rejects bad options with a RangeError naming what was wrong', () => {
    // @ts-expect-error a misspelled status of a built-in service does not compile
    expect(() => simulate('kafka', { from: 'RUNING' })).toThrow(/unknown status "RUNING".*known statuses: .*RUNNING/);
    // @ts-expect-error nor does a prototype name
    expect(() => simulate('kafka', { from: '__proto__' })).toThrow(RangeError);
    expect(() => simulate('kafka', { seed: -1 })).toThrow(/seed/);
    expect(() => simulate('kafka', { seed: 1.5 })).toThrow(/seed/);
    expect(() => simulate('kafka', { steps: -1 })).toThrow(/steps/);
    expect(() => simulate('kafka', { start: 'soon' })).toThrow(/start/);
    expect(() => simulate('kafka', { durations: { byStatus: { NOPE: { min: 1, max: 2 } } } })).toThrow(/NOPE/);
    expect(() => simulate('kafka', { durations: { byTag: { stable: { min: 5, max: 2 } } } })).toThrow(/min <= max/);
    expect(() => simulate('kafka', { failureWeight: -1 })).toThrow(/failureWeight/);
    expect(() => simulate('kafka', { pollInterval: 0 })).toThrow(/poll interval/);
  });
});

describe('simulate: the polled view', () => {
  it('is what a poller sees: the true status at every multiple of the interval from the start', () => {
    fc.assert(
      fc.property(
        serviceArb,
        seedArb,
        range(5000),
        range(5000),
        fc.integer({ min: 25, max: 3000 }),
        (service, seed, transitional, stable, interval) => {
          const simulation = simulate(service, {
            seed,
            steps: 30,
            durations: { byTag: { transitional, stable } },
            pollInterval: interval,
          });
          const polled = simulation.polled!;
          const start = Date.parse(simulation.observations[0]!.time);
          polled.forEach((poll, k) => {
            expect(Date.parse(poll.time)).toBe(start + k * interval);
            expect(poll.status).toBe(statusAt(simulation, start + k * interval));
          });
          const end = Date.parse(simulation.end);
          if (simulation.final) {
            // it polls until it sees the final status, once
            expect(polled.at(-1)!.status).toBe(simulation.observations.at(-1)!.status);
            expect(Date.parse(polled.at(-1)!.time)).toBeLessThan(end + interval);
            expect(Date.parse(polled.at(-2)?.time ?? polled.at(-1)!.time)).toBeLessThan(end + 1);
          } else {
            expect(Date.parse(polled.at(-1)!.time)).toBeLessThan(end);
            expect(Date.parse(polled.at(-1)!.time) + interval).toBeGreaterThanOrEqual(end);
          }
        },
      ),
    );
  });

  it('validates in sampled mode whenever every status that is not transitional lasts at least the interval', () => {
    let premiseHeld = 0;
    fc.assert(
      fc.property(
        serviceArb,
        seedArb,
        range(4000),
        range(4000),
        fc.integer({ min: 1, max: 1000 }),
        (service, seed, transitional, stable, interval) => {
          const model = lifecycleModel(service);
          const transitionalStatuses = new Set(
            model.states.filter((s) => s.tags.includes('transitional')).map((s) => s.status),
          );
          const simulation = simulate(service, {
            seed,
            steps: 30,
            durations: { byTag: { transitional, stable } },
            pollInterval: interval,
          });
          const lasting = durations(simulation).every(
            (d, i) => transitionalStatuses.has(simulation.observations[i]!.status) || d >= interval,
          );
          if (!lasting) return;
          premiseHeld++;
          expect(validateHistory(service, simulation.polled!, { mode: 'sampled', fromStart: true }).ok).toBe(true);
        },
      ),
    );
    expect(premiseHeld).toBeGreaterThan(10); // the law was really exercised
  });

  it('validates in sampled mode with the default durations and any interval up to 10 minutes', () => {
    fc.assert(
      fc.property(serviceArb, seedArb, fc.integer({ min: 30_000, max: 10 * 60_000 }), (service, seed, interval) => {
        const simulation = simulate(service, { seed, steps: 25, pollInterval: interval });
        expect(validateHistory(service, simulation.polled!, { mode: 'sampled', fromStart: true }).ok).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('is honest: a stable status shorter than the interval is missed, and sampled mode then objects', () => {
    // CREATING lasts 90 s and RUNNING 1 ms: polls at 0, 60 s, 120 s see CREATING, CREATING, EXTENDING.
    const found = Array.from({ length: 200 }, (_, seed) =>
      simulate('kafka', {
        seed,
        steps: 2,
        pollInterval: 60_000,
        durations: { byStatus: { RUNNING: { min: 1, max: 1 } }, byTag: { transitional: { min: 90_000, max: 90_000 } } },
      }),
    ).find((s) => s.observations.map((o) => o.status).join() === 'CREATING,RUNNING,EXTENDING');
    expect(found).toBeDefined();
    expect(found!.polled!.map((o) => o.status)).not.toContain('RUNNING');
    expect(validateHistory('kafka', found!.polled!, { mode: 'sampled' }).ok).toBe(false);
  });
});

describe('createRandom', () => {
  it('draws integers within their range and numbers in [0, 1), the same sequence for the same seed', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: -1e12, max: 1e12 }), fc.nat({ max: 1e12 }), (seed, min, width) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 20; i++) {
          const n = a.integer(min, min + width);
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(min);
          expect(n).toBeLessThanOrEqual(min + width);
          expect(b.integer(min, min + width)).toBe(n);
          const x = a.next();
          expect(x >= 0 && x < 1).toBe(true);
          expect(b.next()).toBe(x);
        }
      }),
    );
  });

  it('spreads draws evenly: each of 10 buckets gets about a tenth of 10,000 draws', () => {
    const random = createRandom(12345);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[random.integer(0, 9)]!++;
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
