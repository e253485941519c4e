/**
 * The speed-ups give the same answers as the plain ways: `scanFlatRecord` as `JSON.parse` + the record rules,
 * `timeValue` as `Date.parse`, and `detachString` keeps the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/index.js';
import { observationFromJson } from '../../src/input/fields.js';
import { scanFlatRecord } from '../../src/input/flatRecord.js';
import { createNdjsonParser } from '../../src/input/ndjson.js';
import { timeValue } from '../../src/time/index.js';
import { detachString } from '../../src/validation/detachString.js';

/** What the slow path makes of a line: an observation, or the message of the error. */
function slowPath(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'invalid JSON';
  }
  return observationFromJson(value, 1, undefined, undefined, text); // numeric ids as written
}

const fieldValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.boolean(),
  fc.jsonValue(),
);
const key = fc.constantFrom(
  'status',
  'time',
  'timestamp',
  'instance_id',
  'instanceId',
  'id',
  'other',
  'Status',
  'stat\\u0075s',
);
const flatish = fc
  .array(
    fc.tuple(
      key,
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('RUNNING', 'a b', '2026-01-01T00:00:00Z') },
        { weight: 2, arbitrary: fieldValue },
      ),
    ),
    { maxLength: 6 },
  )
  .chain((entries) =>
    fc
      .constantFrom(' ', '', '\t')
      .map(
        (space) =>
          `${space}{${entries.map(([k, v]) => `"${k}"${space}:${space}${JSON.stringify(v) ?? 'null'}`).join(`,${space}`)}}${space}`,
      ),
  );
/** Flat-looking lines, some broken by one inserted or removed character. */
const lines = fc.oneof(
  flatish,
  flatish.chain((text) =>
    fc
      .tuple(fc.nat({ max: text.length }), fc.constantFrom('"', ',', '}', '{', ':', '\\', '\t', '\u0001', 'x', '1'))
      .map(([at, c]) => text.slice(0, at) + c + text.slice(at)),
  ),
  flatish.chain((text) =>
    fc.nat({ max: Math.max(0, text.length - 1) }).map((at) => text.slice(0, at) + text.slice(at + 1)),
  ),
);

describe('scanFlatRecord (the NDJSON fast path)', () => {
  it('when it reads a line, JSON.parse and the record rules give the same observation (property)', () => {
    fc.assert(
      fc.property(lines, (text) => {
        const fast = scanFlatRecord(text, 1);
        if (fast !== undefined) expect(fast).toEqual(slowPath(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the usual fleet-log line', () => {
    expect(scanFlatRecord('{"time":"2026-01-01T00:00:00Z","instance_id":"i-1","status":"RUNNING"}', 4)).toEqual({
      status: 'RUNNING',
      time: '2026-01-01T00:00:00Z',
      instance: 'i-1',
      line: 4,
    });
  });

  it('gives up on escapes, nesting, and fields it cannot take as they are', () => {
    for (const text of [
      '{"status":"RUN\\"NING"}',
      '{"status":"RUNNING","x":{"y":1}}',
      '{"status":"RUNNING","time":null}',
      '{"status":1}',
      '{}',
      '[1]',
    ]) {
      expect(scanFlatRecord(text, 1)).toBeUndefined();
    }
  });

  it("the NDJSON reader gives the slow path's observation or an InputError for every line (property)", () => {
    const parser = createNdjsonParser('f');
    fc.assert(
      fc.property(lines, (text) => {
        fc.pre(text.trim() !== '');
        const expected = slowPath(text);
        if (typeof expected === 'string') expect(() => parser.line(text, 1)).toThrow(InputError);
        else expect(parser.line(text, 1)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('timeValue', () => {
  const two = (n: number, width = 2) => String(n).padStart(width, '0');
  const isoLike = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.integer({ min: 0, max: 61 }),
      fc.constantFrom('', '.', '.5', '.12', '.123', '.123456', '.1x'),
      fc.constantFrom('Z', 'z', '+01:00', ''),
    )
    .map(
      ([y, mo, d, h, mi, s, fraction, zone]) =>
        `${two(y, 4)}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${fraction}${zone}`,
    );

  it('gives what Date.parse gives for ISO 8601 text, in range or not (property)', () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        expect(timeValue(text)).toEqual(Date.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads numbers, numeric text and Dates, and gives NaN for what is not a time', () => {
    expect(timeValue(12.5)).toBe(12.5);
    expect(timeValue(' 42 ')).toBe(42);
    expect(timeValue(new Date(7))).toBe(7);
    expect(timeValue('yesterday')).toBeNaN();
    expect(timeValue(Infinity)).toBeNaN();
  });
});

describe('detachString', () => {
  it('keeps the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (text, a, b) => {
        expect(detachString(text.slice(a, a + b))).toBe(text.slice(a, a + b));
      }),
    );
  });
});
