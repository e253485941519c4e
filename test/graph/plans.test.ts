import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { coveringPaths, type LifecyclePath, lifecycleModel, shortestPaths, validateHistory } from '../../src/index.js';

const ids = services.map((s) => s.id);
const key = (from: string, event: string, to: string) => `${from} --${event}--> ${to}`;
const stepsOf = (path: LifecyclePath) =>
  path.events.map((event, i) => key(path.statuses[i]!, event, path.statuses[i + 1]!));

/** The statuses reachable from `from` (itself included): a fixpoint over the model's transitions. */
function reachable(service: string, from: string): Set<string> {
  const { transitions } = lifecycleModel(service);
  const seen = new Set([from]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const t of transitions) {
      if (seen.has(t.from) && !seen.has(t.to)) {
        seen.add(t.to);
        grown = true;
      }
    }
  }
  return seen;
}

describe.each(ids)('test plans of %s', (service) => {
  const model = lifecycleModel(service);
  const statusArb = fc.constantFrom(...model.states.map((s) => s.status));

  it('coveringPaths from the initial status takes every transition, each path a legal full life', () => {
    const plan = coveringPaths(service);
    expect(plan.uncovered).toEqual([]);
    const taken = new Set(plan.paths.flatMap(stepsOf));
    expect(taken).toEqual(new Set(model.transitions.map((t) => key(t.from, t.event, t.to))));
    for (const path of plan.paths) {
      expect(path.statuses[0]).toBe(model.initial);
      expect(path.statuses).toHaveLength(path.events.length + 1);
      expect(validateHistory(service, path.statuses, { fromStart: true }).ok).toBe(true);
    }
  });

  it('coveringPaths from any status, to any status: paths start and end there, and what they miss is really out of reach', () => {
    fc.assert(
      fc.property(statusArb, fc.option(statusArb, { nil: undefined }), (from, to) => {
        const plan = coveringPaths(service, to === undefined ? { from } : { from, to });
        const known = new Set(model.transitions.map((t) => key(t.from, t.event, t.to)));
        const taken = new Set(plan.paths.flatMap(stepsOf));
        for (const step of taken) expect(known).toContain(step);
        for (const path of plan.paths) {
          expect(path.statuses[0]).toBe(from);
          if (to !== undefined) expect(path.statuses.at(-1)).toBe(to);
        }
        const missed = plan.uncovered.map((t) => key(t.from, t.event, t.to));
        expect(new Set([...taken, ...missed])).toEqual(known);
        for (const m of missed) expect(taken).not.toContain(m);
        const fromHere = reachable(service, from);
        for (const t of plan.uncovered) {
          expect(!fromHere.has(t.from) || (to !== undefined && !reachable(service, t.to).has(to))).toBe(true);
        }
      }),
    );
  });

  it('shortestPaths reaches exactly the reachable statuses, each by legal steps and no longer than needed', () => {
    fc.assert(
      fc.property(statusArb, (from) => {
        const paths = shortestPaths(service, { from });
        expect(new Set(paths.map((p) => p.statuses.at(-1)))).toEqual(reachable(service, from));
        for (const path of paths) {
          expect(path.statuses[0]).toBe(from);
          expect(validateHistory(service, path.statuses).ok).toBe(true);
          // shortest: no status appears twice, and no transition skips ahead within the path
          expect(new Set(path.statuses).size).toBe(path.statuses.length);
          for (const [i, a] of path.statuses.entries()) {
            for (const b of path.statuses.slice(i + 2)) {
              expect(model.transitions.some((t) => t.from === a && t.to === b)).toBe(false);
            }
          }
        }
      }),
    );
  });

  it('rejects an unknown status naming the known ones', () => {
    expect(() => coveringPaths(service, { from: '__proto__' })).toThrow(/unknown status "__proto__".*known statuses: /);
    expect(() => shortestPaths(service, { to: 'constructor' })).toThrow(RangeError);
  });
});
