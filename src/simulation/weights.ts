/**
 * Which transition a simulated instance takes next: each outgoing transition has a weight, and one is drawn with
 * probability proportional to it. By default failures are rare (weight 0.1 against 1 for the others): outcomes the
 * machine marks as `failure`, and transitions into a status tagged `failed`; both come from the machine, not from
 * event names.
 */
import { BadArgumentError, type LifecycleModel, statusesTagged, type TransitionInfo } from '../model/index.js';
import type { Random } from './random.js';

/** How transitions are weighted. */
export interface WeightOptions {
  /**
   * Weight of a failure: an outcome marked `failure`, or a transition into a status tagged `failed` (default
   * {@link DEFAULT_FAILURE_WEIGHT}).
   */
  failureWeight?: number;
  /**
   * Your own weight for a transition (a finite number >= 0; 0 means never), or `undefined` for the default.
   *
   * @example weight: (t) => (t.kind === 'operation' && t.event === 'DELETE' ? 0 : undefined)
   */
  weight?: (transition: TransitionInfo) => number | undefined;
}

/** The default weight of a failure (the other transitions weigh 1). */
export const DEFAULT_FAILURE_WEIGHT = 0.1;

/** A transition with its weight. */
export interface WeightedTransition {
  transition: TransitionInfo;
  weight: number;
}

/**
 * The outgoing transitions of every leaf state of a model (keyed by leaf id: the status itself for a status without
 * sub-states) with their weights (transitions of weight 0 left out), in the model's order. Throws a RangeError for a negative or non-finite weight.
 *
 * @example weightedTransitions(lifecycleModel('dcs')).get('RUNNING')?.map((w) => w.weight)
 */
export function weightedTransitions(
  model: LifecycleModel,
  options: WeightOptions = {},
): Map<string, WeightedTransition[]> {
  const failureWeight = options.failureWeight ?? DEFAULT_FAILURE_WEIGHT;
  checkWeight('failureWeight', failureWeight);
  const failed = statusesTagged(model, 'failed');
  const outgoing = new Map<string, WeightedTransition[]>(model.leaves.map((l) => [l.leaf, []]));
  for (const transition of model.transitions) {
    const isFailure = transition.failure === true || failed.has(transition.to);
    const weight = options.weight?.(transition) ?? (isFailure ? failureWeight : 1);
    checkWeight(`weight of ${transition.from} --${transition.event}--> ${transition.to}`, weight);
    if (weight > 0) outgoing.get(transition.fromLeaf)?.push({ transition, weight });
  }
  return outgoing;
}

/** One of the candidates, drawn with probability proportional to its weight; `undefined` when there is none. */
export function chooseTransition(
  random: Random,
  candidates: readonly WeightedTransition[],
): TransitionInfo | undefined {
  if (candidates.length === 0) return undefined;
  const total = candidates.reduce((sum, c) => sum + c.weight, 0);
  let point = random.next() * total;
  for (const candidate of candidates) {
    point -= candidate.weight;
    if (point < 0) return candidate.transition;
  }
  return candidates[candidates.length - 1]!.transition; // rounding left a sliver at the end
}

function checkWeight(what: string, weight: number): void {
  if (!Number.isFinite(weight) || weight < 0)
    throw new BadArgumentError(`${what}: expected a finite number >= 0, got ${weight}`);
}
