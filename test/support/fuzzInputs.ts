/**
 * Arbitraries of hostile inputs for the fuzz tests: random bytes, and valid inputs of every format (built from
 * legal histories of every registered service) broken by a few mutations: bytes inserted, removed, repeated or
 * replaced, JSON and CSV tokens, control characters, invalid UTF-8, huge numbers, deep brackets.
 */
import fc from 'fast-check';
import { services } from '../../machines/index.js';
import type { InputFormat } from '../../src/index.js';
import { legalHistory } from '../../src/testing/index.js';

/** The seed of every fuzz test (set FUZZ_SEED to try others). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20260226);

/** The largest input a fuzz run tries, in bytes before mutation. */
export const MAX_FUZZ_BYTES = 4096;

const ids = services.map((s) => s.id);

/**
 * A valid input of `format`: one or two instances' legal histories of a service, with ids and times where the format
 * has them; with the service it is legal for.
 */
function validText(format: InputFormat): fc.Arbitrary<{ service: string; text: string }> {
  return fc
    .constantFrom(...ids)
    .chain((service) => fc.tuple(fc.constant(service), legalHistory(service, { maxLength: 8 }), fc.boolean()))
    .map(([service, statuses, withIds]) => ({ service, text: formatted(format, statuses, withIds) }));
}

function formatted(format: InputFormat, statuses: readonly string[], withIds: boolean): string {
  {
    // ids: a string, or one of two numbers above 2^53 (written as JSON numbers: BIG stands in for them)
    const records = statuses.map((status, i) => ({
      ...(withIds ? { instance_id: i % 3 === 0 ? 'i-1' : `BIG${i % 2}` } : {}),
      status,
      time: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    }));
    const big = (json: string) =>
      json.replace(/"BIG(\d)"/g, (_, digit: string) => `900719925474099${3 + Number(digit)}`);
    if (format === 'lines') return statuses.join('\n') + '\n';
    if (format === 'ndjson') return big(records.map((r) => JSON.stringify(r)).join('\n')) + '\n';
    if (format === 'json')
      return withIds
        ? big(JSON.stringify(records, null, 1))
        : `[${statuses.map((s) => JSON.stringify(s)).join(',\n ')}]`;
    return `time,instance_id,status\n${records.map((r) => `${r.time},${r.instance_id ?? ''},${r.status}`).join('\n')}\n`;
  }
}

const TOKENS: readonly (string | number[])[] = [
  '"',
  '\\',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\u001b[2K',
  '\u2028',
  '\ufeff',
  'null',
  '1e999999999',
  '-0',
  '12345678901234567890',
  '"status"',
  '"__proto__"',
  '[[[[[[[[[[[[[[[[',
  '{"status":',
  [0xff],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf0, 0x9f, 0x98, 0x80],
];

type Mutation = (bytes: Buffer) => Buffer;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(
    ([at, token]): Mutation =>
      (bytes) => {
        const i = at % (bytes.length + 1);
        return Buffer.concat([bytes.subarray(0, i), Buffer.from(token as string), bytes.subarray(i)]);
      },
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(
    ([at, length]): Mutation =>
      (bytes) => {
        const i = at % (bytes.length + 1);
        return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + length)]);
      },
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 60 }), fc.integer({ min: 2, max: 5 })).map(
    ([at, length, times]): Mutation =>
      (bytes) => {
        const i = at % (bytes.length + 1);
        const piece = bytes.subarray(i, i + length);
        return Buffer.concat([bytes.subarray(0, i), ...Array.from({ length: times }, () => piece), bytes.subarray(i)]);
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(
    ([at, byte]): Mutation =>
      (bytes) => {
        if (bytes.length === 0) return bytes;
        const copy = Buffer.from(bytes);
        copy[at % copy.length] = byte;
        return copy;
      },
  ),
  fc.nat().map(
    (at): Mutation =>
      (bytes) =>
        bytes.subarray(0, at % (bytes.length + 1)),
  ),
);

/**
 * A valid input of some format broken by 0 to 4 mutations, as bytes, with the format it was made in and the service
 * whose legal histories it was made from.
 */
export const mutatedInput: fc.Arbitrary<{ made: InputFormat; service: string; bytes: Buffer }> = fc
  .constantFrom<InputFormat>('json', 'ndjson', 'csv', 'lines')
  .chain((made) =>
    fc
      .tuple(fc.constant(made), validText(made), fc.array(mutation, { maxLength: 4 }))
      .map(([format, { service, text }, steps]) => ({
        made: format,
        service,
        bytes: steps.reduce<Buffer>((bytes, step) => step(bytes), Buffer.from(text)),
      })),
  );

/** Random bytes, sometimes starting like one of the formats. */
export const randomInput: fc.Arbitrary<Buffer> = fc
  .tuple(fc.constantFrom('', '[', '{', '"', 'status\n', ' '), fc.uint8Array({ maxLength: MAX_FUZZ_BYTES }))
  .map(([start, bytes]) => Buffer.concat([Buffer.from(start), Buffer.from(bytes)]));

/** Any fuzz input: mutated valid input most of the time, random bytes otherwise. */
export const fuzzInput: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 3, arbitrary: mutatedInput.map((input) => input.bytes) },
  { weight: 1, arbitrary: randomInput },
);

/**
 * A fuzz input with the service it was made from (none for random bytes), so that a test can check it against that
 * service: with many services, an input checked against a service drawn on its own is rarely legal.
 */
export const fuzzCase: fc.Arbitrary<{ bytes: Buffer; service?: string }> = fc.oneof(
  { weight: 3, arbitrary: mutatedInput.map(({ bytes, service }) => ({ bytes, service })) },
  { weight: 1, arbitrary: randomInput.map((bytes) => ({ bytes })) },
);

/** A forced format, or none (detected). */
export const formatOption: fc.Arbitrary<InputFormat | undefined> = fc.constantFrom(
  undefined,
  'json',
  'ndjson',
  'csv',
  'lines',
);
