/** `historyWithIllegalStep`: a fast-check arbitrary of histories with exactly one illegal step, at a known index. */
import type { Arbitrary } from 'fast-check';
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/statusGraph.js';
import { BadArgumentError, lifecycleModel } from '../model/index.js';
import type { ValidationMode } from '../validation/validator.js';
import { fastCheck } from './fastCheck.js';
import { outgoingTransitions, walkFromChoices } from './walk.js';

/** Options of {@link historyWithIllegalStep}. */
export interface IllegalStepOptions {
  /** The mode in which the planted step is illegal (default `strict`); every other step is legal in both. */
  mode?: ValidationMode;
  /** Start at the machine's initial status. Default false: any status that can be followed illegally may start. */
  fromStart?: boolean;
  /** Most statuses before the illegal one (default 10); at least one. */
  maxBefore?: number;
  /** Most statuses after the illegal one (default 10). */
  maxAfter?: number;
}

/** A history with one illegal step: `history[index]` may not follow `history[index - 1]`. */
export interface HistoryWithIllegalStep {
  history: string[];
  /** Where the illegal step is (at least 1). */
  index: number;
}

/**
 * Histories that are legal walks except for one planted step to a status that may not follow the one before it
 * (in the given mode), after which the walk goes on legally from the planted status. The validator reports
 * exactly one violation, at `index`. Built from choices, so shrinking keeps exactly one illegal step.
 *
 * @example
 * fc.assert(fc.property(historyWithIllegalStep('kafka'), ({ history, index }) => {
 *   const { violations } = validateHistory('kafka', history);
 *   return violations.length === 1 && violations[0]!.index === index;
 * }))
 */
export function historyWithIllegalStep(
  service: string | Service,
  options: IllegalStepOptions = {},
): Arbitrary<HistoryWithIllegalStep> {
  const fc = fastCheck();
  const model = lifecycleModel(service);
  const graph = statusGraph(service);
  const n = graph.statuses.length;
  const table = options.mode === 'sampled' ? graph.sampled : graph.strict;
  const illegalAfter = new Map(
    graph.statuses.map((from, f) => [from, graph.statuses.filter((_, t) => t !== f && table[f * n + t]! < 0)]),
  );
  const starts = options.fromStart ? [model.initial] : graph.statuses.filter((s) => illegalAfter.get(s)!.length > 0);
  if (starts.length === 0 || illegalAfter.get(starts[0]!)!.length === 0) {
    throw new BadArgumentError(
      `${model.service}: no status can be followed by an illegal one from where the history starts`,
    );
  }
  const outgoing = outgoingTransitions(model);
  const firstLeaf = (status: string) => model.leaves.find((l) => l.status === status)!.leaf;
  const before = fc.array(fc.nat({ max: 1000 }), { maxLength: Math.max(0, (options.maxBefore ?? 10) - 1) });
  const after = fc.array(fc.nat({ max: 1000 }), { maxLength: options.maxAfter ?? 10 });
  return fc
    .tuple(fc.nat({ max: starts.length - 1 }), before, fc.nat({ max: 1000 }), after)
    .map(([startPick, beforePicks, illegalPick, afterPicks]) => {
      const prefix = walkFromChoices(outgoing, firstLeaf(starts[startPick]!), beforePicks);
      while (illegalAfter.get(prefix[prefix.length - 1]!)!.length === 0) prefix.pop(); // the start always has one
      const targets = illegalAfter.get(prefix[prefix.length - 1]!)!;
      const planted = targets[illegalPick % targets.length]!;
      const suffix = walkFromChoices(outgoing, firstLeaf(planted), afterPicks);
      return { history: [...prefix, ...suffix], index: prefix.length };
    });
}
