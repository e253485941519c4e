import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestStatus, escapeControls, QUOTED_LENGTH, quoteInput } from '../../src/model/index.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const withControls = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\r', '\n', '\u009b', '\u202e', '\t', '"', '\\', '\ud800'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 100,
});

describe('quoteInput and escapeControls', () => {
  it('quote any text as JSON would read it back, when it is short enough to be shown whole', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, withControls), (text) => {
        const quoted = quoteInput(text, 1000);
        expect(JSON.parse(quoted)).toBe(text);
        expect(CONTROL.test(quoted)).toBe(false);
      }),
    );
  });

  it('show at most a short prefix of long text, with its length, without control characters', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, withControls), fc.integer({ min: 1, max: 20 }), (text, limit) => {
        const quoted = quoteInput(text, limit);
        expect(CONTROL.test(quoted)).toBe(false);
        expect(quoted.split('\n')).toHaveLength(1);
        if (text.length > limit) expect(quoted.endsWith(`…" (${text.length} characters)`)).toBe(true);
        // every shown character costs at most 6 (\uXXXX), plus the quotes and the length
        expect(quoted.length).toBeLessThanOrEqual(6 * limit + 40);
      }),
    );
    const huge = 'A'.repeat(10_000_000);
    expect(quoteInput(huge)).toBe(`"${'A'.repeat(QUOTED_LENGTH)}…" (10000000 characters)`);
  });

  it('escapeControls leaves text without controls as it is, and removes every control otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, withControls), (text) => {
        const escaped = escapeControls(text);
        expect(CONTROL.test(escaped)).toBe(false);
        if (!CONTROL.test(text) && !/[\ud800-\udfff]/.test(text)) expect(escaped).toBe(text);
      }),
    );
    expect(escapeControls('OK\u001b[2K\rFAKE')).toBe('OK\\u001b[2K\\rFAKE');
  });
});

/** The suggestion without the length bound (every known status compared). */
function unbounded(given: string, known: readonly string[]): string | undefined {
  const word = given.trim().toUpperCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const status of known) {
    const d = distance(word, status.toUpperCase());
    if (d < bestDistance) [best, bestDistance] = [status, d];
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(word.length, best.length) / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

describe('closestStatus', () => {
  const known = ['CREATING', 'RUNNING', 'ERROR', 'EXTENDEDFAILED', 'UP', 'DELETED'];
  it('suggests what comparing every known status suggests (the length bound only skips hopeless ones)', () => {
    const typo = fc
      .tuple(fc.constantFrom(...known), fc.string({ unit: fc.constantFrom('A', 'E', 'X', ' ', 'n'), maxLength: 12 }))
      .chain(([status, noise]) =>
        fc.constantFrom(status + noise, noise + status, status.slice(1) + noise, noise, status.toLowerCase()),
      );
    fc.assert(
      fc.property(typo, (given) => {
        expect(closestStatus(given, known)).toBe(unbounded(given, known));
      }),
    );
  });

  it('answers at once for a status of many megabytes (no suggestion)', () => {
    expect(closestStatus('RUNNING'.repeat(2_000_000), known)).toBeUndefined();
  });
});
