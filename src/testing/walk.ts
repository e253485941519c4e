/** `walkFromChoices`: turn a list of choices into a legal walk, the common base of the history arbitraries. */
import type { LifecycleModel, TransitionInfo } from '../model/index.js';

/** The outgoing transitions of every leaf state of a model (keyed by leaf id), in the model's order. */
export function outgoingTransitions(model: LifecycleModel): Map<string, TransitionInfo[]> {
  const outgoing = new Map<string, TransitionInfo[]>(model.leaves.map((l) => [l.leaf, []]));
  for (const transition of model.transitions) outgoing.get(transition.fromLeaf)?.push(transition);
  return outgoing;
}

/**
 * The statuses of the walk from leaf `first` that takes, at each step, the outgoing transition `pick % count`; it
 * ends early at a leaf without a way out. Any list of picks gives a legal walk, so shrinking the picks keeps it
 * legal. A hidden move between sub-states of one status shows its status again (a legal repeat).
 *
 * @example walkFromChoices(outgoingTransitions(lifecycleModel('kafka')), 'RUNNING', [0, 0]) // RUNNING, then two steps
 */
export function walkFromChoices(
  outgoing: ReadonlyMap<string, readonly TransitionInfo[]>,
  first: string,
  picks: readonly number[],
): string[] {
  return leafWalk(outgoing, first, picks).map((leaf) => leaf.split('.')[0]!);
}

/** The leaf ids of the walk {@link walkFromChoices} describes. */
export function leafWalk(
  outgoing: ReadonlyMap<string, readonly TransitionInfo[]>,
  first: string,
  picks: readonly number[],
): string[] {
  const walk = [first];
  let current = first;
  for (const pick of picks) {
    const next = outgoing.get(current) ?? [];
    if (next.length === 0) break;
    current = next[pick % next.length]!.toLeaf;
    walk.push(current);
  }
  return walk;
}
