/**
 * A fast-check arbitrary of fleet logs for agreement tests: a few instances of one service, each a legal history
 * (or one with a planted illegal step, or any statuses in any order) with, now and then, an unknown status, a case,
 * space or alias variant, a missing or unreadable time, or a time that goes backwards; the instances' records
 * interleaved as one log.
 */
import fc from 'fast-check';
import type { Service } from '../../machines/index.js';
import { lifecycleModel } from '../../src/index.js';
import { historyWithIllegalStep, legalHistory } from '../../src/testing/index.js';

/** One record of the log, in the validator's field names. */
export interface FleetRecord {
  instance_id: string;
  status: string;
  time?: string | number;
}

const START = Date.parse('2026-01-01T00:00:00Z');

function instanceHistory(service: string | Service, statuses: readonly string[]): fc.Arbitrary<string[]> {
  return fc.oneof(
    legalHistory(service, { maxLength: 8 }),
    historyWithIllegalStep(service, { mode: 'strict', maxBefore: 4, maxAfter: 4 }).map((h) => h.history),
    historyWithIllegalStep(service, { mode: 'sampled', maxBefore: 4, maxAfter: 4 }).map((h) => h.history),
    // any statuses in any order: where statuses hide sub-states, a change legal from some sub-state but not from
    // those the history allows (judging pair by pair would accept it)
    fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 8 }),
  );
}

type Twist = 'none' | 'lower' | 'spaces' | 'alias' | 'unknown' | 'no-time' | 'bad-time' | 'earlier' | 'number-time';

/** A fleet log of `service`: records in file order. */
export function fleetRecords(service: string | Service): fc.Arbitrary<FleetRecord[]> {
  const model = lifecycleModel(service);
  const statuses = model.states.map((s) => s.status);
  const aliases = new Map(model.states.map((s) => [s.status, s.aliases ?? []]));
  const twist = fc.constantFrom<Twist>(
    'none',
    'none',
    'none',
    'none',
    'lower',
    'spaces',
    'alias',
    'unknown',
    'no-time',
    'bad-time',
    'earlier',
    'number-time',
  );
  const instance = fc.tuple(instanceHistory(service, statuses), fc.array(twist, { minLength: 12, maxLength: 12 }));
  return fc
    .tuple(fc.array(instance, { minLength: 1, maxLength: 5 }), fc.array(fc.nat({ max: 1000 }), { maxLength: 80 }))
    .map(([instances, picks]) => {
      const queues = instances.map(([history, twists], n) =>
        history.map((status, i): FleetRecord => {
          const at = START + i * 60_000;
          const record: FleetRecord = { instance_id: `i-${n}`, status, time: new Date(at).toISOString() };
          switch (twists[i % twists.length]) {
            case 'lower':
              record.status = status.toLowerCase();
              break;
            case 'spaces':
              record.status = ` ${status}\t`;
              break;
            case 'alias': {
              // an alias as written, or lower case and padded, where the status has one
              const names = aliases.get(status) ?? [];
              const alias = names[i % Math.max(1, names.length)];
              if (alias !== undefined) record.status = i % 2 === 0 ? alias : ` ${alias.toLowerCase()} `;
              break;
            }
            case 'unknown':
              record.status = `${status}_X`;
              break;
            case 'no-time':
              delete record.time;
              break;
            case 'bad-time':
              record.time = 'soon';
              break;
            case 'earlier':
              record.time = new Date(at - 3 * 60_000).toISOString();
              break;
            case 'number-time':
              record.time = at;
              break;
          }
          return record;
        }),
      );
      // interleave: each pick takes the next record of one instance that has some left
      const log: FleetRecord[] = [];
      let p = 0;
      while (queues.some((q) => q.length > 0)) {
        const open = queues.filter((q) => q.length > 0);
        log.push(open[(picks[p++] ?? 0) % open.length]!.shift()!);
      }
      return log;
    })
    .filter((log) => log.every((r) => statuses.length > 0 && r.status !== undefined));
}
