/**
 * Records in chunks behave like one plain array of records that grows: every integer set is read back, everything
 * never set reads 0, chunks are made only as needed, and a chunk once made is never replaced (growing copies
 * nothing). Floats lie over the same bytes as the integers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordChunks } from '../../src/validation/recordChunks.js';

type Op = { reserve: number } | { record: number; field: number; value: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ reserve: fc.integer({ min: 0, max: 300 }) }),
  fc.record({
    record: fc.nat({ max: 299 }),
    field: fc.nat({ max: 5 }),
    value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  }),
);

describe('RecordChunks', () => {
  it('behaves like a plain array of records under random growth, and never moves a chunk (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(op, { maxLength: 200, size: 'max' }),
        (stride, bits, ops) => {
          const chunks = new RecordChunks(stride, bits);
          const model: number[] = [];
          let reserved = 0;
          for (const o of ops) {
            if ('reserve' in o) {
              const before = [...chunks.chunks];
              chunks.reserve(o.reserve);
              reserved = Math.max(reserved, o.reserve);
              expect(chunks.capacity).toBe(Math.ceil(reserved / 2 ** bits) * 2 ** bits);
              expect(before.every((chunk, c) => chunks.chunks[c] === chunk)).toBe(true);
            } else if (o.record < reserved) {
              chunks.set(o.record, o.field % stride, o.value);
              model[o.record * stride + (o.field % stride)] = o.value;
            }
          }
          const read = Array.from({ length: reserved * stride }, (_, i) =>
            chunks.get(Math.floor(i / stride), i % stride),
          );
          expect(read).toEqual(Array.from({ length: reserved * stride }, (_, i) => model[i] ?? 0));
        },
      ),
    );
  });

  it('lays float k of a record over its integers 2k and 2k + 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 4, 8),
        fc.integer({ min: 0, max: 3 }),
        fc.nat({ max: 40 }),
        fc.nat({ max: 3 }),
        fc.double(),
        (stride, bits, record, float, value) => {
          const chunks = new RecordChunks(stride, bits);
          chunks.reserve(record + 1);
          const k = float % (stride / 2);
          chunks.chunk(record).floats[(chunks.offset(record) >> 1) + k] = value;
          const bytes = new Int32Array(new Float64Array([value]).buffer);
          expect([chunks.get(record, 2 * k), chunks.get(record, 2 * k + 1)]).toEqual([bytes[0], bytes[1]]);
        },
      ),
    );
  });

  it('has floats only for an even stride, and refuses a bad shape', () => {
    const odd = new RecordChunks(3, 2);
    odd.reserve(5);
    expect(odd.chunks.length).toBe(2);
    expect(odd.chunks.map((chunk) => chunk.floats.length)).toEqual([0, 0]);
    expect(() => new RecordChunks(0)).toThrow(RangeError);
    expect(() => new RecordChunks(2, 25)).toThrow(RangeError);
  });
});
