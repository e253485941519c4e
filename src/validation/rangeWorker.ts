/**
 * The worker thread of `ndjsonRanges`: reads the ranges of NDJSON files it is given, one after the other, and posts
 * each range's batches (tagged with the range's index); it stops reading a range once told it was given up.
 */
import { parentPort } from 'node:worker_threads';
import type { RangeRequest } from './ndjsonRanges.js';
import { readRangeBatches } from './rangeBatches.js';

let work = Promise.resolve();
parentPort!.on('message', ({ index, task, dropped }: RangeRequest) => {
  work = work.then(async () => {
    for await (const message of readRangeBatches(task, () => Atomics.load(dropped, index) !== 0)) {
      const transfer =
        'batch' in message
          ? [
              message.batch.instances.buffer,
              message.batch.statuses.buffer,
              message.batch.times.buffer,
              message.batch.forms.buffer,
              message.batch.lines.buffer,
              message.batch.nameBytes.buffer,
              message.batch.nameEnds.buffer,
            ]
          : [];
      parentPort!.postMessage({ index, message }, transfer as ArrayBuffer[]);
    }
  });
});
