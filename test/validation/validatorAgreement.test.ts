/**
 * The compiled validator (integer tables over sets of leaf states) agrees with the slow reference that replays every
 * step through xstate's own `transition()`, on legal and on random histories (with operations among the statuses),
 * for every service and for a test machine with hidden sub-states and aliases, in both modes, with and without
 * `fromStart`; and faults planted in legal histories are found where they were planted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { createValidator, lifecycleModel, statusGraph, type ValidationMode, validateHistory } from '../../src/index.js';
import { legalHistory, type ReplayItem, validateByReplay } from '../../src/testing/index.js';
import { subStateService } from '../support/subStateService.js';

const MODES: ValidationMode[] = ['strict', 'sampled'];
const RUNS = 100;
/** Strings no status is spelled like, even after trimming and upper-casing (prototype names included). */
const JUNK = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'RUNNINGX', 'Ärger', 'null'];

const kinds = (violations: readonly { index: number; kind: string }[]) => violations.map((v) => `${v.index}:${v.kind}`);

const SERVICES = [...services, subStateService];

/** The history as the validator takes it (an operation is a record with an empty status). */
const asObservations = (history: readonly ReplayItem[]) =>
  history.map((item) => (typeof item === 'string' ? item : { status: '', operation: item.operation }));

describe.each(SERVICES.map((s) => [s.id, s] as const))('%s: compiled validator = xstate replay', (_, service) => {
  const model = lifecycleModel(service);
  const statuses = model.states.map((s) => s.status);
  const graph = statusGraph(service);
  const spelled = (j: string) => j.trim().toUpperCase();
  const isAlias = (j: string) => model.states.some((s) => (s.aliases ?? []).some((a) => spelled(a) === spelled(j)));
  const junk = JUNK.filter((j) => graph.idOf(spelled(j)) < 0 && !isAlias(j));
  // operations, and names that are none (an outcome, a stranger)
  const operations = [
    ...graph.operations,
    ...model.transitions.filter((t) => t.kind === 'outcome').map((t) => t.event),
    'NOPE',
  ];
  const anyHistory = fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...statuses) },
      { weight: 1, arbitrary: fc.constantFrom(...junk) },
      { weight: 1, arbitrary: fc.constantFrom(...operations).map((operation): ReplayItem => ({ operation })) },
    ),
    {
      maxLength: 12,
    },
  );

  for (const mode of MODES) {
    for (const fromStart of [false, true]) {
      it(`agrees on legal histories (${mode}${fromStart ? ', from start' : ''}), which are all legal`, () => {
        fc.assert(
          fc.property(legalHistory(service, { fromStart, maxLength: 12 }), (history) => {
            const fast = validateHistory(service, history, { mode, fromStart });
            expect(fast.ok).toBe(true);
            expect(validateByReplay(service, history, mode, fromStart).ok).toBe(true);
          }),
          { numRuns: RUNS },
        );
      });

      it(`agrees on random histories with junk (${mode}${fromStart ? ', from start' : ''})`, () => {
        fc.assert(
          fc.property(anyHistory, (history) => {
            const fast = validateHistory(service, asObservations(history), { mode, fromStart });
            const replay = validateByReplay(service, history, mode, fromStart);
            expect(kinds(fast.violations)).toEqual(kinds(replay.violations));
            expect(fast.ok).toBe(replay.ok);
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  it('a junk status planted in a legal history is the one violation, at the planted index, in both modes', () => {
    fc.assert(
      fc.property(
        legalHistory(service, { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(...junk),
        fc.constantFrom(...MODES),
        (history, at, bad, mode) => {
          const index = at % (history.length + 1);
          const planted = [...history.slice(0, index), bad, ...history.slice(index)];
          const verdict = validateHistory(service, planted, { mode });
          expect(kinds(verdict.violations)).toEqual([`${index}:unknown-status`]);
          expect(verdict.violations[0]!.to).toBe(bad);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('an illegal change planted after a legal prefix is found at the planted index, with what was allowed (strict)', () => {
    // what may follow: one transition from a leaf state the prefix may have left the instance in
    const next = (leaves: readonly string[], last: string) =>
      new Set(model.transitions.filter((t) => leaves.includes(t.fromLeaf) && t.to !== last).map((t) => t.to));
    fc.assert(
      fc.property(legalHistory(service, { minLength: 1, maxLength: 12 }), fc.nat(), (history, pick) => {
        const last = history[history.length - 1]!;
        const prefix = createValidator(service);
        for (const status of history) prefix.pushStatus(status);
        const allowed = next(prefix.leaves, last);
        const forbidden = statuses.filter((s) => s !== last && !allowed.has(s));
        fc.pre(forbidden.length > 0);
        const bad = forbidden[pick % forbidden.length]!;
        const verdict = validateHistory(service, [...history, bad], { mode: 'strict' });
        expect(verdict.violations).toHaveLength(1);
        expect(verdict.violations[0]).toMatchObject({
          index: history.length,
          from: last,
          to: bad,
          kind: 'illegal-transition',
        });
        expect(new Set(verdict.violations[0]!.allowed)).toEqual(allowed);
      }),
      { numRuns: RUNS },
    );
  });
});
