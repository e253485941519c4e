/**
 * `createProgressLine`: a one-line progress report on a terminal's stderr for long runs. It stays silent for the
 * first second (short runs never show it), then redraws at most four times a second, and is erased at the end.
 * On a stream that is not a TTY it never writes.
 */
import type { Writable } from 'node:stream';
import type { Clock } from '../time/clock.js';
import { write } from './command.js';

/** A progress line: call `tick` often (it decides when to redraw) and `clear` once at the end. */
export interface ProgressLine {
  /** Redraw with `text()` if enough time has passed. */
  tick(): void;
  /** Erase the line, if it was ever drawn. */
  clear(): Promise<void>;
}

/** Silent this long after the start. */
export const PROGRESS_AFTER_MS = 1000;
/** At most one redraw per this many milliseconds. */
export const PROGRESS_EVERY_MS = 250;

/**
 * A progress line on `stream`, drawing what `text` returns.
 *
 * @example const progress = createProgressLine(process.stderr, systemClock, () => `${count} records`);
 */
export function createProgressLine(
  stream: Writable & { isTTY?: boolean },
  clock: Clock,
  text: () => string,
): ProgressLine {
  const started = clock.now();
  let last = -Infinity;
  let shown = false;
  return {
    tick() {
      if (!stream.isTTY) return;
      const now = clock.now();
      if (now - started < PROGRESS_AFTER_MS || now - last < PROGRESS_EVERY_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[K${text()}`);
    },
    async clear() {
      if (shown) await write(stream, '\r\u001b[K');
    },
  };
}
