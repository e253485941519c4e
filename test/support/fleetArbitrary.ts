/**
 * `fleetLog`: a fast-check arbitrary of fleet logs for a service: interleaved observations of a few instances,
 * mostly polled legal lives, with some noise: statuses that may not follow, unknown statuses, odd spellings, times
 * that go backwards or cannot be read, and records without an instance id; optionally operation records (a user's
 * request before a status: mostly one the previous status allows, sometimes any operation of the machine).
 */
import fc from 'fast-check';
import type { Service } from '../../machines/index.js';
import { lifecycleModel, type Observation } from '../../src/index.js';
import { polledHistory } from '../../src/testing/index.js';

/** Options of {@link fleetLog}. */
export interface FleetLogOptions {
  /** Most instances (default 6). */
  maxInstances?: number;
  /** Allow noise (default true). */
  noise?: boolean;
  /** Put operation records before some statuses (default false). */
  operations?: boolean;
}

/** A fleet log: observations with lines 1.. in input order. */
export function fleetLog(service: string | Service, options: FleetLogOptions = {}): fc.Arbitrary<Observation[]> {
  const model = lifecycleModel(service);
  const statuses = model.states.map((s) => s.status);
  const allOperations = [...new Set(model.transitions.filter((t) => t.kind === 'operation').map((t) => t.event))];
  /** An operation before a status that follows `previous`: mostly one `previous` allows, else any. */
  const operationAfter = (previous: string | undefined, pick: number): string => {
    const allowed = [
      ...new Set(model.transitions.filter((t) => t.kind === 'operation' && t.from === previous).map((t) => t.event)),
    ];
    const list = allowed.length > 0 && pick % 4 !== 0 ? allowed : allOperations;
    return list[pick % list.length]!;
  };
  const noise = options.noise ?? true;
  const withOperations = (options.operations ?? false) && allOperations.length > 0;
  const step = fc.record({
    gap: fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), fc.constant(60_000)),
    kind: noise
      ? fc.oneof(
          { weight: 20, arbitrary: fc.constant('keep' as const) },
          { weight: 1, arbitrary: fc.constant('any' as const) },
          { weight: 1, arbitrary: fc.constant('unknown' as const) },
          { weight: 1, arbitrary: fc.constant('lower' as const) },
          { weight: 1, arbitrary: fc.constant('backwards' as const) },
          { weight: 1, arbitrary: fc.constant('bad-time' as const) },
          { weight: 1, arbitrary: fc.constant('no-time' as const) },
        )
      : fc.constant('keep' as const),
    other: fc.constantFrom(...statuses),
    operation: withOperations ? fc.option(fc.nat({ max: 1000 }), { freq: 3 }) : fc.constant(null),
  });
  const instance = fc.tuple(polledHistory(service, { maxLength: 12 }), fc.array(step, { maxLength: 40 }));
  return fc
    .tuple(
      fc.array(instance, { minLength: 1, maxLength: options.maxInstances ?? 6 }),
      fc.array(fc.nat(), { maxLength: 200 }),
      fc.boolean(),
    )
    .map(([lives, order, anonymous]) => {
      const queues = lives.map(([history, steps], k) => {
        let time = Date.UTC(2026, 0, 1) + k * 1000;
        const id = anonymous && k === 0 ? undefined : `i-${k}`;
        const base = id === undefined ? {} : { instance: id };
        /** The record of status `i` of the life, with its noise. */
        const record = (s: (typeof steps)[number], status: string, i: number): Omit<Observation, 'line'> => {
          switch (s.kind) {
            case 'any':
              return { ...base, status: s.other, time: new Date(time).toISOString() };
            case 'unknown':
              return { ...base, status: `NOT_A_STATUS_${i % 2}`, time: new Date(time).toISOString() };
            case 'lower':
              return { ...base, status: status.toLowerCase(), time: new Date(time).toISOString() };
            case 'backwards':
              return { ...base, status, time: new Date(time - 2 * 3_600_000).toISOString() };
            case 'bad-time':
              return { ...base, status, time: 'yesterday-ish' };
            case 'no-time':
              return { ...base, status };
            default:
              return { ...base, status, time: new Date(time).toISOString() };
          }
        };
        return history.flatMap((status, i): Omit<Observation, 'line'>[] => {
          const s = steps[i] ?? { gap: 60_000, kind: 'keep' as const, other: status, operation: null };
          time += s.gap;
          if (s.operation === null) return [record(s, status, i)];
          const operation = operationAfter(history[i - 1], s.operation);
          return [{ ...base, status: '', operation, time: new Date(time - 1).toISOString() }, record(s, status, i)];
        });
      });
      // interleave: each pick takes the next observation of one instance; the rest follow in instance order
      const log: Omit<Observation, 'line'>[] = [];
      for (const pick of order) {
        const open = queues.filter((q) => q.length > 0);
        if (open.length === 0) break;
        log.push(open[pick % open.length]!.shift()!);
      }
      for (const q of queues) log.push(...q);
      return log.map((o, i) => ({ ...o, line: i + 1 }));
    });
}
