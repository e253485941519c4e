import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { lifecycleModel, validateHistory } from '../../src/index.js';
import { historyWithIllegalStep, legalHistory, polledHistory, serviceStatus } from '../../src/testing/index.js';

const ids = services.map((s) => s.id);

describe.each(ids)('arbitraries of %s', (service) => {
  const model = lifecycleModel(service);

  it('legalHistory: every history validates in strict mode, and starts at the initial status when asked', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        legalHistory(service),
        legalHistory(service, { fromStart: true, minLength: 2, maxLength: 8 }),
        (_, any, full) => {
          expect(validateHistory(service, any).ok).toBe(true);
          expect(validateHistory(service, full, { fromStart: true }).ok).toBe(true);
          expect(full.length).toBeLessThanOrEqual(8);
        },
      ),
    );
  });

  it('polledHistory: every history validates in sampled mode', () => {
    fc.assert(
      fc.property(polledHistory(service), polledHistory(service, { fromStart: true }), (any, full) => {
        expect(validateHistory(service, any, { mode: 'sampled' }).ok).toBe(true);
        expect(validateHistory(service, full, { mode: 'sampled', fromStart: true }).ok).toBe(true);
      }),
    );
  });

  it('polledHistory: misses transitional statuses and repeats others, so some histories are not strictly legal', () => {
    const samples = fc.sample(polledHistory(service, { fromStart: true, minLength: 6 }), { numRuns: 200, seed: 1 });
    expect(samples.some((h) => !validateHistory(service, h).ok)).toBe(true);
    expect(samples.some((h) => h.some((s, i) => i > 0 && h[i - 1] === s))).toBe(true);
  });

  it.each(['strict', 'sampled'] as const)(
    'historyWithIllegalStep (%s): exactly one violation, at the planted index',
    (mode) => {
      fc.assert(
        fc.property(
          historyWithIllegalStep(service, { mode }),
          historyWithIllegalStep(service, { mode, fromStart: true }),
          (any, full) => {
            for (const [{ history, index }, fromStart] of [
              [any, false],
              [full, true],
            ] as const) {
              const { violations } = validateHistory(service, history, { mode, fromStart });
              expect(violations).toHaveLength(1);
              expect(violations[0]).toMatchObject({
                index,
                kind: 'illegal-transition',
                from: history[index - 1],
                to: history[index],
              });
            }
          },
        ),
      );
    },
  );

  it('serviceStatus: only statuses of the service, with the tag when asked', () => {
    const statuses = model.states.map((s) => s.status);
    const transitional = model.states.filter((s) => s.tags.includes('transitional')).map((s) => s.status);
    fc.assert(
      fc.property(serviceStatus(service), serviceStatus(service, { tag: 'transitional' }), (any, tagged) => {
        expect(statuses).toContain(any);
        expect(transitional).toContain(tagged);
      }),
    );
    expect(new Set(fc.sample(serviceStatus(service), { numRuns: 300, seed: 2 }))).toEqual(new Set(statuses));
  });

  it('shrinking keeps histories legal: a property failing on long histories shrinks to a legal one of the shortest failing length', () => {
    const longest = 5;
    const legal = fc.check(
      fc.property(legalHistory(service, { fromStart: true }), (h) => h.length < longest),
      { seed: 3 },
    );
    expect(legal.failed).toBe(true);
    const [shrunk] = legal.counterexample!;
    expect(validateHistory(service, shrunk, { fromStart: true }).ok).toBe(true);
    expect(shrunk).toHaveLength(longest);

    const polled = fc.check(
      fc.property(polledHistory(service, { fromStart: true }), (h) => h.length < longest),
      { seed: 4 },
    );
    expect(polled.failed).toBe(true);
    expect(validateHistory(service, polled.counterexample![0], { mode: 'sampled', fromStart: true }).ok).toBe(true);
    expect(polled.counterexample![0]).toHaveLength(longest);

    const planted = fc.check(
      fc.property(historyWithIllegalStep(service), ({ history }) => history.length < longest),
      { seed: 5 },
    );
    expect(planted.failed).toBe(true);
    const [{ history, index }] = planted.counterexample!;
    expect(validateHistory(service, history).violations.map((v) => v.index)).toEqual([index]);
    expect(history).toHaveLength(longest);
  });
});
