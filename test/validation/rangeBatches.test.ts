/**
 * A range read into batches: every record of the range comes out, in order, with lines counted from the range's
 * start; a range given up stops between reads with `dropped`, and says nothing more.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import '../../machines/index.js';
import { statusGraph } from '../../src/graph/statusGraph.js';
import { READ_CHUNK } from '../../src/input/ndjsonBytes.js';
import { type RangeMessage, readRangeBatches } from '../../src/validation/rangeBatches.js';

const dir = mkdtempSync(join(tmpdir(), 'range-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const statuses = statusGraph('kafka').statuses;
/** A file of `lines` flat records, several reads long. */
function file(lines: number): { path: string; size: number } {
  const text = Array.from(
    { length: lines },
    (_, i) => `{"instance_id":"i-${i % 97}","status":"${statuses[i % statuses.length]}"}\n`,
  ).join('');
  const path = join(dir, `f-${lines}.ndjson`);
  writeFileSync(path, text);
  return { path, size: Buffer.byteLength(text) };
}

async function messages(path: string, size: number, dropped?: () => boolean): Promise<RangeMessage[]> {
  const out: RangeMessage[] = [];
  const task = { path, name: path, range: { start: 0, end: size }, statuses, timeUnit: 'auto' as const };
  for await (const message of readRangeBatches(task, dropped)) out.push(message);
  return out;
}

describe('readRangeBatches', () => {
  const big = file(20_000); // about 50 bytes a line: many reads
  it('gives every record of the range, then the count of its lines', async () => {
    const out = await messages(big.path, big.size);
    expect(big.size).toBeGreaterThan(4 * READ_CHUNK);
    const records = out.reduce((sum, m) => sum + ('batch' in m ? m.batch.count : 0), 0);
    expect(records).toBe(20_000);
    expect(out.at(-1)).toEqual({ done: { lines: 20_000 } });
  });

  it('stops with `dropped` at the first read after it is given up, and says nothing after (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), async (reads) => {
        let asked = 0;
        const out = await messages(big.path, big.size, () => asked++ >= reads);
        expect(out.at(-1)).toEqual({ dropped: true });
        expect(out.filter((m) => !('batch' in m))).toHaveLength(1);
        const records = out.reduce((sum, m) => sum + ('batch' in m ? m.batch.count : 0), 0);
        expect(records).toBeLessThan(20_000);
      }),
      { numRuns: 7 },
    );
  });
});
