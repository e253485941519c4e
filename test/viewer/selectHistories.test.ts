import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validateInput } from '../../src/index.js';
import { selectHistories } from '../../src/viewer/selectHistories.js';
import { runCliCapture } from '../support/cliHarness.js';
import { fleetRecords } from '../support/fleetRecords.js';

const dir = mkdtempSync(join(tmpdir(), 'select-histories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('selectHistories', () => {
  it('keeps at most maxInstances, problems first, at most maxObservations each, and counts the rest exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fleetRecords('kafka'),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        async (records, maxInstances, maxObservations) => {
          const file = join(dir, `fleet-${n++}.ndjson`);
          writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
          const full = await validateInput('kafka', file, {});
          const selected = await selectHistories('kafka', file, { maxInstances, maxObservations });
          expect(selected.instances).toBe(full.summary.histories);
          expect(selected.illegal).toBe(full.summary.illegal);
          expect(selected.histories.length).toBe(Math.min(maxInstances, full.summary.histories));
          const okOf = new Map(full.histories.map((h) => [h.instance, h.ok]));
          const shownOk = selected.histories.map((h) => okOf.get(h.instance ?? null));
          // problems first: no legal history before an illegal one, and as many illegal ones as fit
          expect(shownOk).toEqual([...shownOk].sort((a, b) => Number(a) - Number(b)));
          expect(shownOk.filter((ok) => !ok).length).toBe(Math.min(full.summary.illegal, maxInstances));
          for (const h of selected.histories) {
            const all = records.filter((r) => r.instance_id === h.instance);
            expect(h.observations.map((o) => o.status)).toEqual(all.slice(0, maxObservations).map((r) => r.status));
          }
          const kept = selected.histories.reduce((sum, h) => sum + h.observations.length, 0);
          expect(selected.omitted).toEqual({
            instances: full.summary.histories - selected.histories.length,
            observations: records.length - kept,
          });
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it('reads standard input (spooled once), and picks one instance by id', async () => {
    const text =
      '{"instance_id":"a","status":"RUNNING"}\n{"instance_id":"b","status":"RUNNING"}\n{"instance_id":"b","status":"CREATING"}\n';
    const selected = await selectHistories('kafka', '-', { stdin: Readable.from([text]), instance: 'b' });
    expect(selected.histories).toHaveLength(1);
    expect(selected.histories[0]!.instance).toBe('b');
    expect(selected.omitted).toEqual({ instances: 0, observations: 0 }); // relative to the instance asked for
    expect(selected.instances).toBe(1);
    expect(selected.illegal).toBe(1);
    await expect(selectHistories('kafka', '-', { stdin: Readable.from([text]), instance: 'zzz' })).rejects.toThrow(
      /no instance "zzz"/,
    );
  });
});

describe('instance-lifecycle view on a fleet', () => {
  it('embeds a bounded number of instances and says what it left out', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 30; i++)
      lines.push(
        JSON.stringify({ instance_id: `i${i}`, status: i % 10 === 0 ? 'DELETED' : 'RUNNING' }),
        JSON.stringify({ instance_id: `i${i}`, status: 'RESTARTING' }),
      );
    const file = join(dir, 'fleet.ndjson');
    writeFileSync(file, lines.join('\n'));
    const { code, stdout, stderr } = await runCliCapture(['view', 'kafka', file, '--out', '-', '--max-instances', '5']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const data = JSON.parse(
      stdout.match(/<script type="application\/json" id="viewer-data">(.*?)<\/script>/s)![1]!,
    ) as {
      instances: { label: string; verdict: { ok: boolean } }[];
      omitted: { instances: number; observations: number };
    };
    expect(data.instances.map((i) => i.label).slice(0, 3)).toEqual(['i0', 'i10', 'i20']);
    expect(data.instances).toHaveLength(5);
    expect(data.omitted).toEqual({ instances: 25, observations: 50 });
    expect(stdout).toContain('Not shown: 25 instances and 50 observations of the input');
    expect((await runCliCapture(['view', 'kafka', file, '--out', '-', '--max-instances', '0'])).code).toBe(2);
    const one = await runCliCapture(['view', 'kafka', file, '--out', '-', '--instance', 'i7']);
    expect(one.code).toBe(0);
    expect(one.stdout).not.toContain('"label":"i0"');
  });
});
