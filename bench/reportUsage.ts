/**
 * Preloaded into a child process by the benchmark (`node --import ./dist/bench/reportUsage.js ...`): when the
 * process exits, writes its resource usage (peak RSS in kB as `maxRSS`) as JSON to file descriptor 3.
 */
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

// (preloaded into worker threads too: only the main thread reports, for the whole process)
if (isMainThread)
  process.on('exit', () => {
    try {
      writeSync(3, JSON.stringify(process.resourceUsage()));
    } catch {
      // no fd 3: not run by the benchmark
    }
  });
