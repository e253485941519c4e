/**
 * A yardstick of the benchmark: a fixed amount of pure CPU work split among N worker threads (no input, no
 * messages but the end). Its time on N threads over its time on one is the best speed-up the machine gives at that
 * moment (other processes share its cores), to read the CLI's both-cores figure against.
 * Usage: node dist/bench/parallelYardstick.js <threads>
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const WORK = 300_000_000;

function spin(steps: number): number {
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x + Math.imul(i, 2654435761)) | 0;
  return x;
}

if (isMainThread) {
  const threads = Number(process.argv[2] ?? '1');
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise((resolve, reject) =>
          new Worker(new URL(import.meta.url), { workerData: Math.floor(WORK / threads) })
            .on('message', resolve)
            .on('error', reject),
        ),
    ),
  );
} else parentPort!.postMessage(spin(workerData as number));
