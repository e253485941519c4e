/**
 * The fleet validator keeps instances compactly and gives an instance a full validator only when it needs detail:
 * its reports must be exactly those of one plain validator per instance, for every service and the sub-state
 * fixture, in every mode and option.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { createFleetValidator, statusGraph } from '../../src/index.js';
import { CompactFleet } from '../../src/validation/compactFleet.js';
import { fleetOptions, noisyFleetLog, referenceFleetReport } from '../support/fleetReference.js';
import { subStateService } from '../support/subStateService.js';

describe.each([...services, subStateService].map((s) => [s.id, s] as const))('the compact fleet (%s)', (_, service) => {
  it('reports exactly as one plain validator per instance (property)', () => {
    fc.assert(
      fc.property(noisyFleetLog(service), fleetOptions, (log, options) => {
        const fleet = createFleetValidator(service, options);
        fleet.pushAll(log);
        const expected = referenceFleetReport(service, log, options);
        expect(fleet.report()).toEqual(expected);
        const stream = fleet.reportStream();
        expect({ ...stream, histories: [...stream.histories] }).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('reports the same when its records and problems lie in chunks of 1, 2, 4 or 8 (property)', () => {
    fc.assert(
      fc.property(noisyFleetLog(service), fleetOptions, fc.integer({ min: 0, max: 3 }), (log, options, bits) => {
        const fleet = new CompactFleet(statusGraph(service), options, undefined, bits);
        fleet.pushAll(log);
        expect(fleet.report()).toEqual(referenceFleetReport(service, log, options));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the compact fleet', () => {
  it('keeps problems of all-illegal instances beyond maxDetails counted, not kept', () => {
    const fleet = createFleetValidator('kafka', { maxDetails: 1 });
    for (const status of ['RUNNING', 'CREATING', 'RUNNING', 'CREATING']) fleet.push({ instance: 'a', status });
    const [history] = fleet.report().histories;
    expect(history).toMatchObject({ ok: false, observations: 4, omitted: { violations: 1, missed: 0, notes: 0 } });
    expect(history!.violations.map((v) => [v.index, v.from, v.to])).toEqual([[1, 'RUNNING', 'CREATING']]);
  });

  it('rejects an instance id that is not a string', () => {
    const fleet = createFleetValidator('kafka');
    expect(() => fleet.push({ instance: 7 as unknown as string, status: 'RUNNING' })).toThrow(
      /"instance" must be a string/,
    );
  });
});
