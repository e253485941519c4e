/**
 * `durationsFromReport`: simulation calibrated from reality. The dwell times a fleet report observed per status
 * become the durations a simulation draws (statuses the report has no data for keep the defaults).
 */
import { BadArgumentError } from '../model/index.js';
import type { DurationOptions, DurationSpec } from '../simulation/durations.js';
import { QuantileSketch, type SketchData } from '../stats/quantileSketch.js';

/**
 * The duration options of a report's observed dwell times: `byStatus` with each status's observed distribution.
 * `report` may be a `ConformanceReport` or its parsed JSON (checked: a BadArgumentError says what is missing); with
 * `service`, the report must be about that service.
 *
 * @example simulate('kafka', { seed: 1, durations: durationsFromReport(report, 'kafka') })
 */
export function durationsFromReport(report: unknown, service?: string): DurationOptions {
  const fail = (detail: string): never => {
    throw new BadArgumentError(`durations from a report: ${detail}`);
  };

  if (typeof report !== 'object' || report === null || Array.isArray(report))
    fail('expected a report object (instance-lifecycle report --json)');
  const { service: about, dwell } = report as { service?: unknown; dwell?: unknown };
  if (typeof about !== 'string') fail('expected a "service" field');
  if (service !== undefined && about !== service) fail(`the report is about ${about}, not ${service}`);
  if (!Array.isArray(dwell)) fail('expected a "dwell" list');
  const byStatus = new Map<string, DurationSpec>();
  for (const [index, entry] of (dwell as unknown[]).entries()) {
    const { status, sketch } = (entry ?? {}) as { status?: unknown; sketch?: unknown };
    if (typeof status !== 'string' || typeof sketch !== 'object' || sketch === null)
      fail(`dwell[${index}]: expected { status, sketch }`);
    if (sketchOf(sketch as SketchData, index, fail).count > 0)
      byStatus.set(status as string, { observed: sketch as SketchData });
  }
  return { byStatus };
}

/** The sketch read from the data, or a failure naming where it is malformed. */
function sketchOf(data: SketchData, index: number, fail: (detail: string) => never): QuantileSketch {
  try {
    return QuantileSketch.fromData(data, `dwell[${index}].sketch`);
  } catch (error) {
    if (error instanceof BadArgumentError) fail(error.message);
    throw error;
  }
}
