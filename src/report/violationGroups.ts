/**
 * `ViolationGroups`: violations grouped by kind and (from, to) pair as they stream in, so that one model gap shows
 * as one line with a count, the number of instances, and evidence from the first few instances. Memory is bounded:
 * at most {@link MAX_GROUPS} groups, {@link MAX_EXAMPLES} instances of evidence each, {@link MAX_EVIDENCE_LINES}
 * lines per instance.
 */
import type { Violation } from '../validation/index.js';
import type { Evidence, ViolationGroup } from './types.js';

/** The most groups kept; violations of further groups are only counted. */
export const MAX_GROUPS = 1000;
/** The most instances with evidence per group. */
export const MAX_EXAMPLES = 10;
/** The most lines kept per instance of evidence. */
export const MAX_EVIDENCE_LINES = 5;

/** A group being filled (the plain-data group plus bookkeeping). */
export type GroupState = ViolationGroup;

/** What one instance knows of the groups it is in: its evidence there, or null when it is not among the examples. */
export type InstanceGroups = Map<GroupState, Evidence | null>;

/** Violations grouped by kind and status pair. */
export class ViolationGroups {
  private readonly groups = new Map<string, GroupState>();
  /** Violations of groups beyond {@link MAX_GROUPS}. */
  ungrouped = 0;

  /**
   * Count a violation of an instance (its id, or a function giving it: called only when the instance becomes an
   * example). `seen` is the instance's own record of its groups (made on its first violation, kept with the
   * instance); the returned map is that record.
   */
  add(
    violation: Violation,
    instance: string | null | (() => string | null),
    file: string,
    seen: InstanceGroups | undefined,
  ): InstanceGroups | undefined {
    const key = `${violation.kind}\u0000${violation.from ?? ''}\u0000${violation.to}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      if (this.groups.size >= MAX_GROUPS) {
        this.ungrouped++;
        return seen;
      }
      group = {
        kind: violation.kind,
        ...(violation.from === undefined ? {} : { from: violation.from }),
        to: violation.to,
        count: 0,
        instances: 0,
        message: violation.message,
        examples: [],
      };
      this.groups.set(key, group);
    }
    group.count++;
    const mine = seen ?? new Map<GroupState, Evidence | null>();
    let evidence = mine.get(group);
    if (evidence === undefined) {
      group.instances++;
      evidence = null;
      if (group.examples.length < MAX_EXAMPLES) {
        evidence = { instance: typeof instance === 'function' ? instance() : instance, file, lines: [], count: 0 };
        group.examples.push(evidence);
      }
      mine.set(group, evidence);
    }
    if (evidence !== null) {
      evidence.count++;
      if (violation.line !== undefined && evidence.lines.length < MAX_EVIDENCE_LINES)
        evidence.lines.push(violation.line);
    }
    return mine;
  }

  /** The groups, most frequent first (then by instances, kind, from, to), as plain data. */
  list(): ViolationGroup[] {
    return [...this.groups.values()]
      .map((g) => ({ ...g, examples: g.examples.map((e) => ({ ...e, lines: [...e.lines] })) }))
      .sort(
        (a, b) =>
          b.count - a.count ||
          b.instances - a.instances ||
          a.kind.localeCompare(b.kind) ||
          (a.from ?? '').localeCompare(b.from ?? '') ||
          a.to.localeCompare(b.to),
      );
  }
}
