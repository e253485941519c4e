/** Helpers of the SQL agreement tests: the validator's violations in the query's shape, and one order for both. */
import type { Service } from '../../machines/index.js';
import { type ValidationMode, validateInput } from '../../src/index.js';
import type { SqlViolation } from '../../src/sql/duckdbEngine.js';

/** The validator's violations, in the query's shape and order (instance, index, then as reported). */
export async function validatorViolations(
  service: string | Service,
  file: string,
  mode: ValidationMode,
  fromStart: boolean,
) {
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
