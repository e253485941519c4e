/**
 * The floor of the every-core figure reads what it says: every record of the file, whichever number of threads
 * shares it (no timings here).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFleetLog } from '../../bench/fleetLog.js';
import '../../machines/index.js'; // the registry, loaded as the CLI loads it

describe('bench/splitFloor (needs npm run build)', () => {
  it.each([1, 2, 3])('reads every record of the file on %i thread(s)', async (threads) => {
    const path = join(mkdtempSync(join(tmpdir(), 'split-floor-')), 'fleet.ndjson');
    await writeFleetLog(path, 'kafka', 5000, 40);
    const script = fileURLToPath(new URL('../../dist/bench/splitFloor.js', import.meta.url));
    const child = spawnSync(process.execPath, [script, path, String(threads)], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('5000');
  });
});
