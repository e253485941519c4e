/**
 * The compact fleet's step listener (what the fleet report follows each step with): it is told every violation and
 * every change through missed statuses, in order, exactly as one plain validator per instance tells its
 * `onViolation` and `onMissed`, whether the step was checked on compact state or by a full validator; and
 * `stepKnown` / `fullValidator` leave the verdicts those of `push`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { createValidator, type HistoryValidator, type Observation, statusGraph } from '../../src/index.js';
import { timeValue } from '../../src/time/timeValue.js';
import { CompactFleet } from '../../src/validation/compactFleet.js';
import { compactFleet } from '../../src/validation/fleetValidator.js';
import { fleetOptions, noisyFleetLog } from '../support/fleetReference.js';
import { subStateService } from '../support/subStateService.js';

describe.each([...services, subStateService].map((s) => [s.id, s] as const))('the step listener (%s)', (_, service) => {
  it('is told what one validator per instance tells, and the verdicts are those of push (property)', () => {
    fc.assert(
      fc.property(noisyFleetLog(service), fleetOptions, (log, options) => {
        const { mode, fromStart } = options;
        const base = { ...(mode ? { mode } : {}), ...(fromStart === undefined ? {} : { fromStart }) };
        // the reference: one validator per instance, its callbacks noting what they are told
        const expected: unknown[] = [];
        const validators = new Map<string | undefined, HistoryValidator>();
        for (const o of log) {
          let validator = validators.get(o.instance);
          if (validator === undefined) {
            validator = createValidator(service, {
              ...base,
              maxDetails: 100,
              onViolation: (v) => expected.push(['violation', o.instance, v]),
              onMissed: (m) => expected.push(['missed', o.instance, m]),
            });
            validators.set(o.instance, validator);
          }
          validator.push(o);
        }
        // the compact fleet, each observation that can be stepped on compact state given as stepKnown
        const told: unknown[] = [];
        let instance: string | undefined;
        const graph = statusGraph(service);
        const fleet = new CompactFleet(graph, base, {
          onViolation: (v) => told.push(['violation', instance, v]),
          onMissed: (m) => told.push(['missed', instance, m]),
        });
        for (const o of log) {
          instance = o.instance;
          const id = fleet.table.intern(o.instance);
          const status = graph.idOf(o.status);
          const time = compactTime(o);
          if (o.operation === undefined && status >= 0 && time !== undefined && isLine(o.line))
            if (fleet.stepKnown(id, status, time, o.line ?? -1)) continue;
          const validator = fleet.fullValidator(id);
          validator.push(o);
        }
        expect(told).toEqual(expected);
        const plain = compactFleet(service, base);
        plain.pushAll(log);
        expect(fleet.report()).toEqual(plain.report());
        expect(fleet.observations).toBe(log.length);
      }),
      { numRuns: 100 },
    );
  });
});

/** The time of an observation as stepKnown takes it (NaN for none), or undefined when it is unreadable. */
function compactTime(o: Observation): number | undefined {
  if (o.time === undefined) return NaN;
  if (typeof o.time !== 'string' && typeof o.time !== 'number') return undefined;
  const ms = timeValue(o.time);
  return Number.isNaN(ms) ? undefined : ms;
}

function isLine(line: number | undefined): boolean {
  return line === undefined || (Number.isInteger(line) && line >= 0);
}
