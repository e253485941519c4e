/**
 * An NDJSON file read in byte ranges (each range by its own reader, in worker threads) gives exactly the report of
 * reading it whole: the same histories, line numbers, indexes, order of instances, caps, bad records and errors,
 * wherever the file is cut.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { type InputError, validateInput } from '../../src/index.js';
import { compactFleet } from '../../src/validation/fleetValidator.js';
import { freeCores } from '../../src/validation/freeCores.js';
import { validateNdjsonInRanges, workerExecArgv } from '../../src/validation/ndjsonRanges.js';
import { fleetOptions } from '../support/fleetReference.js';
import { ndjsonFile } from '../support/ndjsonFiles.js';
import { subStateService } from '../support/subStateService.js';

const dir = mkdtempSync(join(tmpdir(), 'ndjson-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Service = (typeof services)[number] | typeof subStateService;

/**
 * The fleet report, the bad records and the error (if any) of reading `file` in ranges cut near `offsets`: on this
 * thread (range k straight into the fleet when `straight[k]`, else into batches first, as a worker does), or by
 * `threads` threads.
 */
async function inRanges(
  service: Service,
  file: string,
  offsets: number[],
  options: object,
  how: { straight: boolean[] } | { threads: number },
) {
  const fleet = compactFleet(service, options);
  const bad: string[] = [];
  try {
    await validateNdjsonInRanges(fleet, file, file, statSync(file).size, offsets, {
      timeUnit: 'auto',
      onBadRecord: (problem: InputError) => bad.push(problem.message),
      ...('straight' in how
        ? { inProcess: true, threads: 1, straight: (k: number) => how.straight[k] ?? false }
        : { threads: how.threads }),
    });
  } catch (error) {
    return { error: (error as Error).message, bad };
  }
  return { report: fleet.report(), bad };
}

/** The same, reading the file whole (one thread). */
async function whole(service: Service, file: string, options: object, workers = 1) {
  const bad: string[] = [];
  try {
    const {
      file: _,
      format,
      badRecords,
      ...report
    } = await validateInput(service, file, {
      ...options,
      format: 'ndjson',
      workers,
      onBadRecord: (record) => bad.push(`${record.file}:${record.line}:${record.column}: ${record.message}`),
    });
    return { report, bad };
  } catch (error) {
    return { error: (error as Error).message, bad };
  }
}

describe.each([...services, subStateService].map((s) => [s.id, s] as const))('NDJSON in ranges (%s)', (id, service) => {
  it('gives the report of the whole file, wherever it is cut and however each range is read (property)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        ndjsonFile(service, 60),
        fleetOptions,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.array(fc.boolean(), { maxLength: 5 }),
        async (bytes, options, cuts, straight) => {
          const file = join(dir, `${id}-${n++}.ndjson`);
          writeFileSync(file, bytes);
          const offsets = cuts.map((c) => Math.floor(c * bytes.length));
          const split = await inRanges(service, file, offsets, options, { straight });
          const one = await whole(service, file, options);
          if ('error' in one) {
            // the whole read fails with the same error; the empty-input error is validateInput's own
            if (!one.error?.includes('empty input')) expect(split).toEqual(one);
            return;
          }
          const badText = one.bad.map((b) => b.replace(/:undefined/g, ''));
          expect(split).toEqual({ report: one.report, bad: badText });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the default threads', () => {
  it('are the free cores: at least one, at most every core', async () => {
    const { availableParallelism } = await import('node:os');
    const free = freeCores();
    expect(Number.isInteger(free)).toBe(true);
    expect(free).toBeGreaterThanOrEqual(1);
    expect(free).toBeLessThanOrEqual(availableParallelism());
  });
});

describe('NDJSON in worker threads', () => {
  it('gives the report of one thread (needs the compiled worker: npm run build)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        ndjsonFile('kafka', 200),
        fleetOptions,
        fc.integer({ min: 2, max: 4 }),
        async (bytes, options, workers) => {
          const file = join(dir, `threads-${n++}.ndjson`);
          writeFileSync(file, bytes);
          expect(await whole('kafka' as unknown as Service, file, options, workers)).toEqual(
            await whole('kafka' as unknown as Service, file, options),
          );
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe('NDJSON in many ranges on worker threads', () => {
  it('gives the report of the whole file whichever thread takes which range (needs npm run build)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        ndjsonFile('kafka', 200),
        fleetOptions,
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 4, maxLength: 14 }),
        fc.integer({ min: 2, max: 3 }),
        async (bytes, options, cuts, threads) => {
          const file = join(dir, `many-${n++}.ndjson`);
          writeFileSync(file, bytes);
          const offsets = cuts.map((c) => Math.floor((c * bytes.length) / 1000));
          const split = await inRanges('kafka' as unknown as Service, file, offsets, options, { threads });
          const one = await whole('kafka' as unknown as Service, file, options);
          if ('error' in one) {
            if (!one.error?.includes('empty input')) expect(split).toEqual(one);
            return;
          }
          expect(split).toEqual({ report: one.report, bad: one.bad.map((b) => b.replace(/:undefined/g, '')) });
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('worker threads started ahead', () => {
  it('one that could not start: this thread reads its ranges, and the report is the same', async () => {
    const { Worker } = await import('node:worker_threads');
    const file = join(dir, 'failed-worker.ndjson');
    writeFileSync(
      file,
      Array.from({ length: 400 }, (_, i) => `{"instance_id":"i${i % 7}","status":"RUNNING"}\n`).join(''),
    );
    const thread = new Worker('throw new Error("cannot start")', { eval: true });
    await new Promise((resolve) => thread.once('error', resolve));
    const fleet = compactFleet('kafka' as unknown as Service, {});
    const lines = await validateNdjsonInRanges(fleet, file, file, statSync(file).size, [1000, 5000, 9000], {
      timeUnit: 'auto',
      onBadRecord: () => {},
      threads: 2,
      workers: { threads: [thread], stop: async () => {} },
    });
    expect(lines).toBe(400);
    expect(fleet.report()).toEqual((await whole('kafka' as unknown as Service, file, {})).report);
  });

  it('are stopped when the work cannot start (an unknown service): the process ends (needs npm run build)', () => {
    const file = join(dir, 'ahead.ndjson');
    writeFileSync(file, '{"instance_id":"a","status":"RUNNING"}\n');
    const library = new URL('../../dist/src/index.js', import.meta.url).href;
    const script = join(dir, 'ahead.mjs');
    writeFileSync(
      script,
      `import { validateInput } from ${JSON.stringify(library)};
      try { await validateInput('no-such-service', ${JSON.stringify(file)}, { workers: 2 }); }
      catch (error) { console.log(error.name); }`,
    );
    // a worker left running would keep the process alive: the time limit only ends a test that would hang
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal).toBeNull();
    expect(child.stdout.trim()).toBe('UnknownServiceError');
  });

  it('run from code given on the command line (--input-type, -e): they start without its options', () => {
    const file = join(dir, 'eval.ndjson');
    writeFileSync(file, '{"instance_id":"a","status":"CREATING"}\n{"instance_id":"a","status":"RUNNING"}\n');
    const library = new URL('../../dist/src/index.js', import.meta.url).href;
    const code = `import { validateInput } from ${JSON.stringify(library)};
      const report = await validateInput('kafka', ${JSON.stringify(file)}, { workers: 2 });
      console.log(report.summary.observations);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('2');
  });

  it("keep this process's other options", () => {
    expect(workerExecArgv(['--input-type=module', '-e', 'x', '--import', 'tsx', '-p', 'y', '--eval=z'])).toEqual([
      '--import',
      'tsx',
    ]);
    expect(workerExecArgv(['--input-type', 'module', '--conditions=dev', '--print', '1'])).toEqual([
      '--conditions=dev',
    ]);
  });
});
