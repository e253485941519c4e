/**
 * The status graph carries the machine's transitions as status pairs (what the fleet report counts changes against
 * without loading the model): exactly the model's transitions, in its order, with their events and kinds.
 */
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { lifecycleModel, statusGraph } from '../../src/index.js';
import { subStateService } from '../support/subStateService.js';

describe.each([...services, subStateService].map((s) => [s.id, s] as const))('graph transitions (%s)', (_, service) => {
  it("are the model's transitions, status by status, in its order", () => {
    const graph = statusGraph(service);
    const named = graph.transitions.map((t) => ({
      from: graph.statuses[t.from],
      to: graph.statuses[t.to],
      event: t.event,
      kind: t.kind,
    }));
    const model = lifecycleModel(service).transitions.map(({ from, to, event, kind }) => ({ from, to, event, kind }));
    expect(named).toEqual(model);
    expect(named.length).toBeGreaterThan(0);
  });
});
