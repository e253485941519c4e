/** `legalHistory`: a fast-check arbitrary of status histories that are legal paths through a service's machine. */
import type { Arbitrary } from 'fast-check';
import type { Service } from '../../machines/index.js';
import { lifecycleModel } from '../model/index.js';
import { fastCheck } from './fastCheck.js';
import { outgoingTransitions, walkFromChoices } from './walk.js';

/** Options of {@link legalHistory}. */
export interface LegalHistoryOptions {
  /** Start at the machine's initial status (the full life). Default false: any status may start. */
  fromStart?: boolean;
  /** Fewest statuses (default 1). A walk that reaches a final status earlier is shorter. */
  minLength?: number;
  /** Most statuses (default 20). */
  maxLength?: number;
}

/**
 * Histories that follow the machine's transitions one at a time: legal in strict mode. Each history is built
 * from a list of choices (which transition to take next), so shrinking shortens the walk or picks earlier
 * transitions, and a shrunk history is still legal.
 *
 * @example fc.assert(fc.property(legalHistory('kafka'), (h) => validateHistory('kafka', h).ok))
 */
export function legalHistory(service: string | Service, options: LegalHistoryOptions = {}): Arbitrary<string[]> {
  const fc = fastCheck();
  const model = lifecycleModel(service);
  const leaves = model.leaves.map((l) => l.leaf);
  const outgoing = outgoingTransitions(model);
  const maxLength = options.maxLength ?? 20;
  const minLength = Math.min(options.minLength ?? 1, maxLength);
  const start = options.fromStart
    ? fc.constant(model.initialLeaf)
    : fc.nat({ max: leaves.length - 1 }).map((i) => leaves[i]!);
  const choices = fc.array(fc.nat({ max: 1000 }), { minLength: minLength - 1, maxLength: maxLength - 1 });
  return fc.tuple(start, choices).map(([first, picks]) => walkFromChoices(outgoing, first, picks));
}
