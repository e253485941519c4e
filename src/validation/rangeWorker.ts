/** The worker thread of `ndjsonRanges`: reads one range of an NDJSON file and posts its batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { type RangeTask, readRangeBatches } from './ndjsonRanges.js';

for await (const message of readRangeBatches(workerData as RangeTask)) {
  const transfer =
    'batch' in message
      ? [
          message.batch.instances.buffer,
          message.batch.statuses.buffer,
          message.batch.times.buffer,
          message.batch.forms.buffer,
          message.batch.lines.buffer,
        ]
      : [];
  parentPort!.postMessage(message, transfer as ArrayBuffer[]);
}
