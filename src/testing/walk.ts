/** `walkFromChoices`: turn a list of choices into a legal walk, the common base of the history arbitraries. */
import type { LifecycleModel, TransitionInfo } from '../model/index.js';

/** The outgoing transitions of every status of a model, in the model's order. */
export function outgoingTransitions(model: LifecycleModel): Map<string, TransitionInfo[]> {
  const outgoing = new Map<string, TransitionInfo[]>(model.states.map((s) => [s.status, []]));
  for (const transition of model.transitions) outgoing.get(transition.from)?.push(transition);
  return outgoing;
}

/**
 * The walk from `first` that takes, at each step, the outgoing transition `pick % count`; it ends early at a status
 * without a way out. Any list of picks gives a legal walk, so shrinking the picks keeps it legal.
 *
 * @example walkFromChoices(outgoingTransitions(lifecycleModel('kafka')), 'RUNNING', [0, 0]) // RUNNING, then two steps
 */
export function walkFromChoices(
  outgoing: ReadonlyMap<string, readonly TransitionInfo[]>,
  first: string,
  picks: readonly number[],
): string[] {
  const walk = [first];
  let current = first;
  for (const pick of picks) {
    const next = outgoing.get(current) ?? [];
    if (next.length === 0) break;
    current = next[pick % next.length]!.to;
    walk.push(current);
  }
  return walk;
}
