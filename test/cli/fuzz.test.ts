/**
 * Fuzz test of the command line in-process (seeded, bounded): random bytes and mutated valid inputs of every
 * format, on standard input or in a file, with and without --format, --json and the other options. Every run
 * ends with exit 0, 1 or 2 and no uncaught exception; exit 2 is one line on stderr; --json is valid JSON that
 * agrees with the exit code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { type CliResult, runCliCapture } from '../support/cliHarness.js';
import { FUZZ_SEED, formatOption, fuzzCase, fuzzInput } from '../support/fuzzInputs.js';

/** Inputs the validate property tries per run, and the view property (slower: it lays out a diagram). */
const VALIDATE_RUNS = 1000;
const VIEW_RUNS = 40;

const work = mkdtempSync(join(tmpdir(), 'cli-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let files = 0;

/** Where the input comes from: standard input (`-`, or no argument) or a file. */
const sourceKind = fc.constantFrom('-', 'none', 'file');

async function run(command: string[], bytes: Buffer, source: string): Promise<CliResult> {
  if (source === 'file') {
    const path = join(work, `input-${++files}`);
    writeFileSync(path, bytes);
    return runCliCapture([...command.slice(0, 2), path, ...command.slice(2)]);
  }
  const args = source === '-' ? [...command.slice(0, 2), '-', ...command.slice(2)] : command;
  return runCliCapture(args, { stdin: bytes });
}

function expectOneLineError(result: CliResult): void {
  expect(result.stderr).toMatch(/^instance-lifecycle \w+: [^\n]+\n$/);
  expect(result.stdout).toBe('');
}

describe('fuzz: the command line', () => {
  it('validate ends with 0, 1 or 2: one line on stderr for 2, valid JSON agreeing with the exit code for --json', async () => {
    const options = fc.record({
      service: fc.constantFrom(...services.map((s) => s.id)),
      ownService: fc.nat({ max: 3 }).map((n) => n > 0),
      format: formatOption,
      json: fc.boolean(),
      mode: fc.constantFrom(undefined, 'strict', 'sampled'),
      explain: fc.boolean(),
      fromStart: fc.boolean(),
    });
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzCase, options, sourceKind, async ({ bytes, service }, o, source) => {
        const command = [
          'validate',
          // mostly the service the input was made from (legal unless mutated), else any service
          o.ownService && service !== undefined ? service : o.service,
          ...(o.format ? ['--format', o.format] : []),
          ...(o.json ? ['--json'] : []),
          ...(o.mode ? ['--mode', o.mode] : []),
          ...(o.explain ? ['--explain'] : []),
          ...(o.fromStart ? ['--from-start'] : []),
        ];
        const result = await run(command, bytes, source);
        expect([0, 1, 2]).toContain(result.code);
        codes.set(result.code, (codes.get(result.code) ?? 0) + 1);
        if (result.code === 2 && result.stderr !== '') {
          // unreadable input: one line; findings printed live before it stay on stdout (standard input is live)
          expect(result.stderr).toMatch(/^instance-lifecycle \w+: [^\n]+\n$/);
          if (source === 'file' || o.json) expect(result.stdout).toBe('');
          return;
        }
        // exit 0 or 1, or 2 for an input read with bad records (skipped, and listed in the report)
        expect(result.stderr).toBe('');
        if (o.json) {
          const report = JSON.parse(result.stdout) as { ok: boolean; summary: { histories: number } };
          const bad = (report as { badRecords?: { count: number } }).badRecords?.count ?? 0;
          expect(result.code).toBe(bad > 0 ? 2 : report.ok ? 0 : 1);
          // something was read: a history, or records reported as bad (an input of bad records alone has no history)
          expect(report.summary.histories + bad).toBeGreaterThan(0);
        } else {
          expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^(OK|ILLEGAL|BAD INPUT): /);
        }
      }),
      { seed: FUZZ_SEED, numRuns: VALIDATE_RUNS, interruptAfterTimeLimit: 90_000 },
    );
    // the inputs reach every outcome: legal, illegal and unreadable
    for (const code of [0, 1, 2]) expect(codes.get(code) ?? 0).toBeGreaterThan(VALIDATE_RUNS / 50);
  }, 120_000);

  it('view --out - ends with 0, 1 or 2: a page for 0 and 1, one line on stderr for 2', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInput, formatOption, sourceKind, async (bytes, format, source) => {
        const command = ['view', 'kafka', '--out', '-', ...(format ? ['--format', format] : [])];
        const result = await run(command, bytes, source === 'none' ? '-' : source);
        expect([0, 1, 2]).toContain(result.code);
        if (result.code === 2) return expectOneLineError(result);
        expect(result.stderr).toBe('');
        expect(result.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: VIEW_RUNS, interruptAfterTimeLimit: 60_000 },
    );
  }, 90_000);
});
