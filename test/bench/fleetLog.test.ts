/** The benchmark measures what it says: its generated data is what it claims to be (no timings here). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFleetLog } from '../../bench/fleetLog.js';
import { legalWalks } from '../../bench/statusRates.js';
import { statusPair, writeWideFleet } from '../../bench/wideFleet.js';
import { services } from '../../machines/index.js';
import { readObservations, validateFleet, validateHistory } from '../../src/index.js';
import { validateByReplay } from '../../src/testing/index.js';

describe.each(services.map((s) => [s.id] as const))('bench data (%s)', (service) => {
  it('the fleet log is NDJSON of interleaved instances, each a legal history with times in order', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-data-')), 'fleet.ndjson');
    await writeFleetLog(path, service, 3000, 50);
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(3000);
    const reader = readObservations(path);
    const report = await validateFleet(service, reader.batches(), { mode: 'strict' });
    expect(reader.format).toBe('ndjson');
    expect(report.summary).toMatchObject({ observations: 3000, violations: 0 });
    expect(report.summary.histories).toBeGreaterThan(1);
    expect(report.summary.histories).toBeLessThanOrEqual(50);
  });

  it('the walks are legal, every step a change of status, for the compiled validator and the reference', () => {
    const walks = legalWalks(service, 300, 60);
    expect(walks.reduce((n, w) => n + w.length, 0)).toBeGreaterThanOrEqual(300);
    for (const walk of walks) {
      expect(walk.every((status, i) => i === 0 || status !== walk[i - 1])).toBe(true);
      expect(validateHistory(service, walk, { fromStart: true }).ok).toBe(true);
      expect(validateByReplay(service, walk, 'strict', true).ok).toBe(true);
    }
  });
});

describe.each(services.map((s) => [s.id] as const))('wide fleets of the memory figures (%s)', (service) => {
  it('holds the records asked for, every history legal, or every one illegal (from the start when one record)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-wide-'));
    for (const kind of ['legal', 'illegal'] as const) {
      for (const records of [40, 80, 400]) {
        const path = join(dir, `${kind}-${records}.ndjson`);
        await writeWideFleet(path, service, 40, kind, records);
        const report = await validateFleet(service, readObservations(path).batches(), {
          fromStart: kind === 'illegal',
        });
        expect(report.summary).toMatchObject({
          histories: 40,
          observations: records,
          illegal: kind === 'legal' ? 0 : 40,
        });
      }
      expect(validateHistory(service, statusPair(service, kind)).ok).toBe(kind === 'legal');
    }
  });
});
