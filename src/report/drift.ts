/**
 * `driftFindings`: the violations that suggest the service has drifted from the model: a change the model calls
 * illegal, or a status it does not know, seen in at least `minInstances` instances. Problems of the data itself
 * (times, a history that does not start at the initial status) are not drift.
 */
import type { DriftFinding, ViolationGroup } from './types.js';

const DRIFT_KINDS = new Set(['illegal-transition', 'unknown-status']);

/**
 * The drift findings among violation groups, in the groups' order (most frequent first).
 *
 * @example driftFindings(report.fitness.violations, 3).map((f) => `${f.from} → ${f.to}`)
 */
export function driftFindings(groups: readonly ViolationGroup[], minInstances: number): DriftFinding[] {
  return groups
    .filter((g) => DRIFT_KINDS.has(g.kind) && g.instances >= minInstances)
    .map((g) => ({
      kind: g.kind,
      ...(g.from === undefined ? {} : { from: g.from }),
      to: g.to,
      count: g.count,
      instances: g.instances,
      message: g.message,
      evidence: g.examples.map((e) => ({ ...e, lines: [...e.lines] })),
    }));
}
