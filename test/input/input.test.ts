import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, InputError, type InputFormat, readHistories, readObservations } from '../../src/index.js';
import { LineSplitter, parseJsonArray, scanJson } from '../../src/input/index.js';

const dir = mkdtempSync(join(tmpdir(), 'input-test-'));
let fileCount = 0;
/** A file holding `text` (or these bytes), in a fresh temp dir. */
function file(text: string | Buffer, name = `f${++fileCount}.txt`): string {
  const path = join(dir, `${++fileCount}-${name}`);
  writeFileSync(path, text);
  return path;
}

async function all(source: string | Readable, format?: InputFormat) {
  const reader = readObservations(source, format ? { format } : {});
  const observations = [];
  for await (const observation of reader) observations.push(observation);
  return { format: reader.format, observations };
}

async function inputError(source: string | Readable, format?: InputFormat): Promise<InputError> {
  try {
    await all(source, format);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('format detection', () => {
  it.each([
    ['["CREATING"]', 'json'],
    ['  [', 'json'],
    ['{"status":"RUNNING"}', 'ndjson'],
    ['"RUNNING"', 'ndjson'],
    ['time,status', 'csv'],
    ['"Status","time"', 'csv'],
    ['status', 'csv'],
    ['RUNNING', 'lines'],
    ['time,state', 'csv'],
    [' restarting ', 'lines'],
  ] as const)('%s is %s', (line, format) => {
    expect(detectFormat(line)).toBe(format);
  });
});

describe('reading each format', () => {
  it('reads a JSON array of statuses, each with the line it is on', async () => {
    const { format, observations } = await all(file('[\n  "CREATING",\n  "RUNNING", "DELETING"\n]\n'));
    expect(format).toBe('json');
    expect(observations).toEqual([
      { status: 'CREATING', line: 2 },
      { status: 'RUNNING', line: 3 },
      { status: 'DELETING', line: 3 },
    ]);
  });

  it('reads a JSON array of records with time and any of the instance id spellings', async () => {
    const text = JSON.stringify([
      { status: 'RUNNING', time: '2026-01-01T00:00:00Z', instance_id: 'a' },
      { status: 'RESTARTING', timestamp: 17, instanceId: 'b' },
      { status: 'RUNNING', id: 42, extra: 'ignored' },
    ]);
    const { observations } = await all(file(text));
    expect(observations).toEqual([
      { status: 'RUNNING', time: '2026-01-01T00:00:00Z', instance: 'a', line: 1 },
      { status: 'RESTARTING', time: '1970-01-01T00:00:17.000Z', instance: 'b', line: 1 }, // epoch seconds, as ISO 8601
      { status: 'RUNNING', instance: '42', line: 1 },
    ]);
  });

  it('reads NDJSON with CRLF endings, a BOM and blank lines, keeping line numbers', async () => {
    const text =
      '\uFEFF{"status":"CREATING","instance_id":"a"}\r\n\r\n{"status":"RUNNING","instance_id":"a","time":3}\r\n';
    const { format, observations } = await all(file(text));
    expect(format).toBe('ndjson');
    expect(observations).toEqual([
      { status: 'CREATING', instance: 'a', line: 1 },
      { status: 'RUNNING', instance: 'a', time: '1970-01-01T00:00:03.000Z', line: 3 },
    ]);
  });

  it('reads CSV by its header, in any column order, with quoted fields and ignored extra columns', async () => {
    const text =
      'note,Status,instance_id,time\r\n"a, quoted ""note""",RUNNING,i-1,2026-01-01T00:00:00Z\r\n,"DELETING",i-2,\n';
    const { format, observations } = await all(file(text));
    expect(format).toBe('csv');
    expect(observations).toEqual([
      { status: 'RUNNING', instance: 'i-1', time: '2026-01-01T00:00:00Z', line: 2 },
      { status: 'DELETING', instance: 'i-2', line: 3 },
    ]);
  });

  it('reads plain lines, skipping blank ones, the status as written', async () => {
    const { format, observations } = await all(file('\n\nCREATING\n   \nrunning \n'));
    expect(format).toBe('lines');
    expect(observations).toEqual([
      { status: 'CREATING', line: 3 },
      { status: 'running ', line: 5 },
    ]);
  });

  it('forces a format with the format option', async () => {
    const { observations } = await all(file('status\n'), 'lines');
    expect(observations).toEqual([{ status: 'status', line: 1 }]);
  });

  it("reads '-' from the given stdin, and any Readable", async () => {
    const stdin = Readable.from([Buffer.from('CREATING\nRUN'), Buffer.from('NING\n')]);
    const reader = readObservations('-', { stdin });
    expect(reader.name).toBe('<stdin>');
    const statuses = [];
    for await (const observation of reader) statuses.push(observation.status);
    expect(statuses).toEqual(['CREATING', 'RUNNING']);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('{"status":"RÜNNING"}\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of Ü
    const { observations } = await all(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]));
    expect(observations[0]?.status).toBe('RÜNNING');
  });
});

describe('readHistories', () => {
  it('groups interleaved records per instance, in first-seen order, keeping input order within each', async () => {
    const lines = [
      { status: 'CREATING', instance_id: 'b' },
      { status: 'RUNNING', instance_id: 'a' },
      { status: 'RUNNING', instance_id: 'b' },
      { status: 'RUNNING' },
      { status: 'DELETING', instance_id: 'a' },
    ].map((r) => JSON.stringify(r));
    const histories = await readHistories(file(lines.join('\n')));
    expect(histories.map((h) => [h.instance, h.observations.map((o) => `${o.status}@${o.line}`)])).toEqual([
      ['b', ['CREATING@1', 'RUNNING@3']],
      ['a', ['RUNNING@2', 'DELETING@5']],
      [undefined, ['RUNNING@4']],
    ]);
  });

  it('keeps every record: grouping is a partition of the input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', undefined), fc.constantFrom('RUNNING', 'x y', '__proto__'))),
        async (records) => {
          fc.pre(records.length > 0);
          const text = records
            .map(([instance, status]) =>
              JSON.stringify(instance === undefined ? { status } : { status, instance_id: instance }),
            )
            .join('\n');
          const histories = await readHistories(Readable.from([text]));
          const seen = histories.flatMap((h) => h.observations.map((o) => ({ ...o, group: h.instance })));
          expect(seen.sort((x, y) => x.line! - y.line!).map((o) => [o.group, o.instance, o.status])).toEqual(
            records.map(([instance, status]) => [instance, instance, status]),
          );
          expect(new Set(histories.map((h) => h.instance)).size).toBe(histories.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('bad input: one InputError naming file:line:column and what was expected', () => {
  it('malformed NDJSON', async () => {
    const path = file('{"status":"RUNNING"}\n{"status": "RUNNING",}\n');
    const error = await inputError(path);
    expect(error.message).toBe(`${path}:2:22: invalid JSON: expected a property name in double quotes`);
    expect([error.line, error.column]).toEqual([2, 22]);
  });

  it('malformed JSON array, on a later line', async () => {
    const path = file('[\n  "CREATING",\n  "RUNNING"\n  "DELETING"\n]');
    expect((await inputError(path)).message).toBe(
      `${path}:4:3: invalid JSON: expected ',' or ']' after an array element`,
    );
  });

  it('unterminated JSON string', async () => {
    const path = file('["CREATING", "RUNN');
    expect((await inputError(path)).message).toMatch(/:1:14: invalid JSON: expected a closing '"'/);
  });

  it('a record without a status, or with a non-string status', async () => {
    const path = file('{"status":"RUNNING"}\n  {"state":"RUNNING"}\n');
    expect((await inputError(path)).message).toBe(`${path}:2:3: expected a "status" field in the record`);
    expect((await inputError(file('[{"status": 3}]'))).message).toMatch(
      /:1:2: expected "status" to be a string, found number 3$/,
    );
  });

  it('malformed CSV: unterminated quote, wrong field count, empty status, header without status', async () => {
    expect((await inputError(file('status,time\n"RUNNING,1\n'))).message).toMatch(
      /:2:1: invalid CSV: expected a closing '"'/,
    );
    expect((await inputError(file('status,time\nRUNNING,1,2\n'))).message).toMatch(
      /:2:11: expected 2 CSV fields as in the header, found 3$/,
    );
    expect((await inputError(file('time,status\n1,\n'))).message).toMatch(
      /:2:3: expected a status, found an empty "status" field$/,
    );
    expect((await inputError(file('time,state\n1,RUNNING\n'), 'csv')).message).toMatch(
      /:1:1: expected a CSV header row with a "status" column/,
    );
  });

  it('a JSON value that is not an array', async () => {
    expect((await inputError(file('\n  3\n'), 'json')).message).toMatch(
      /:2:3: invalid JSON: expected a JSON object or array/,
    );
  });

  it('empty input, blank input, a header without rows, an empty array', async () => {
    for (const text of ['', '\n\n  \n', 'status,time\n', '[]']) {
      const error = await inputError(file(text));
      expect(error.message).toMatch(/: empty input: no statuses found/);
      expect(error.line).toBeUndefined();
    }
  });

  it('a missing file', async () => {
    expect((await inputError(join(dir, 'nope.ndjson'))).message).toBe(
      `${join(dir, 'nope.ndjson')}: cannot read: no such file`,
    );
  });

  it('messages are always one line', async () => {
    const error = new InputError('two\nlines', { file: 'f', line: 1 });
    expect(error.message).toBe('f:1: two lines');
  });
});

describe('scanJson agrees with JSON.parse on what is JSON (property)', () => {
  it('accepts exactly what JSON.parse accepts', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().chain((text) => fc.nat({ max: Math.max(0, text.length) }).map((cut) => text.slice(0, cut))),
      fc
        .json()
        .chain((text) =>
          fc
            .tuple(fc.nat({ max: text.length }), fc.constantFrom(',', ']', '}', '"', ':', '0', ' ', '\\', '-'))
            .map(([at, c]) => text.slice(0, at) + c + text.slice(at)),
        ),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(scanJson(text).ok).toBe(parses);
      }),
      { numRuns: 500 },
    );
  });
});

describe('LineSplitter', () => {
  it('gives the same lines however the text is cut into chunks (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', '\r', ' ')), fc.array(fc.nat()), (parts, cuts) => {
        const text = parts.join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const splitter = new LineSplitter();
        const lines: string[] = [];
        let from = 0;
        for (const point of [...points, text.length]) {
          lines.push(...splitter.push(text.slice(from, point)));
          from = point;
        }
        lines.push(...splitter.end());
        const expected = text.split('\n').map((l) => l.replace(/\r$/, ''));
        if (text.endsWith('\n') || text === '') expected.pop();
        expect(lines).toEqual(expected);
      }),
    );
  });
});

describe('JSON arrays are streamed element by element, with the errors of reading them whole (property)', () => {
  const element = fc.oneof(
    fc.constantFrom('CREATING', 'RUNNING', 'a"b', 'x\\y', 'Ü'),
    fc.record(
      {
        status: fc.constantFrom('RUNNING', 'DELETED'),
        time: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), fc.integer()),
        instance_id: fc.constantFrom('a', 'b'),
      },
      { requiredKeys: ['status'] },
    ),
    fc.constant({ status: 'RUNNING', nested: { list: [1, { deep: ']' }], text: '}{' } }),
  );
  const space = fc.constantFrom('', ' ', '\n', '\n  ', '\t');
  const arrayText = fc
    .tuple(fc.array(fc.tuple(element, fc.boolean(), space, space), { minLength: 1, maxLength: 6 }), space, space)
    .map(
      ([items, before, after]) =>
        `${before}[${items.map(([e, pretty, s1, s2]) => `${s1}${JSON.stringify(e, null, pretty ? 2 : undefined)}${s2}`).join(',')}]${after}`,
    );
  const corrupted = fc.oneof(
    { weight: 2, arbitrary: arrayText },
    arrayText.chain((text) =>
      fc
        .tuple(fc.nat({ max: text.length }), fc.constantFrom('"', ',', ']', '[', '}', '{', '\\', 'x', '1', ' '))
        .map(([at, c]) => text.slice(0, at) + c + text.slice(at)),
    ),
    arrayText.chain((text) => fc.nat({ max: text.length - 1 }).map((at) => text.slice(0, at) + text.slice(at + 1))),
  );
  const chunked = (text: string, cuts: number[]) => {
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    return [...points, text.length].map((end, i, all) => Buffer.from(text.slice(i === 0 ? 0 : all[i - 1], end)));
  };
  /** The error's place as a comparable number (line, then column). */
  const place = (error: InputError) => (error.line ?? 0) * 1e6 + (error.column ?? 0);

  it('same observations or same error as parseJsonArray on the whole text; never a later error', async () => {
    await fc.assert(
      fc.asyncProperty(corrupted, fc.array(fc.nat(), { maxLength: 5 }), async (text, cuts) => {
        fc.pre(text.trim().startsWith('['));
        let whole: unknown;
        try {
          // what the line reader sees: a final line ending ends the last line, it does not start another
          whole = parseJsonArray(text.endsWith('\n') ? text.slice(0, -1) : text, 'f.json');
        } catch (error) {
          whole = error;
        }
        let streamed: unknown;
        try {
          const observations = [];
          for await (const o of readObservations(Readable.from(chunked(text, cuts)), {
            name: 'f.json',
            format: 'json',
          }))
            observations.push(o);
          streamed = observations;
        } catch (error) {
          streamed = error;
        }
        if (Array.isArray(whole) && whole.length === 0) {
          expect((streamed as InputError).message).toMatch(/empty input/);
        } else if (scanJson(text).ok) {
          expect(streamed instanceof Error ? streamed.message : streamed).toEqual(
            whole instanceof Error ? whole.message : whole,
          );
        } else {
          expect(streamed).toBeInstanceOf(InputError);
          expect(place(streamed as InputError)).toBeLessThanOrEqual(place(whole as InputError));
          if ((streamed as InputError).detail.startsWith('invalid JSON'))
            expect((streamed as InputError).message).toBe((whole as InputError).message);
        }
      }),
      { numRuns: 400 },
    );
  });
});
