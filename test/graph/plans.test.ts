import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { coveringPaths, type LifecyclePath, lifecycleModel, shortestPaths, validateHistory } from '../../src/index.js';

const ids = services.map((s) => s.id);
const key = (from: string, event: string, to: string) => `${from} --${event}--> ${to}`;
/** The steps of a path, leaf state by leaf state (a status may hide sub-states). */
const stepsOf = (path: LifecyclePath) =>
  path.events.map((event, i) => key(path.leaves[i]!, event, path.leaves[i + 1]!));
const keyOf = (t: { fromLeaf: string; event: string; toLeaf: string }) => key(t.fromLeaf, t.event, t.toLeaf);

/** The leaf a status is entered at (itself, or its initial sub-state). */
function entered(service: string, status: string): string {
  return lifecycleModel(service).states.find((s) => s.status === status)?.initialSubState ?? status;
}

/** The leaf states reachable from a status (its entered leaf included): a fixpoint over the model's transitions. */
function reachableLeaves(service: string, from: string): Set<string> {
  const { transitions } = lifecycleModel(service);
  const seen = new Set([entered(service, from)]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const t of transitions) {
      if (seen.has(t.fromLeaf) && !seen.has(t.toLeaf)) {
        seen.add(t.toLeaf);
        grown = true;
      }
    }
  }
  return seen;
}

/** The statuses reachable from `from` (itself included). */
function reachable(service: string, from: string): Set<string> {
  return new Set([...reachableLeaves(service, from)].map((leaf) => leaf.split('.')[0]!));
}

/** The statuses reachable from one leaf state (itself included). */
function reachableFromLeaf(service: string, from: string): Set<string> {
  const { transitions } = lifecycleModel(service);
  const seen = new Set([from]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const t of transitions) {
      if (seen.has(t.fromLeaf) && !seen.has(t.toLeaf)) {
        seen.add(t.toLeaf);
        grown = true;
      }
    }
  }
  return new Set([...seen].map((leaf) => leaf.split('.')[0]!));
}

describe.each(ids)('test plans of %s', (service) => {
  const model = lifecycleModel(service);
  const statusArb = fc.constantFrom(...model.states.map((s) => s.status));

  it('coveringPaths from the initial status takes every transition, each path a legal full life', () => {
    const plan = coveringPaths(service);
    expect(plan.uncovered).toEqual([]);
    const taken = new Set(plan.paths.flatMap(stepsOf));
    expect(taken).toEqual(new Set(model.transitions.map(keyOf)));
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
        const known = new Set(model.transitions.map(keyOf));
        const taken = new Set(plan.paths.flatMap(stepsOf));
        for (const step of taken) expect(known).toContain(step);
        for (const path of plan.paths) {
          expect(path.statuses[0]).toBe(from);
          if (to !== undefined) expect(path.statuses.at(-1)).toBe(to);
        }
        const missed = plan.uncovered.map(keyOf);
        expect(new Set([...taken, ...missed])).toEqual(known);
        for (const m of missed) expect(taken).not.toContain(m);
        const fromHere = reachableLeaves(service, from);
        for (const t of plan.uncovered) {
          const onward = reachableFromLeaf(service, t.toLeaf);
          expect(!fromHere.has(t.fromLeaf) || (to !== undefined && !onward.has(to))).toBe(true);
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
          // shortest: no leaf state appears twice, and no transition skips ahead within the path
          expect(new Set(path.leaves).size).toBe(path.leaves.length);
          for (const [i, a] of path.leaves.entries()) {
            for (const b of path.leaves.slice(i + 2)) {
              expect(model.transitions.some((t) => t.fromLeaf === a && t.toLeaf === b)).toBe(false);
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
