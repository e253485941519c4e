/**
 * How long a simulated instance stays in each status: a range of milliseconds per status, per tag, with defaults
 * by tag (transitional statuses last seconds to minutes, the others minutes to hours), or, per status, an observed
 * distribution (a quantile sketch from a fleet report). Durations are drawn with a seeded {@link Random}: uniformly
 * from a range, or by the inverse of the observed distribution.
 */
import type { StatusTag } from '../../machines/vocabulary.js';
import { BadArgumentError, type LifecycleModel, quoteInput } from '../model/index.js';
import { QuantileSketch, type SketchData } from '../stats/quantileSketch.js';
import type { Random } from './random.js';

/** A range of durations in milliseconds, both ends included (integers, 1 <= min <= max). */
export interface DurationRange {
  min: number;
  max: number;
}

/**
 * Durations that follow an observed distribution: a quantile sketch of them in milliseconds (what a fleet report
 * gives per status in `dwell[].sketch`; see `durationsFromReport`). Draws are whole milliseconds >= 1.
 */
export interface ObservedDurations {
  observed: SketchData;
}

/** How long a status lasts: a range, or an observed distribution. */
export type DurationSpec = DurationRange | ObservedDurations;

/** Durations by status and by tag; the first that applies wins (see {@link durationTable}). */
export interface DurationOptions {
  /**
   * By status, e.g. `{ RESTARTING: { min: 60_000, max: 120_000 } }` or `{ RESTARTING: { observed: sketch } }` (a
   * Map works too).
   */
  byStatus?: Readonly<Record<string, DurationSpec>> | ReadonlyMap<string, DurationSpec>;
  /** By tag, e.g. `{ failed: { min: 3_600_000, max: 86_400_000 } }`; merged over {@link DEFAULT_DURATIONS}. */
  byTag?: Partial<Readonly<Record<StatusTag, DurationRange>>>;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The default durations by tag: `transitional` from 5 seconds to 5 minutes, `stable` from 10 minutes to 6 hours.
 * A status with neither tag (a final one) gets the stable range; a walk ends at a final status anyway.
 */
export const DEFAULT_DURATIONS: Readonly<Record<'transitional' | 'stable', DurationRange>> = {
  transitional: { min: 5 * SECOND, max: 5 * MINUTE },
  stable: { min: 10 * MINUTE, max: 6 * HOUR },
};

/**
 * The duration range of every status of a model, in the model's status order. For each status the first of these
 * applies: its entry in `byStatus`; the range of its first own tag (in the machine's order) found in `byTag`; the
 * default of its tags (`transitional`, else `stable`). Throws a RangeError for a status the model lacks or a
 * malformed range.
 *
 * @example durationTable(lifecycleModel('kafka'), { byTag: { transitional: { min: 1000, max: 2000 } } })
 */
export function durationTable(model: LifecycleModel, options: DurationOptions = {}): Map<string, DurationSpec> {
  const byStatus = new Map(options.byStatus instanceof Map ? options.byStatus : Object.entries(options.byStatus ?? {}));
  const known = new Set(model.states.map((s) => s.status));
  const specs = new Map<string, DurationSpec>();
  for (const [status, spec] of byStatus) {
    if (!known.has(status)) {
      throw new BadArgumentError(
        `durations: unknown status ${quoteInput(status)} for ${model.service}; known: ${[...known].join(', ')}`,
      );
    }
    specs.set(status, checkSpec(`durations of ${status}`, spec));
  }
  const byTag = new Map<StatusTag, DurationRange>(Object.entries(DEFAULT_DURATIONS) as [StatusTag, DurationRange][]);
  for (const [tag, range] of Object.entries(options.byTag ?? {}) as [StatusTag, DurationRange | undefined][]) {
    if (range === undefined) continue;
    checkRange(`durations of tag ${tag}`, range);
    byTag.set(tag, range);
  }
  const ranges = new Map<string, DurationSpec>();
  for (const state of model.states) {
    const own = specs.get(state.status);
    const tagged = state.tags.map((tag) => options.byTag?.[tag]).find((range) => range !== undefined);
    const fallback = state.tags.includes('transitional') ? byTag.get('transitional') : byTag.get('stable');
    ranges.set(state.status, own ?? tagged ?? fallback!);
  }
  return ranges;
}

/** A duration drawn from a spec: uniformly from a range, or from an observed distribution (whole ms >= 1). */
export function drawDuration(random: Random, spec: DurationSpec): number {
  if ('observed' in spec) return Math.max(1, Math.round(sketchOf(spec).valueAt(random.next())));
  return random.integer(spec.min, spec.max);
}

const sketches = new WeakMap<ObservedDurations, QuantileSketch>();

/** The sketch of an observed spec, read once (specs are checked by {@link durationTable} before use). */
function sketchOf(spec: ObservedDurations): QuantileSketch {
  let sketch = sketches.get(spec);
  if (sketch === undefined) {
    sketch = QuantileSketch.fromData(spec.observed);
    sketches.set(spec, sketch);
  }
  return sketch;
}

function checkSpec(what: string, spec: DurationSpec): DurationSpec {
  if (typeof spec === 'object' && spec !== null && 'observed' in spec) {
    const sketch = QuantileSketch.fromData(spec.observed, what);
    if (sketch.count === 0) throw new BadArgumentError(`${what}: the observed distribution is empty`);
    sketches.set(spec, sketch);
    return spec;
  }
  checkRange(what, spec);
  return spec;
}

function checkRange(what: string, range: DurationRange): void {
  const { min, max } = range;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 1 || max < min) {
    throw new BadArgumentError(
      `${what}: expected whole milliseconds with 1 <= min <= max, got ${JSON.stringify(range)}`,
    );
  }
}
