/**
 * A yardstick of the both-cores figure: an NDJSON file read by N threads of one process, each thread reading its
 * own part (cut at line starts) straight into a fleet of its own, with no join and no report. No exact split can do
 * better: its time on N threads over the CLI's one-thread time is the floor of the every-core figure on this machine
 * at that moment (the threads' start-up and their cold first reads included, as in the CLI).
 * Usage: node dist/bench/splitFloor.js <file.ndjson> <threads>
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

/** What a thread reads: its part of the file. */
interface Part {
  file: string;
  start: number;
  end: number;
}

// the threads start first thing (before this thread loads the readers), as the CLI starts its workers early
const threads = isMainThread ? Number(process.argv[3] ?? '1') : 1;
const helpers = isMainThread ? Array.from({ length: threads - 1 }, () => new Worker(new URL(import.meta.url))) : [];

const { statSync } = await import('node:fs');
const { statusGraph } = await import('../src/graph/statusGraph.js');
const { fileChunks } = await import('../src/input/fileChunks.js');
const { DEFAULT_RECORD_OPTIONS } = await import('../src/input/lineParser.js');
const { createNdjsonParser } = await import('../src/input/ndjson.js');
const { NdjsonByteReader } = await import('../src/input/ndjsonBytes.js');
const { CompactFleet } = await import('../src/validation/compactFleet.js');
const { fleetSink } = await import('../src/validation/ndjsonFile.js');
const { rangesAt } = await import('../src/validation/ndjsonRanges.js');

/** Read a part of the file into a fleet of its own; returns its observations. */
async function readPart({ file, start, end }: Part): Promise<number> {
  const fleet = new CompactFleet(statusGraph('kafka'), { mode: 'strict' });
  const parser = createNdjsonParser(file, DEFAULT_RECORD_OPTIONS);
  const reader = new NdjsonByteReader(file, fleet.statuses, parser, fleetSink(fleet), { atStart: start === 0 });
  for await (const chunk of fileChunks(file, { start, end })) reader.push(chunk);
  reader.end();
  return fleet.observations;
}

if (isMainThread) {
  const file = process.argv[2]!;
  const size = statSync(file).size;
  const parts = await rangesAt(
    file,
    size,
    Array.from({ length: threads - 1 }, (_, k) => Math.floor(((k + 1) * size) / threads)),
  );
  const counts = await Promise.all([
    readPart({ file, ...parts[0]! }),
    ...helpers.map(
      (helper, k) =>
        new Promise<number>((resolve, reject) => {
          helper.once('message', resolve).once('error', reject);
          helper.postMessage({ file, ...parts[k + 1]! } satisfies Part);
        }),
    ),
  ]);
  await Promise.all(helpers.map((helper) => helper.terminate()));
  process.stdout.write(`${counts.reduce((a, b) => a + b, 0)}\n`);
} else {
  parentPort!.once('message', async (part: Part) => parentPort!.postMessage(await readPart(part)));
}
