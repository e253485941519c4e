/**
 * The request log: one plain record per request (method, path, service, API action, instances, answer), given to
 * a sink as it happens (NDJSON on stderr or in a file, from the CLI) and kept in a ring of the last entries, so its
 * memory is bounded.
 */

/** One request, as logged. */
export interface RequestLogEntry {
  /** When it was answered (real time, ISO 8601). */
  time: string;
  method: string;
  /** The path and query, at most 2000 characters. */
  path: string;
  /** Service id, when the path is a service's. */
  service?: string;
  /** API action (`create`, `show`, ...) or `control` for the control API. */
  action?: string;
  /** The instances the request was about. */
  instances?: string[];
  /** HTTP status of the answer. */
  status: number;
  /** The error code of an error answer. */
  error_code?: string;
  /** What chaos did: an error status it answered with, latency it added (ms). */
  chaos?: { error?: number; latency?: number };
  /** Real milliseconds from the request to the answer. */
  ms: number;
}

/** The longest path a log entry keeps. */
export const MAX_LOGGED_PATH = 2000;

/** A ring of the last `capacity` entries, each also given to `sink`. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  constructor(
    private readonly capacity: number,
    private readonly sink?: (entry: RequestLogEntry) => void,
  ) {}

  /** Record an entry. */
  add(entry: RequestLogEntry): void {
    if (this.capacity > 0) {
      if (this.entries.length >= this.capacity) this.entries.shift();
      this.entries.push(entry);
    }
    this.sink?.(entry);
  }

  /** The entries kept, oldest first. */
  recent(): RequestLogEntry[] {
    return [...this.entries];
  }
}
