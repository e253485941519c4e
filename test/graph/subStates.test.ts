/** Paths on a machine with hidden sub-states (the test fixture): covering plans take every leaf transition. */
import { describe, expect, it } from 'vitest';
import { coveringPaths, lifecycleModel, shortestPaths, validateHistory } from '../../src/index.js';
import { subStateService as fixture } from '../support/subStateService.js';

describe('paths with sub-states', () => {
  const model = lifecycleModel(fixture);

  it('covers every transition between leaf states, each path legal and consistent leaf by leaf', () => {
    const plan = coveringPaths(fixture);
    expect(plan.uncovered).toEqual([]);
    const taken = new Set<string>();
    for (const path of plan.paths) {
      expect(path.leaves).toHaveLength(path.statuses.length);
      expect(path.leaves.map((leaf) => leaf.split('.')[0])).toEqual(path.statuses);
      path.events.forEach((event, i) => {
        const t = model.transitions.find((t) => t.fromLeaf === path.leaves[i] && t.event === event);
        expect(t?.toLeaf, `${path.leaves[i]} --${event}-->`).toBe(path.leaves[i + 1]);
        taken.add(`${path.leaves[i]} ${event}`);
      });
      expect(validateHistory(fixture, path.statuses, { fromStart: true }).ok).toBe(true);
    }
    for (const t of model.transitions) expect(taken, `${t.fromLeaf} ${t.event}`).toContain(`${t.fromLeaf} ${t.event}`);
  });

  it('names uncovered transitions by their leaves', () => {
    const plan = coveringPaths(fixture, { from: 'ACTIVE', to: 'ACTIVE' });
    for (const u of plan.uncovered) expect(u.fromLeaf.split('.')[0]).toBe(u.from);
    expect(plan.uncovered.some((u) => u.fromLeaf === 'BROKEN.whileDeleting' && u.event === 'DELETE_SUCCEEDED')).toBe(
      true,
    );
  });

  it('gives the shortest path to a status through any of its sub-states', () => {
    expect(shortestPaths(fixture, { from: 'DELETING', to: 'BROKEN' })[0]).toEqual({
      statuses: ['DELETING', 'BROKEN'],
      events: ['FAULT'],
      leaves: ['DELETING', 'BROKEN.whileDeleting'],
    });
  });
});
