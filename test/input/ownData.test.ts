/** Your own data: field mapping, API responses (JSON documents, list polls), time units, wrong formats, bad records. */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InputError,
  lifecycleModel,
  type Observation,
  type ReadOptions,
  readHistories,
  readObservations,
  type ValidateInputOptions,
  validateInput,
} from '../../src/index.js';
import { epochTime } from '../../src/input/index.js';

const stream = (text: string) => Readable.from([Buffer.from(text)]);
async function observations(text: string, options: ReadOptions = {}): Promise<Observation[]> {
  const all: Observation[] = [];
  for await (const o of readObservations(stream(text), { name: 'in', ...options })) all.push(o);
  return all;
}
async function readError(text: string, options: ReadOptions = {}): Promise<InputError> {
  const error = await observations(text, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}
const T0 = 1767225600; // 2026-01-01T00:00:00Z in epoch seconds

describe('field mapping (fields: status, id, time as dotted paths)', () => {
  it('reads nested NDJSON fields', async () => {
    const text = `{"instance":{"id":"a","state":"RUNNING"},"at":"2026-01-01T00:00:00Z"}\n{"instance":{"id":7,"state":"DELETING"}}\n`;
    expect(await observations(text, { fields: { status: 'instance.state', id: 'instance.id', time: 'at' } })).toEqual([
      { status: 'RUNNING', instance: 'a', time: '2026-01-01T00:00:00Z', line: 1 },
      { status: 'DELETING', instance: '7', line: 2 },
    ]);
  });

  it('reads renamed CSV columns (a field name is a column name) and a JSON array of nested records', async () => {
    expect(
      await observations('when,name,state\n2026-01-01T00:00:00Z,a,RUNNING\n', {
        fields: { status: 'state', id: 'name', time: 'when' },
      }),
    ).toEqual([{ status: 'RUNNING', instance: 'a', time: '2026-01-01T00:00:00Z', line: 2 }]);
    expect(await observations('[{"s":{"v":"RUNNING"}}]', { fields: { status: 's.v' } })).toEqual([
      { status: 'RUNNING', line: 1 },
    ]);
  });

  it('keeps the built-in names for the fields not given, and names the mapped field when it is missing', async () => {
    expect(await observations('{"state":"RUNNING","instance_id":"a"}\n', { fields: { status: 'state' } })).toEqual([
      { status: 'RUNNING', instance: 'a', line: 1 },
    ]);
    expect((await readError('{"status":"RUNNING"}\n', { fields: { status: 'state' } })).message).toBe(
      'in:1:1: expected a "state" field in the record',
    );
    expect((await readError('time,status\n1,RUNNING\n', { fields: { status: 'state' } })).message).toMatch(
      /expected a CSV header row with a "state" column/,
    );
  });

  it('gives the same verdicts as the canonical fields, renamed and nested, in NDJSON and CSV (property)', async () => {
    const statuses = lifecycleModel('kafka').states.map((s) => s.status);
    const record = fc.record({
      instance: fc.constantFrom('a', 'b', 'c'),
      status: fc.constantFrom(...statuses),
      step: fc.integer({ min: -30, max: 600 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('strict', 'sampled'),
        async (records, mode) => {
          let t = T0;
          const rows = records.map((r) => {
            t += r.step;
            return { ...r, time: t };
          });
          const iso = (s: number) => new Date(s * 1000).toISOString();
          const canonical = rows
            .map((r) => JSON.stringify({ status: r.status, time: iso(r.time), instance_id: r.instance }))
            .join('\n');
          const nested = rows
            .map((r) => JSON.stringify({ item: { meta: { name: r.instance }, state: r.status }, at: r.time }))
            .join('\n');
          const csv = `at,name,state\n${rows.map((r) => `${r.time},${r.instance},${r.status}`).join('\n')}`;
          const options = { mode, name: 'x' } as ValidateInputOptions;
          const fields = { fields: { status: 'item.state', id: 'item.meta.name', time: 'at' } };
          const expected = await validateInput('kafka', stream(canonical), options);
          const fromNested = await validateInput('kafka', stream(nested), { ...options, ...fields });
          const fromCsv = await validateInput('kafka', stream(csv), {
            ...options,
            fields: { status: 'state', id: 'name', time: 'at' },
          });
          const canonicalCsv = `time,instance_id,status\n${rows.map((r) => `${iso(r.time)},${r.instance},${r.status}`).join('\n')}`;
          const expectedCsv = await validateInput('kafka', stream(canonicalCsv), options);
          const verdicts = (r: typeof expected) => ({ ok: r.ok, summary: r.summary, histories: r.histories });
          expect(verdicts(fromNested)).toEqual(verdicts(expected));
          expect(verdicts(fromCsv)).toEqual(verdicts(expectedCsv));
          expect(fromCsv.summary).toEqual(expected.summary);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('API responses as they are', () => {
  it('a pretty-printed JSON object is one record; concatenated documents (as jq writes them) are several', async () => {
    expect(await observations('{\n  "status": "RUNNING",\n  "id": "a"\n}\n')).toEqual([
      { status: 'RUNNING', instance: 'a', line: 1 },
    ]);
    const jq =
      '{\n  "status": "RUNNING"\n}\n{\n  "status": "RESTARTING"\n}{"status":"RUNNING"}\n[{"status":"DELETING"}]\n';
    expect((await observations(jq)).map((o) => [o.status, o.line])).toEqual([
      ['RUNNING', 1],
      ['RESTARTING', 4],
      ['RUNNING', 6],
      ['DELETING', 7],
    ]);
  });

  it('names the place of a syntax error inside a document, and an unfinished document', async () => {
    expect((await readError('{\n  "status": "RUNNING",\n  "id": ]\n}\n')).message).toMatch(
      /^in:3:9: invalid JSON: expected a value/,
    );
    expect((await readError('{\n  "status": "RUNNING"\n')).message).toMatch(/^in:2:22: invalid JSON: expected/);
  });

  it('list responses: records from the array at a path of each document, each document one poll', async () => {
    const polls = [
      {
        instances: [
          { instance_id: 'a', status: 'RUNNING' },
          { instance_id: 'b', status: 'RUNNING' },
        ],
        instance_num: 2,
      },
      { instances: [{ instance_id: 'a', status: 'RUNNING' }], instance_num: 1 },
    ];
    const text = polls.map((p) => JSON.stringify(p, null, 2)).join('\n');
    const plain = await observations(text, { records: 'instances' });
    expect(plain.map((o) => `${o.instance}:${o.status}`)).toEqual(['a:RUNNING', 'b:RUNNING', 'a:RUNNING']);
    const gone = await observations(text, { records: 'instances', absentIsGone: 'DELETED' });
    expect(gone.map((o) => `${o.instance}:${o.status}`)).toEqual(['a:RUNNING', 'b:RUNNING', 'a:RUNNING', 'b:DELETED']);
    expect(gone.at(-1)!.line).toBe(text.split('\n').findIndex((l, i) => i > 0 && l === '{') + 1); // the poll's line
  });

  it('absent-is-gone: gone once, and an instance back after it is gone is seen again (an illegal step)', async () => {
    const polls = [['a'], [], [], ['a']].map((ids) =>
      JSON.stringify({ list: ids.map((id) => ({ id, status: 'RUNNING' })) }),
    );
    const report = await validateInput('kafka', stream(polls.join('\n')), {
      records: 'list',
      absentIsGone: true,
      mode: 'sampled',
      name: 'p',
    });
    expect(report.histories[0]!.observations).toBe(3); // RUNNING, DELETED, RUNNING
    expect(report.histories[0]!.violations[0]!.message).toMatch(/DELETED → RUNNING: DELETED is final/);
  });

  it('a poll without the array is a bad record; absentIsGone without records is an error', async () => {
    const bad: InputError[] = [];
    const got = await observations('{"error_code":"DMS.500"}\n{"instances":[{"status":"RUNNING"}]}\n', {
      records: 'instances',
      onBadRecord: (e) => bad.push(e),
    });
    expect(got).toHaveLength(1);
    expect(bad.map((e) => e.message)).toEqual([
      'in:1:1: expected an array at "instances" in the document (one poll of the list), found none',
    ]);
    expect(() => readObservations(stream('{}'), { absentIsGone: 'DELETED' })).toThrow(/absentIsGone needs records/);
  });
});

describe('times', () => {
  it('tells epoch seconds from milliseconds, or reads the unit given; ISO 8601 text stays as written', () => {
    expect(epochTime(T0)).toBe('2026-01-01T00:00:00.000Z');
    expect(epochTime(T0 * 1000)).toBe('2026-01-01T00:00:00.000Z');
    expect(epochTime(`${T0}`)).toBe('2026-01-01T00:00:00.000Z');
    expect(epochTime(T0 * 1000, 'ms')).toBe('2026-01-01T00:00:00.000Z');
    expect(epochTime(90, 'ms')).toBe('1970-01-01T00:00:00.090Z');
    expect(epochTime(90, 's')).toBe('1970-01-01T00:01:30.000Z');
    expect(epochTime('2026-01-01T08:00:00+08:00')).toBe('2026-01-01T08:00:00+08:00');
  });

  it('every reader turns epoch times into ISO 8601, so reports show them so', async () => {
    const iso = '2026-01-01T00:00:00.000Z';
    expect((await observations(`{"status":"RUNNING","time":${T0}}\n`))[0]!.time).toBe(iso); // the fast path
    expect((await observations(`{"status":"RUNNING","time":${T0 * 1000},"x":{}}\n`))[0]!.time).toBe(iso); // JSON.parse
    expect((await observations(`status,time\nRUNNING,${T0}\n`))[0]!.time).toBe(iso);
    expect((await observations(`{"status":"RUNNING","time":"${T0}"}\n`))[0]!.time).toBe(iso); // epoch text
    expect((await observations(`{"status":"RUNNING","time":"${T0}","x":{}}\n`))[0]!.time).toBe(iso);
    expect((await observations(`[{"status":"RUNNING","time":${T0}}]`))[0]!.time).toBe(iso);
    expect((await observations(`{"status":"RUNNING","time":${T0}}\n`, { timeUnit: 'ms' }))[0]!.time).toBe(
      new Date(T0).toISOString(),
    );
    const report = await validateInput(
      'kafka',
      stream(`{"status":"RUNNING","time":${T0 + 60}}\n{"status":"RUNNING","time":${T0 * 1000}}\n`),
      { name: 'x' },
    );
    expect(report.histories[0]!.violations[0]!.message).toBe(
      'time goes backwards: 2026-01-01T00:00:00.000Z is earlier than the time of line 1',
    );
  });
});

describe('the viewer shows times as ISO 8601', () => {
  it('numbers (milliseconds) and dates become ISO text; text stays as written', async () => {
    const { viewerData } = await import('../../src/viewer/index.js');
    const data = viewerData('kafka', [
      {
        observations: [
          { status: 'RUNNING', time: T0 * 1000 },
          { status: 'RUNNING', time: new Date(T0 * 1000) },
          { status: 'RUNNING', time: 'x' },
        ],
      },
    ]);
    expect(data.instances[0]!.observations.map((o) => o.time)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
      'x',
    ]);
  });
});

describe('a file in the wrong format', () => {
  it.each([
    ['time;status\n1;RUNNING\n', /^in:1:1: unreadable format: found semicolon-separated values/],
    ['time\tstatus\n1\tRUNNING\n', /^in:1:1: unreadable format: found tab-separated values/],
    ['# exported by my-poller\nRUNNING\n', /^in:1:1: unreadable format: found a comment line \("#"\)/],
    ['\n// notes\nRUNNING\n', /^in:2:1: unreadable format: found a comment line \("\/\/"\)/],
  ])('%j is an input error naming what was detected', async (text, message) => {
    expect((await readError(text)).message).toMatch(message);
  });
});

describe('bad records', () => {
  it('are handed to onBadRecord with their place and skipped; without it, the first stops reading', async () => {
    const text =
      '{"status":"RUNNING","id":"a"}\n{"status":null,"id":"a"}\n{"status":3}\n{"id":"a"}\n{"status":"DELETING","id":"a"}\n';
    const bad: InputError[] = [];
    const good = await observations(text, { onBadRecord: (e) => bad.push(e) });
    expect(good.map((o) => o.line)).toEqual([1, 5]);
    expect(bad.map((e) => e.message)).toEqual([
      'in:2:1: expected "status" to be a string, found null',
      'in:3:1: expected "status" to be a string, found number 3',
      'in:4:1: expected a "status" field in the record',
    ]);
    expect((await readError(text)).message).toBe('in:2:1: expected "status" to be a string, found null');
  });

  it('validateInput counts and lists them, and validates the rest; CSV and JSON arrays too', async () => {
    const report = await validateInput('kafka', stream('status,id\nRUNNING,a\n,a\nDELETING,a\n'), { name: 'c.csv' });
    expect(report.ok).toBe(true);
    expect(report.summary.observations).toBe(2);
    expect(report.badRecords).toEqual({
      count: 1,
      records: [{ file: 'c.csv', line: 3, column: 1, message: 'expected a status, found an empty "status" field' }],
    });
    const array = await validateInput('kafka', stream('[{"status":"RUNNING"},{"status":false},"DELETING"]'), {
      name: 'a.json',
    });
    expect(array.badRecords.count).toBe(1);
    expect(array.summary.observations).toBe(2);
  });

  it('an input of nothing but bad records is reported, not "empty"', async () => {
    const report = await validateInput('kafka', stream('{"status":null}\n'), { name: 'x' });
    expect(report.badRecords.count).toBe(1);
    expect(report.summary.observations).toBe(0);
  });
});

describe('readHistories takes the same options', () => {
  it('groups mapped records per instance', async () => {
    const histories = await readHistories(stream('{"r":{"n":"a","s":"RUNNING"}}\n{"r":{"n":"b","s":"RUNNING"}}\n'), {
      fields: { status: 'r.s', id: 'r.n' },
    });
    expect(histories.map((h) => h.instance)).toEqual(['a', 'b']);
  });
});
