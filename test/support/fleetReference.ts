/**
 * The reference the fleet validator's fast paths are checked against: one plain incremental validator per
 * instance (a map from instance id to validator, as the fleet validator was first written), and a fast-check
 * arbitrary of fleet logs that exercises every rule: legal and illegal steps, unknown statuses, case, space and alias
 * spellings, operations, times as ISO text (to the second and to the millisecond), numbers, dates, going backwards
 * or unreadable, records without an instance id, and odd line numbers.
 */
import fc from 'fast-check';
import type { Service } from '../../machines/index.js';
import {
  createValidator,
  type FleetOptions,
  type FleetReport,
  type HistoryValidator,
  lifecycleModel,
  type Observation,
  statusGraph,
} from '../../src/index.js';
import { fleetReportOf } from '../../src/validation/index.js';

/** The fleet report of one plain validator per instance. */
export function referenceFleetReport(
  service: string | Service,
  log: readonly Observation[],
  options: FleetOptions = {},
): FleetReport {
  const byInstance = new Map<string | undefined, HistoryValidator>();
  const mode = options.mode ?? 'strict';
  const fromStart = options.fromStart ?? false;
  for (const o of log) {
    let validator = byInstance.get(o.instance);
    if (validator === undefined) {
      validator = createValidator(service, {
        mode,
        fromStart,
        explain: options.explain ?? false,
        maxDetails: options.maxDetails ?? 100,
        ...(o.instance === undefined ? {} : { instance: o.instance }),
      });
      byInstance.set(o.instance, validator);
    }
    if (o.operation === undefined) validator.pushStatus(o.status, o.line, o.time);
    else validator.push(o);
  }
  return fleetReportOf(statusGraph(service).service, mode, fromStart, byInstance);
}

const START = Date.UTC(2026, 0, 1);

/** Random fleet options: both modes, from the start or not, explain, small and default detail caps. */
export const fleetOptions: fc.Arbitrary<FleetOptions> = fc.record(
  {
    mode: fc.constantFrom('strict' as const, 'sampled' as const),
    fromStart: fc.boolean(),
    explain: fc.boolean(),
    maxDetails: fc.constantFrom(0, 1, 2, 100),
  },
  { requiredKeys: ['mode'] },
);

/** A random fleet log of `service`: mostly walks of its machine, with every kind of noise. */
export function noisyFleetLog(service: string | Service, maxRecords = 60): fc.Arbitrary<Observation[]> {
  const model = lifecycleModel(service);
  const statuses = model.states.map((s) => s.status);
  const initial = model.initial;
  const aliases = model.states.flatMap((s) => s.aliases ?? []);
  const operations = [...new Set(model.transitions.filter((t) => t.kind === 'operation').map((t) => t.event))];
  const next = new Map(
    model.states.map((s) => [
      s.status,
      [...new Set(model.transitions.filter((t) => t.from === s.status).map((t) => t.to))] as string[],
    ]),
  );
  const statusOf = fc.oneof(
    { weight: 12, arbitrary: fc.constant('walk' as const) },
    { weight: 3, arbitrary: fc.constant('repeat' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...statuses) },
    { weight: 1, arbitrary: fc.constantFrom(...statuses).map((s) => s.toLowerCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...statuses).map((s) => ` ${s}\t`) },
    { weight: 1, arbitrary: aliases.length > 0 ? fc.constantFrom(...aliases) : fc.constant('ALIAS?') },
    { weight: 1, arbitrary: fc.constantFrom('NOT_A_STATUS', 'x\u0007y', '') },
  );
  const timeOf = fc.oneof(
    { weight: 8, arbitrary: fc.constant('iso' as const) },
    { weight: 2, arbitrary: fc.constant('iso-ms' as const) },
    { weight: 2, arbitrary: fc.constant('none' as const) },
    { weight: 1, arbitrary: fc.constant('number' as const) },
    { weight: 1, arbitrary: fc.constant('date' as const) },
    { weight: 1, arbitrary: fc.constant('backwards' as const) },
    { weight: 1, arbitrary: fc.constantFrom('soon', '2026-02-30T00:00:00Z', '2026-01-01T00:00:00.5Z', ' 12 ') },
  );
  const record = fc.record({
    instance: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'é', '\ud800') },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    status: statusOf,
    operation: fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: operations.length > 0 ? fc.constantFrom(...operations, 'NO_SUCH_OP') : fc.constant('NO_SUCH_OP'),
      },
    ),
    time: timeOf,
    line: fc.oneof(
      { weight: 12, arbitrary: fc.constant('next' as const) },
      { weight: 1, arbitrary: fc.constantFrom(undefined, 0, -3, 2.5) },
    ),
    gap: fc.integer({ min: 0, max: 600_000 }),
  });
  // size 'max': lengths up to maxRecords (fast-check's default size keeps arrays to about 10 items)
  return fc.array(record, { maxLength: maxRecords, size: 'max' }).map((records) => {
    const last = new Map<string | undefined, string>();
    let time = START;
    return records.map((r, i): Observation => {
      time += r.gap;
      const previous = last.get(r.instance) ?? initial;
      let status: string;
      if (r.status === 'walk') {
        const options = next.get(previous) ?? [];
        status = options.length > 0 ? options[r.gap % options.length]! : previous;
      } else if (r.status === 'repeat') status = previous;
      else status = r.status;
      if (statuses.includes(status)) last.set(r.instance, status);
      const o: Observation = { status };
      if (r.operation !== undefined) {
        o.operation = r.operation;
        if (r.gap % 2 === 0) o.status = '';
      }
      if (r.time === 'iso') o.time = `${new Date(time).toISOString().slice(0, 19)}Z`;
      else if (r.time === 'iso-ms') o.time = new Date(time).toISOString();
      else if (r.time === 'number') o.time = time;
      else if (r.time === 'date') o.time = new Date(time);
      else if (r.time === 'backwards') o.time = new Date(time - 3_600_000).toISOString();
      else if (r.time !== 'none') o.time = r.time;
      if (r.line === 'next') o.line = i + 1;
      else if (r.line !== undefined) o.line = r.line;
      if (r.instance !== undefined) o.instance = r.instance;
      return o;
    });
  });
}
