/**
 * The lifecycle side of chaos: how a new instance's outcomes are weighted and which statuses it gets stuck in,
 * drawn once when the instance is created. Everything is derived from the machine: the statuses an operation leads
 * to are the targets of its transitions (the initial status for {@link CREATE}), and a failure is an outcome the
 * machine marks as one or a transition into a status tagged `failed`.
 */
import { type LifecycleModel, statusesTagged, type TransitionInfo } from '../model/index.js';
import type { DurationOptions, Random, WeightOptions } from '../simulation/index.js';
import { type ChaosSettings, CREATE, DEFAULT_STUCK_FOR } from './chaos.js';

/** The options of the simulated instance that carry the chaos of one new instance. */
export interface InstanceChaos extends Required<Pick<WeightOptions, 'weight'>> {
  durations: DurationOptions;
  /** The statuses this instance gets stuck in. */
  stuck: ReadonlySet<string>;
}

/**
 * The statuses an operation leads to: the targets of its transitions, or the initial status for {@link CREATE}.
 *
 * @example operationTargets(lifecycleModel('kafka'), 'RESIZE') // ['EXTENDING']
 */
export function operationTargets(model: LifecycleModel, operation: string): string[] {
  if (operation === CREATE) return [model.initial];
  return [
    ...new Set(model.transitions.filter((t) => t.kind === 'operation' && t.event === operation).map((t) => t.to)),
  ];
}

/**
 * The weights and durations of a new instance. Without a failure rate, outcomes never fail (a fake cloud answers
 * what it is told), unless every outcome of a status is a failure. With a rate `p` for an operation, the outcomes
 * that leave the statuses it leads to fail with probability `p` (each time). A stuck rate draws, once per
 * instance, whether those statuses last `stuckFor` instead of their usual duration.
 */
export function instanceChaos(
  model: LifecycleModel,
  settings: ChaosSettings,
  durations: DurationOptions | undefined,
  random: Random,
): InstanceChaos {
  const failureRate = new Map<string, number>();
  for (const [operation, rate] of Object.entries(settings.failures ?? {})) {
    for (const status of operationTargets(model, operation)) failureRate.set(status, rate);
  }
  const stuck = new Set<string>();
  for (const [operation, rate] of Object.entries(settings.stuck ?? {})) {
    const hit = random.next() < rate;
    if (hit) for (const status of operationTargets(model, operation)) stuck.add(status);
  }
  const failed = statusesTagged(model, 'failed');
  const isFailure = (t: TransitionInfo) => t.failure === true || failed.has(t.to);
  const outcomesFrom = new Map<string, TransitionInfo[]>();
  for (const t of model.transitions) {
    if (t.kind !== 'outcome') continue;
    outcomesFrom.set(t.from, [...(outcomesFrom.get(t.from) ?? []), t]);
  }
  const weight = (t: TransitionInfo): number | undefined => {
    if (t.kind !== 'outcome') return undefined;
    const siblings = outcomesFrom.get(t.from) ?? [];
    const failures = siblings.filter(isFailure).length;
    const successes = siblings.length - failures;
    if (failures === 0 || successes === 0) return 1; // no choice to make
    const rate = failureRate.get(t.from) ?? 0;
    return isFailure(t) ? rate / failures : (1 - rate) / successes;
  };
  const stuckFor = settings.stuckFor ?? DEFAULT_STUCK_FOR;
  const byStatus = new Map(
    durations?.byStatus instanceof Map ? durations.byStatus : Object.entries(durations?.byStatus ?? {}),
  );
  for (const status of stuck) byStatus.set(status, { min: stuckFor, max: stuckFor });
  return { weight, durations: { ...durations, byStatus }, stuck };
}
