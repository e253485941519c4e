/** `polledHistory`: a fast-check arbitrary of what a poller sees of a legal life: legal in sampled mode. */
import type { Arbitrary } from 'fast-check';
import type { Service } from '../../machines/index.js';
import { lifecycleModel, statusesTagged } from '../model/index.js';
import { fastCheck } from './fastCheck.js';
import { outgoingTransitions, walkFromChoices } from './walk.js';

/** Options of {@link polledHistory}. */
export interface PolledHistoryOptions {
  /** Start at the machine's initial status. Default false: any status may start. */
  fromStart?: boolean;
  /** Fewest statuses of the walk underneath (default 1); a walk that reaches a final status earlier is shorter. */
  minLength?: number;
  /** Most statuses of the walk underneath (default 20), before repeats. */
  maxLength?: number;
  /** Most extra repeats of one seen status (default 2): a poller that saw no change. */
  maxRepeats?: number;
}

/**
 * Histories as a poller sees them: a legal walk (see `legalHistory`) in which transitional statuses after the first
 * may be missed and any seen status may repeat. Every such history validates in `sampled` mode (not always in
 * `strict` mode). Built from choices (next transition, missed or not, how many repeats), so a shrunk history is
 * still a polled history: shrinking shortens the walk, keeps missed statuses and drops repeats.
 *
 * @example
 * fc.assert(fc.property(polledHistory('dcs', { fromStart: true }), (h) =>
 *   validateHistory('dcs', h, { mode: 'sampled', fromStart: true }).ok))
 */
export function polledHistory(service: string | Service, options: PolledHistoryOptions = {}): Arbitrary<string[]> {
  const fc = fastCheck();
  const model = lifecycleModel(service);
  const leaves = model.leaves.map((l) => l.leaf);
  const transitional = statusesTagged(model, 'transitional');
  const outgoing = outgoingTransitions(model);
  const maxLength = Math.max(1, options.maxLength ?? 20);
  const minLength = Math.max(1, Math.min(options.minLength ?? 1, maxLength));
  const maxRepeats = options.maxRepeats ?? 2;
  const start = options.fromStart
    ? fc.constant(model.initialLeaf)
    : fc.nat({ max: leaves.length - 1 }).map((i) => leaves[i]!);
  const step = fc.record({ pick: fc.nat({ max: 1000 }), missed: fc.boolean(), repeats: fc.nat({ max: maxRepeats }) });
  const steps = fc.array(step, { minLength, maxLength });
  return fc.tuple(start, steps).map(([first, choices]) => {
    const walk = walkFromChoices(
      outgoing,
      first,
      choices.slice(1).map((c) => c.pick),
    );
    const seen: string[] = [];
    walk.forEach((status, i) => {
      const { missed, repeats } = choices[i]!;
      if (i > 0 && missed && transitional.has(status)) return;
      for (let r = 0; r <= repeats; r++) seen.push(status);
    });
    return seen;
  });
}
