/**
 * A fast-check arbitrary of NDJSON fleet-log files as bytes: mostly flat records in the byte scanner's fast subset,
 * mixed with every kind of line it must leave to the ordinary reader (escapes, non-ASCII text, numeric ids and
 * times, other field names, operations, odd spellings, bad records, blank and CRLF lines, a byte order mark), and
 * now and then a line that is not JSON or not UTF-8. And `ordinaryReport`: what the ordinary (text) reader makes
 * of the same bytes.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import type { Service } from '../../machines/index.js';
import { type InputReport, lifecycleModel, type ValidateInputOptions, validateInput } from '../../src/index.js';

const START = Date.UTC(2026, 0, 1);

/** A random NDJSON file of `service`: its bytes. */
export function ndjsonFile(service: string | Service, maxLines = 40): fc.Arbitrary<Buffer> {
  const model = lifecycleModel(service);
  const statuses = model.states.map((s) => s.status);
  const aliases = model.states.flatMap((s) => s.aliases ?? []);
  const operations = [...new Set(model.transitions.filter((t) => t.kind === 'operation').map((t) => t.event))];
  const status = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...statuses) },
    { weight: 1, arbitrary: fc.constantFrom(...statuses).map((s) => s.toLowerCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...aliases, 'UNKNOWN', 'RUNNÏNG') },
  );
  const id = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('a', 'b', 'c', 'kafka-000001') },
    { weight: 1, arbitrary: fc.constantFrom('é', 'a"b', 'tab\there') },
  );
  const line = fc.record({
    kind: fc.oneof(
      { weight: 30, arbitrary: fc.constant('flat' as const) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'blank' as const,
          'spaces' as const,
          'numeric-id' as const,
          'numeric-time' as const,
          'timestamp' as const,
          'instanceId' as const,
          'no-id' as const,
          'operation' as const,
          'bad-record' as const,
          'bare-string' as const,
          'escaped-key' as const,
          'extra' as const,
          'crlf' as const,
          'late-time' as const,
          'odd-time' as const,
        ),
      },
    ),
    status,
    id,
    gap: fc.integer({ min: -120_000, max: 600_000 }),
    millis: fc.boolean(),
    operation: fc.constantFrom(...operations, 'NOPE'),
  });
  const broken = fc.constantFrom('not json', '{"status":', '\u0000', 'INVALID_UTF8');
  return fc
    .tuple(
      fc.array(line, { minLength: 1, maxLength: maxLines }),
      fc.boolean(),
      fc.option(fc.tuple(fc.nat(), broken), { freq: 8 }),
      fc.boolean(),
    )
    .map(([lines, bom, fault, finalNewline]) => {
      let time = START;
      const texts = lines.map((l) => {
        time += l.gap;
        const iso = l.millis ? new Date(time).toISOString() : `${new Date(time).toISOString().slice(0, 19)}Z`;
        const record = (extra: object = {}) =>
          JSON.stringify({ time: iso, instance_id: l.id, status: l.status, ...extra });
        switch (l.kind) {
          case 'blank':
            return '';
          case 'spaces':
            return ` { "status" : ${JSON.stringify(l.status)} ,\t"instance_id":${JSON.stringify(l.id)} } `;
          case 'numeric-id':
            return JSON.stringify({ status: l.status, instance_id: 12 });
          case 'numeric-time':
            return JSON.stringify({ status: l.status, instance_id: l.id, time: Math.floor(time / 1000) });
          case 'timestamp':
            return JSON.stringify({ timestamp: iso, status: l.status, id: l.id });
          case 'instanceId':
            return JSON.stringify({ instanceId: l.id, status: l.status, time: iso });
          case 'no-id':
            return JSON.stringify({ status: l.status, time: iso });
          case 'operation':
            return JSON.stringify({ operation: l.operation, instance_id: l.id, time: iso });
          case 'bad-record':
            return JSON.stringify({ status: null, instance_id: l.id });
          case 'bare-string':
            return JSON.stringify(l.status);
          case 'escaped-key':
            return `{"stat\\u0075s":${JSON.stringify(l.status)},"instance_id":${JSON.stringify(l.id)}}`;
          case 'extra':
            return record({ n: -1.5e3, ok: true, none: null, list: [1], text: 'x' });
          case 'crlf':
            return `${record()}\r`;
          case 'late-time':
            return JSON.stringify({ instance_id: l.id, status: l.status, time: iso, timestamp: 'x' });
          case 'odd-time':
            return JSON.stringify({ instance_id: l.id, status: l.status, time: '2026-02-30T00:00:00Z' });
          default:
            return record();
        }
      });
      const parts = texts.map((t) => Buffer.from(t, 'utf8'));
      if (fault) {
        const [at, what] = fault;
        parts.splice(
          at % (parts.length + 1),
          0,
          what === 'INVALID_UTF8' ? Buffer.from([0x7b, 0xff, 0x7d]) : Buffer.from(what),
        );
      }
      const joined: Buffer[] = [];
      parts.forEach((p, i) => {
        joined.push(p);
        if (i < parts.length - 1 || finalNewline) joined.push(Buffer.from('\n'));
      });
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), ...joined]);
    });
}

/** What validating `bytes` gives: the report, or the message of the error. */
export async function outcome(run: () => Promise<InputReport>): Promise<InputReport | string> {
  try {
    return await run();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** The report of the ordinary (text) reader on these bytes, named `file`. */
export function ordinaryReport(
  service: string | Service,
  bytes: Buffer,
  file: string,
  options: ValidateInputOptions,
): Promise<InputReport | string> {
  return outcome(() => validateInput(service, Readable.from([bytes]), { ...options, name: file }));
}
