/** The readers on hostile input: huge records, invalid UTF-8, big numeric ids, odd JSON, standard input that is no file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type InputFormat, readHistories, readObservations } from '../../src/index.js';
import { createJsonArrayStream, MAX_RECORD_LENGTH } from '../../src/input/index.js';
import { StrictUtf8Decoder } from '../../src/input/utf8.js';
import { cliBin } from '../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'input-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stream of these chunks (Buffers), counting how many were read. */
function chunks(parts: (string | Buffer)[]): Readable & { pulled: () => number } {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (const part of parts) {
        pulled++;
        yield typeof part === 'string' ? Buffer.from(part) : part;
      }
    })(),
  ) as Readable & { pulled: () => number };
  stream.pulled = () => pulled;
  return stream;
}

async function failure(source: Readable | string, format?: InputFormat): Promise<InputError> {
  try {
    for await (const _ of readObservations(source, format ? { format } : {})) {
      // read everything
    }
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('numeric instance ids', () => {
  it('are kept as written: ids above 2^53 stay apart, in every JSON reader and on both NDJSON paths', async () => {
    const big = ['9007199254740993', '9007199254740992', '1e2', '100'];
    const ndjsonFast = big.map((id) => `{"id":${id},"status":"RUNNING"}`).join('\n');
    const ndjsonSlow = big.map((id) => `{"id":${id},"status":"RUN\\u004eING"}`).join('\n'); // an escape: JSON.parse
    const array = `[${big.map((id) => `{"instance_id": ${id}, "status": "RUNNING"}`).join(',\n')}]`;
    for (const text of [ndjsonFast, ndjsonSlow, array]) {
      const histories = await readHistories(chunks([text]));
      expect(histories.map((h) => h.instance)).toEqual(big);
    }
  });
});

describe('the record-size limit', () => {
  it('refuses a line longer than the limit, naming it, before reading on (like /dev/zero)', async () => {
    const zeros = Buffer.alloc(1 << 16);
    const endless = Readable.from(
      (function* () {
        for (;;) yield zeros;
      })(),
    );
    const e = await failure(endless);
    expect(e.message).toBe(
      `<stream>:1: a line longer than ${MAX_RECORD_LENGTH} characters: a record is at most that long (is this the right file?)`,
    );
    const later = await failure(chunks(['RUNNING\n', 'x'.repeat(MAX_RECORD_LENGTH + 1), '\n']), 'lines');
    expect(later.line).toBe(2);
  });

  it('takes a JSON array written on one line longer than the limit, element by element', async () => {
    const count = 200_000; // about 2.4 MB on one line
    const text = `[${Array.from({ length: count }, (_, i) => `"${i % 2 ? 'RUNNING' : 'RESTARTING'}"`).join(',')}]`;
    expect(text.length).toBeGreaterThan(2 * MAX_RECORD_LENGTH);
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += 65_536) parts.push(text.slice(i, i + 65_536));
    const reader = readObservations(chunks(parts));
    let seen = 0;
    for await (const batch of reader.batches()) seen += batch.length;
    expect(seen).toBe(count);
    expect(reader.format).toBe('json');
  });

  it('refuses a JSON array element longer than the limit, naming where it starts', async () => {
    const e = await failure(chunks(['[\n  "RUNNING",\n  "', 'x'.repeat(MAX_RECORD_LENGTH + 10), '"\n]\n']));
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.detail).toContain(`an array element longer than ${MAX_RECORD_LENGTH} characters`);
  });

  it('reads the parts of a long line as the whole line would be read (property)', () => {
    const element = fc.oneof(
      fc.constantFrom('"RUNNING"', '{"status":"DELETED","id":7}', ' "a,b]" ', '"\\"]"', '[1,[2]]', '{"x":{"y":[]}}'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(element, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (elements, cuts) => {
        const text = `[${elements.join(',')}]`;
        const outcome = (feed: (stream: ReturnType<typeof createJsonArrayStream>, out: unknown[]) => void) => {
          const out: unknown[] = [];
          try {
            const stream = createJsonArrayStream('f');
            feed(stream, out);
            stream.end();
            return { out };
          } catch (error) {
            return { error: (error as Error).message };
          }
        };
        const whole = outcome((stream, out) => stream.line(text, 1, out as never));
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const split = outcome((stream, out) => {
          let from = 0;
          for (const point of points) {
            stream.line(text.slice(from, point), 1, out as never, from, false);
            from = point;
          }
          stream.line(text.slice(from), 1, out as never, from, true);
        });
        expect(split).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('reads an NDJSON log forced as JSON one document at a time, not the whole input first', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `{"id":"i${i}","status":"RUNNING"}\n`);
    const stream = chunks(lines);
    const reader = readObservations(stream, { format: 'json' });
    let firstBatchAt: number | undefined;
    let count = 0;
    for await (const batch of reader.batches()) {
      firstBatchAt ??= stream.pulled();
      count += batch.length;
    }
    expect(count).toBe(1000);
    expect(firstBatchAt).toBeLessThan(20);
  });
});

describe('invalid UTF-8', () => {
  it.each([
    ['a bad byte', [Buffer.from('RUNNING\nRUN'), Buffer.from([0xff]), Buffer.from('NING\n')], 2, 'byte 0xff at byte 4'],
    [
      'an overlong encoding',
      [Buffer.from('RUNNING\n\n'), Buffer.from([0x41, 0xc0, 0xaf, 0x0a])],
      3,
      'byte 0xc0 at byte 2',
    ],
    ['a surrogate', [Buffer.from([0x52, 0xed, 0xa0, 0x80])], 1, 'byte 0xed at byte 2'],
    ['a sequence cut by the end', [Buffer.from('RUNNING\nAB'), Buffer.from([0xe2, 0x82])], 2, 'byte 0xe2 at byte 3'],
  ])('is an input error naming the line and byte: %s', async (_what, parts, line, where) => {
    const e = await failure(chunks(parts));
    expect(e.line).toBe(line);
    expect(e.detail).toBe(`invalid UTF-8: ${where} of the line (the input must be UTF-8 text)`);
  });

  it('decodes valid UTF-8 cut anywhere between chunks as the whole would decode (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (text, cuts) => {
          const bytes = Buffer.from(text);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const decoder = new StrictUtf8Decoder();
          let out = '';
          let from = 0;
          for (const point of [...points, bytes.length]) {
            const part = decoder.push(bytes.subarray(from, point));
            expect(part.invalid).toBeUndefined();
            out += part.text;
            from = point;
          }
          expect(decoder.end().invalid).toBeUndefined();
          expect(out).toBe(text);
        },
      ),
    );
  });
});

describe('clearer messages', () => {
  it('a number too large for a double is named so, not "number null"', async () => {
    const e = await failure(chunks(['[1e999999999]']));
    expect(e.detail).toContain('found a number too large for a double');
  });

  it('a deeply nested unclosed array blames the missing brackets, not the depth', async () => {
    const e = await failure(chunks(['['.repeat(100_000)]));
    expect(e.detail).toMatch(/^invalid JSON: expected '\]': the input ends with \d+ brackets not closed$/);
  });

  it('a directory on standard input is named so, not "empty input"', () => {
    const result = spawnSync(process.execPath, [cliBin, 'validate', 'kafka', '-'], {
      stdio: [openSync(dir, 'r'), 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('instance-lifecycle validate: <stdin>: cannot read: standard input is a directory\n');
  });
});
