import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextBytes } from '../../src/cli/textBytes.js';

const text = fc.string({ unit: 'binary', maxLength: 80 });
/** Texts with line ends among any characters. */
const lines = fc.array(text, { maxLength: 6 }).map((parts) => parts.join('\n'));

describe('TextBytes', () => {
  it('writes texts, indented texts and numbers as UTF-8 of what strings would make, in pieces taken whole (property)', () => {
    type Part = { text: string } | { lines: string; indent: string } | { number: number };
    const part: fc.Arbitrary<Part> = fc.oneof(
      fc.record({ text }),
      fc.record({ lines, indent: fc.constantFrom('', ' ', '    ', '\t→') }),
      fc.record({ number: fc.oneof(fc.double(), fc.nat(), fc.maxSafeNat(), fc.integer()) }),
    );
    fc.assert(
      fc.property(fc.array(part), fc.integer({ min: 1, max: 64 }), fc.nat({ max: 5 }), (parts, size, takeEvery) => {
        const out = new TextBytes(size);
        const taken: Buffer[] = [];
        const expected: string[] = [];
        parts.forEach((p, i) => {
          if ('text' in p) out.text(p.text);
          else if ('lines' in p) out.indented(p.lines, p.indent);
          else out.number(p.number);
          expected.push(
            'text' in p ? p.text : 'lines' in p ? p.lines.replaceAll('\n', `\n${p.indent}`) : String(p.number),
          );
          if (takeEvery > 0 && i % takeEvery === 0) taken.push(out.take());
        });
        taken.push(out.take());
        expect(out.length).toBe(0);
        expect(Buffer.concat(taken)).toEqual(Buffer.from(expected.join('')));
      }),
    );
  });
});
