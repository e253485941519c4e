/** Helpers of the SQL agreement tests: the validator's violations in the query's shape, and one order for both. */
import { expect } from 'vitest';
import { lifecycleModel, type ValidationMode, validateInput } from '../../src/index.js';
import type { SqlViolation } from '../../src/sql/duckdbEngine.js';

/** The validator's violations, in the query's shape and order (instance, index, then as reported). */
export async function validatorViolations(service: string, file: string, mode: ValidationMode, fromStart: boolean) {
  const report = await validateInput(service, file, { mode, fromStart });
  return sortViolations(
    report.histories.flatMap((h) =>
      h.violations.map((v) => ({
        instance: h.instance,
        index: v.index,
        ...(v.from === undefined ? {} : { from: v.from }),
        to: v.to,
        kind: v.kind,
        allowed: v.allowed,
      })),
    ),
  );
}

/** Violations sorted by instance, then index (stable: the order within one observation is kept). */
export function sortViolations<T extends Pick<SqlViolation, 'instance' | 'index'>>(list: T[]): T[] {
  return [...list].sort((a, b) => String(a.instance).localeCompare(String(b.instance)) || a.index - b.index);
}

/**
 * Check the query's violations against the validator's (both sorted). For a machine without hidden sub-states they
 * are the same. The query judges status by status, so where a status hides sub-states it accepts a change when any
 * sub-state allows it: then its violations are some of the validator's (the same index, kind, from and to; `allowed`
 * may list more), and every violation of another kind than an illegal change is found by both.
 */
export function expectSameViolations(
  service: string,
  actual: readonly SqlLikeViolation[],
  expected: readonly SqlLikeViolation[],
): void {
  if (!lifecycleModel(service).states.some((s) => s.subStates !== undefined)) {
    expect(actual).toEqual(expected);
    return;
  }
  const withoutAllowed = (list: readonly SqlLikeViolation[]) => list.map(({ allowed: _, ...rest }) => rest);
  const validator = withoutAllowed(expected);
  for (const violation of withoutAllowed(actual)) expect(validator).toContainEqual(violation);
  const others = (list: readonly SqlLikeViolation[]) =>
    withoutAllowed(list.filter((v) => v.kind !== 'illegal-transition'));
  expect(others(actual)).toEqual(others(expected));
}

/** A violation as the agreement tests compare them. */
type SqlLikeViolation = { kind: string; allowed: readonly string[] } & object;
