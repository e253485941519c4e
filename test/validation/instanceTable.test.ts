/**
 * The instance table numbers ids in first-seen order and gives them back: interning is a bijection between the ids
 * seen (and the absence of one) and 0, 1, 2..., whether an id comes as a string or as its UTF-8 bytes, through
 * growth of its arena (ids of every length, some longer than 64 KiB) and rehashing of its table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstanceTable } from '../../src/validation/instanceTable.js';

/** Ids of every kind: short and long, ASCII and not, lone surrogates, none; many repeats of a few. */
const id: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 3000 }).map((n) => `kafka-${n}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.nat({ max: 300 }).map((n) => `${'é'.repeat(300)}${n}`) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, '', '\ud800', 'é', 'e\u0301', '\udc00x') },
  // longer than the first arena (64 KiB), and just under
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(70_000), `${'x'.repeat(70_000)}1`, 'y'.repeat(65_530)) },
);

/** True for an id with exact UTF-8 bytes (not none, no lone surrogate). */
function exact(instance: string | undefined): instance is string {
  return instance !== undefined && Buffer.from(instance).toString() === instance;
}

describe('InstanceTable', () => {
  it('numbers ids in first-seen order and gives each back, from strings or bytes alike (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.boolean()), { maxLength: 4000, size: 'max' }), (ids) => {
        const table = new InstanceTable();
        const model = new Map<string | undefined, number>();
        const numbers: number[] = [];
        const expected: number[] = [];
        for (const [instance, asBytes] of ids) {
          const n = model.get(instance) ?? model.size;
          model.set(instance, n);
          expected.push(n);
          // bytes only for ids that have exact UTF-8 bytes (a lone surrogate does not)
          if (asBytes && exact(instance)) {
            const bytes = Buffer.from(`xx${instance}yy`);
            numbers.push(table.internBytes(bytes, 2, bytes.length - 2));
          } else numbers.push(table.intern(instance));
        }
        expect(numbers).toEqual(expected);
        expect(table.size).toBe(model.size);
        const seen = [...model.keys()];
        expect(seen.map((_, n) => table.nameOf(n))).toEqual(seen);
        expect(seen.map((instance) => table.intern(instance))).toEqual(seen.map((_, n) => n));
        expect(seen.map((_, n) => table.byteLength(n))).toEqual(
          seen.map((instance) => (exact(instance) ? Buffer.byteLength(instance!) : -1)),
        );
        const copies = seen.map((instance, n) => {
          if (!exact(instance)) return '';
          const copy = Buffer.alloc(Buffer.byteLength(instance!) + 1, 7);
          table.copyBytes(n, copy, 1);
          return copy.toString('latin1');
        });
        expect(copies).toEqual(
          seen.map((instance) => (exact(instance) ? `\x07${Buffer.from(instance!).toString('latin1')}` : '')),
        );
      }),
      { numRuns: 40 },
    );
  });
});
