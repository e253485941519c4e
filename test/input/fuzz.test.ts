/**
 * Fuzz test of the readers (seeded, bounded): random bytes and mutated valid inputs of every format, detected or
 * forced, read whole or cut into random chunks. Every read ends with observations or an InputError (never another
 * error), gives the same result however the bytes are cut, and the NDJSON fast path agrees with JSON.parse.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, type InputFormat, readObservations } from '../../src/index.js';
import { observationFromJson } from '../../src/input/fields.js';
import { scanFlatRecord } from '../../src/input/flatRecord.js';
import { FUZZ_SEED, formatOption, fuzzInput } from '../support/fuzzInputs.js';

/** Inputs each reader property tries per run. */
const READER_RUNS = 1500;

async function read(chunks: Buffer[], format: InputFormat | undefined) {
  const reader = readObservations(Readable.from(chunks), format ? { format } : {});
  const observations = [];
  try {
    for await (const batch of reader.batches()) observations.push(...batch);
    return { observations, format: reader.format };
  } catch (error) {
    if (!(error instanceof InputError)) throw error; // any other error fails the test
    return { error: error.message, line: error.line };
  }
}

function cut(bytes: Buffer, points: number[]): Buffer[] {
  const sorted = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...sorted, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks.filter((chunk) => chunk.length > 0);
}

describe('fuzz: the readers', () => {
  it('end with observations or one InputError, whatever the bytes and however they are cut', async () => {
    let readWhole = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fuzzInput, formatOption, fc.array(fc.nat(), { maxLength: 6 }), async (bytes, format, points) => {
        const whole = await read([bytes], format);
        if (whole.observations) readWhole++;
        else refused++;
        if (whole.observations) {
          let previous = 0;
          for (const o of whole.observations) {
            expect(typeof o.status).toBe('string');
            expect(o.line).toBeGreaterThan(previous - 1); // lines never go back (elements of a line share it)
            previous = o.line!;
            if (o.instance !== undefined) expect(typeof o.instance).toBe('string');
          }
        } else {
          expect(whole.error!.split('\n')).toHaveLength(1);
        }
        expect(await read(cut(bytes, points), format)).toEqual(whole);
      }),
      { seed: FUZZ_SEED, numRuns: READER_RUNS, interruptAfterTimeLimit: 60_000 },
    );
    // the inputs reach both outcomes, each often
    expect(Math.min(readWhole, refused)).toBeGreaterThan(READER_RUNS / 10);
  });

  it('the NDJSON fast path gives what JSON.parse gives, on every line of mutated input', () => {
    fc.assert(
      fc.property(fuzzInput, (bytes) => {
        for (const line of bytes.toString('utf8').split('\n')) {
          const fast = scanFlatRecord(line, 1);
          if (fast === undefined) continue;
          expect(fast).toEqual(observationFromJson(JSON.parse(line), 1, undefined, undefined, line));
        }
      }),
      { seed: FUZZ_SEED, numRuns: READER_RUNS },
    );
  });
});
