/** `freeCores`: how many threads an NDJSON file is read by, by default, on this machine now. */
import { availableParallelism, loadavg } from 'node:os';

/**
 * The cores other processes leave free: the cores less the last minute's load average, rounded, at least 1. Threads
 * beyond them only share a busy core (measured: slower than one thread on a 2-core machine with one core taken).
 *
 * @example freeCores() // 2 on an idle 2-core machine
 */
export function freeCores(): number {
  const cores = availableParallelism();
  return Math.min(cores, Math.max(1, Math.round(cores - loadavg()[0]!)));
}
