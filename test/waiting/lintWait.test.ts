/**
 * lintWait: the derived lists lint clean for every service, target, start and operation; dropping a status that
 * can show, or adding one that cannot, gives exactly that finding; and each kind of finding on a small case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import {
  eventsOfKind,
  expectations,
  lifecycleModel,
  lintWait,
  statusesTagged,
  UnknownOperationError,
  UnknownStatusError,
  type WaitLists,
} from '../../src/index.js';

/** Every wait worth checking: each service, single target, single start, with and without each operation. */
function waits(): { service: string; lists: WaitLists }[] {
  const all: { service: string; lists: WaitLists }[] = [];
  for (const { id } of services) {
    const model = lifecycleModel(id);
    const statuses = model.states.map((s) => s.status);
    const finals = statusesTagged(model, 'final');
    const operations = [undefined, ...eventsOfKind(model, 'operation')];
    for (const target of statuses) {
      for (const from of statuses) {
        for (const after of operations) {
          const options = after === undefined ? { from } : { from, after };
          const e = expectations(id, target, options);
          all.push({
            service: id,
            lists: {
              target,
              pending: e.pending.map((p) => p.status),
              failure: e.failure.map((f) => f.status),
              ...options,
              ...(finals.has(target) ? { notFound: target } : {}),
            },
          });
        }
      }
    }
  }
  return all;
}

const derivedWaits = waits();
const kinds = (lists: WaitLists, service: string) => lintWait(service, lists).findings.map((f) => [f.kind, f.status]);

describe('lintWait: the derived lists are clean, and each change to them is exactly one finding', () => {
  it('the derived lists of every service, target, start and operation lint clean', () => {
    expect(derivedWaits.length).toBeGreaterThan(100);
    for (const { service, lists } of derivedWaits) {
      const report = lintWait(service, lists);
      expect(report.findings, `${service} ${JSON.stringify(lists)}`).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });

  it('property: dropping a status that can show gives exactly one finding, "unlisted", for it', () => {
    const cases = derivedWaits.filter(({ lists }) => lists.pending.length + (lists.failure?.length ?? 0) > 0);
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), ({ service, lists }, pick) => {
        const listed = [...lists.pending, ...(lists.failure ?? [])];
        const dropped = listed[pick % listed.length]!;
        const without = {
          ...lists,
          pending: lists.pending.filter((s) => s !== dropped),
          failure: (lists.failure ?? []).filter((s) => s !== dropped),
        };
        expect(kinds(without, service)).toEqual([['unlisted', dropped]]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: adding a status that cannot show gives exactly one finding, "never-shows", for it', () => {
    const cases = derivedWaits
      .map(({ service, lists }) => {
        const report = lintWait(service, lists);
        const shows = new Set([...report.observable, ...report.expected.target]);
        const cannot = lifecycleModel(service)
          .states.map((s) => s.status)
          .filter((s) => !shows.has(s));
        return { service, lists, cannot };
      })
      .filter(({ cannot }) => cannot.length > 0);
    expect(cases.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), fc.boolean(), ({ service, lists, cannot }, pick, asPending) => {
        const added = cannot[pick % cannot.length]!;
        const withIt = asPending
          ? { ...lists, pending: [...lists.pending, added] }
          : { ...lists, failure: [...(lists.failure ?? []), added] };
        expect(kinds(withIt, service)).toEqual([['never-shows', added]]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a name that is no status at all is "never-shows", with a did-you-mean when one is close', () => {
    fc.assert(
      fc.property(fc.constantFrom(...derivedWaits), ({ service, lists }) => {
        const report = lintWait(service, { ...lists, pending: [...lists.pending, 'NO SUCH STATUS'] });
        expect(report.findings.map((f) => [f.kind, f.status])).toEqual([['never-shows', 'NO SUCH STATUS']]);
        expect(report.findings[0]!.message).toMatch(`is no status of ${service}`);
      }),
      { numRuns: 50 },
    );
  });
});

/** A derived wait of `service` where `predicate` holds, for the single-finding cases below. */
function findWait(predicate: (service: string, lists: WaitLists) => boolean) {
  const found = derivedWaits.find(({ service, lists }) => predicate(service, lists));
  if (!found) throw new Error('no such wait among the derived ones');
  return found;
}

describe('lintWait: the other findings', () => {
  it('pending-unreachable: a derived failure (that the operation does not leave from) listed as pending', () => {
    const { service, lists } = findWait((_, l) => (l.failure?.length ?? 0) > 0 && l.after === undefined);
    const moved = lists.failure![0]!;
    const changed = {
      ...lists,
      pending: [...lists.pending, moved],
      failure: lists.failure!.filter((s) => s !== moved),
    };
    expect(kinds(changed, service)).toEqual([['pending-unreachable', moved]]);
  });

  it('a status the operation leaves from may be listed as pending (it may show until the request takes effect)', () => {
    const { service, lists } = findWait((service, l) => {
      if (l.after === undefined) return false;
      const e = expectations(service, l.target, { from: l.from!, after: l.after });
      return e.failure.some((f) => e.before!.from.includes(f.status));
    });
    const e = expectations(service, lists.target, { from: lists.from!, after: lists.after! });
    const moved = e.failure.find((f) => e.before!.from.includes(f.status))!.status;
    const changed = {
      ...lists,
      pending: [...lists.pending, moved],
      failure: lists.failure!.filter((s) => s !== moved),
    };
    expect(lintWait(service, changed).findings).toEqual([]);
  });

  it('failure-reachable: a derived pending status listed as failure', () => {
    const { service, lists } = findWait((_, l) => l.pending.length > 0);
    const moved = lists.pending[0]!;
    const changed = { ...lists, pending: lists.pending.slice(1), failure: [...(lists.failure ?? []), moved] };
    expect(kinds(changed, service)).toEqual([['failure-reachable', moved]]);
  });

  it('listed-twice: a status in two lists', () => {
    const { service, lists } = findWait((_, l) => l.pending.length > 0);
    const twice = lists.pending[0]!;
    expect(kinds({ ...lists, failure: [...(lists.failure ?? []), twice] }, service)).toEqual([['listed-twice', twice]]);
    const target = [lists.target].flat()[0]!;
    expect(kinds({ ...lists, pending: [...lists.pending, target] }, service)).toEqual([['listed-twice', target]]);
  });

  it('missing-not-found: a final target without a 404, or with a 404 taken for something else', () => {
    const { service, lists } = findWait((_, l) => l.notFound !== undefined);
    const { notFound, ...without } = lists;
    expect(kinds(without, service)).toEqual([['missing-not-found', notFound]]);
    const other = lifecycleModel(service).states.find((s) => s.status !== notFound)!.status;
    expect(kinds({ ...without, notFound: other }, service)).toEqual([['missing-not-found', notFound]]);
  });

  it('without --from, a wait after an operation starts where the operation leaves from; without both, anywhere', () => {
    for (const { id } of services) {
      const model = lifecycleModel(id);
      const target = model.states[0]!.status;
      const everywhere = lintWait(id, { target, pending: [] });
      expect(everywhere.observable).toEqual(model.states.map((s) => s.status).filter((s) => s !== target));
      for (const after of eventsOfKind(model, 'operation')) {
        const before = expectations(id, target, { after }).before!.from;
        expect(lintWait(id, { target, pending: [], after }).expected.from).toEqual(before);
      }
    }
  });

  it('unknown service, target, start, operation or not-found status are errors, not findings', () => {
    const [first] = services;
    const status = lifecycleModel(first!.id).states[0]!.status;
    expect(() => lintWait(first!.id, { target: 'NOPE', pending: [] })).toThrow(UnknownStatusError);
    expect(() => lintWait(first!.id, { target: status, pending: [], from: 'NOPE' })).toThrow(UnknownStatusError);
    expect(() => lintWait(first!.id, { target: status, pending: [], notFound: 'NOPE' })).toThrow(UnknownStatusError);
    expect(() => lintWait(first!.id, { target: status, pending: [], after: 'NOPE' })).toThrow(UnknownOperationError);
    expect(() => lintWait('nope', { target: status, pending: [] })).toThrow(/unknown service/);
  });
});
