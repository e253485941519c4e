/**
 * How long a simulated instance stays in each status: a range of milliseconds per status, per tag, with defaults
 * by tag (transitional statuses last seconds to minutes, the others minutes to hours). Durations are drawn
 * uniformly from the range with a seeded {@link Random}.
 */
import type { StatusTag } from '../../machines/vocabulary.js';
import { BadArgumentError, type LifecycleModel, quoteInput } from '../model/index.js';
import type { Random } from './random.js';

/** A range of durations in milliseconds, both ends included (integers, 1 <= min <= max). */
export interface DurationRange {
  min: number;
  max: number;
}

/** Durations by status and by tag; the first that applies wins (see {@link durationTable}). */
export interface DurationOptions {
  /** By status, e.g. `{ RESTARTING: { min: 60_000, max: 120_000 } }` (a Map works too). */
  byStatus?: Readonly<Record<string, DurationRange>> | ReadonlyMap<string, DurationRange>;
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
export function durationTable(model: LifecycleModel, options: DurationOptions = {}): Map<string, DurationRange> {
  const byStatus = new Map(options.byStatus instanceof Map ? options.byStatus : Object.entries(options.byStatus ?? {}));
  const known = new Set(model.states.map((s) => s.status));
  for (const [status, range] of byStatus) {
    if (!known.has(status)) {
      throw new BadArgumentError(
        `durations: unknown status ${quoteInput(status)} for ${model.service}; known: ${[...known].join(', ')}`,
      );
    }
    checkRange(`durations of ${status}`, range);
  }
  const byTag = new Map<StatusTag, DurationRange>(Object.entries(DEFAULT_DURATIONS) as [StatusTag, DurationRange][]);
  for (const [tag, range] of Object.entries(options.byTag ?? {}) as [StatusTag, DurationRange | undefined][]) {
    if (range === undefined) continue;
    checkRange(`durations of tag ${tag}`, range);
    byTag.set(tag, range);
  }
  const ranges = new Map<string, DurationRange>();
  for (const state of model.states) {
    const own = byStatus.get(state.status);
    const tagged = state.tags.map((tag) => options.byTag?.[tag]).find((range) => range !== undefined);
    const fallback = state.tags.includes('transitional') ? byTag.get('transitional') : byTag.get('stable');
    ranges.set(state.status, own ?? tagged ?? fallback!);
  }
  return ranges;
}

/** A duration drawn uniformly from a range. */
export function drawDuration(random: Random, range: DurationRange): number {
  return random.integer(range.min, range.max);
}

function checkRange(what: string, range: DurationRange): void {
  const { min, max } = range;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 1 || max < min) {
    throw new BadArgumentError(
      `${what}: expected whole milliseconds with 1 <= min <= max, got ${JSON.stringify(range)}`,
    );
  }
}
