/** Operation spans come from the machine: operation events into transitional statuses, and the initial status. */
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { lifecycleModel, statusesTagged, statusGraph } from '../../src/index.js';
import { CREATION, operationSpans } from '../../src/report/index.js';

describe.each(services.map((s) => [s.id] as const))('operationSpans (%s)', (service) => {
  it('has one span per operation event that enters a transitional status, plus creation', () => {
    const model = lifecycleModel(service);
    const transitional = statusesTagged(model, 'transitional');
    const expected = new Map<string, Set<string>>();
    const claimed = new Set<string>();
    for (const t of model.transitions) {
      if (t.kind !== 'operation' || !transitional.has(t.to)) continue;
      // two operations for one status pair (ECS: REINSTALL_OS and CHANGE_OS from SHUTOFF to REBUILD) look the same
      // in a history: the first listed names the span
      const pair = `${t.from}\u0000${t.to}`;
      if (claimed.has(pair)) continue;
      claimed.add(pair);
      expected.set(t.event, (expected.get(t.event) ?? new Set()).add(t.to));
    }
    const { spans, byPair, creation } = operationSpans(service);
    const named = spans.filter((s) => s.name !== CREATION);
    expect(new Map(named.map((s) => [s.event!, new Set(s.starts)]))).toEqual(expected);
    expect(creation >= 0).toBe(transitional.has(model.initial));
    if (creation >= 0) expect(spans[creation]).toEqual({ name: CREATION, event: null, starts: [model.initial] });
    const graph = statusGraph(service);
    const n = graph.statuses.length;
    for (const t of model.transitions) {
      const span = byPair[graph.idOf(t.from) * n + graph.idOf(t.to)]!;
      if (t.kind === 'operation' && transitional.has(t.to)) expect(spans[span]!.starts).toContain(t.to);
      else if (span >= 0)
        expect(model.transitions.some((o) => o.from === t.from && o.to === t.to && o.kind === 'operation')).toBe(true);
    }
  });
});
