/**
 * The two ways the `wait` command asks for an instance's status: run a shell command and read what it prints, or
 * GET a URL and read the status out of its JSON. Each is a `poll` for `waitForStatus`: it answers the status,
 * `NOT_FOUND` for a gone instance, or throws a {@link PollError} that says whether it is worth retrying.
 */
import { spawn } from 'node:child_process';
import { NOT_FOUND, type NotFound, type PollContext } from '../waiting/waitForStatus.js';

/** A failed poll; `transient` ones (a 5xx, a command that failed) are retried, others end the wait. */
export class PollError extends Error {
  override name = 'PollError';
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/** What `waitForStatus` is given as its `isTransient`: only {@link PollError}s that say so are retried. */
export function isTransientPollError(error: unknown): boolean {
  return error instanceof PollError ? error.transient : true;
}

/** The most bytes read from a command's output or a response body. */
export const MAX_ANSWER_BYTES = 1 << 20;

type Poll = (context: PollContext) => Promise<string | NotFound>;

/** Options of {@link commandPoll}. */
export interface CommandPollOptions {
  /** The exit code by which the command says the instance is gone (HTTP 404). */
  notFoundExitCode?: number;
  /** The longest one run may take, in ms (asked before each run). */
  limit: () => number;
  env?: NodeJS.ProcessEnv;
}

/**
 * A poll that runs `command` with `sh -c` and takes its output's first line, trimmed, as the status. A non-zero
 * exit is a transient failure (retried), except `notFoundExitCode`, which means the instance is gone.
 *
 * @example const poll = commandPoll("aws dms describe ... --query 'status' --output text", { limit: () => 30_000 });
 */
export function commandPoll(command: string, options: CommandPollOptions): Poll {
  return ({ signal }) =>
    new Promise((resolve, reject) => {
      const limit = options.limit();
      // its own process group, so that stopping it stops what it started too (a hung curl in a pipeline)
      const child = spawn('sh', ['-c', command], {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        env: options.env ?? process.env,
      });
      const stop = AbortSignal.any([signal, AbortSignal.timeout(limit)]);
      const onStop = () => {
        killGroup(child.pid);
        if (signal.aborted) reject(signal.reason);
        else reject(new PollError(`the poll command took longer than ${limit} ms`, true));
      };
      stop.addEventListener('abort', onStop, { once: true });
      const out = collect(child.stdout);
      const err = collect(child.stderr);
      child.on('error', (error) => {
        stop.removeEventListener('abort', onStop);
        reject(new PollError(`cannot run the poll command: ${error.message}`, false));
      });
      child.on('close', (code) => {
        stop.removeEventListener('abort', onStop);
        if (stop.aborted) return; // already rejected
        if (code !== null && code === options.notFoundExitCode) return resolve(NOT_FOUND);
        if (code !== 0) {
          const last = err.text().trim().split('\n').at(-1) ?? '';
          return reject(new PollError(`the poll command exited with ${code}${last ? `: ${last}` : ''}`, true));
        }
        const status = out.text().trim().split('\n')[0]!.trim();
        if (status === '') return reject(new PollError('the poll command printed no status', true));
        resolve(status);
      });
    });
}

/** Kill a process group (the poll command and whatever it started); it may be gone already. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Options of {@link urlPoll}. */
export interface UrlPollOptions {
  /** Request headers (`Authorization`, `X-Auth-Token`...). */
  headers: [string, string][];
  /** Where the status is in the JSON answer: names and indexes joined by dots (`instances.0.status`). */
  statusPath: string;
  /** The longest one request may take, in ms (asked before each request). */
  limit: () => number;
}

/**
 * A poll that GETs `url`: 404 means the instance is gone, 5xx and 429 are transient failures, other non-2xx
 * answers end the wait, and a 2xx answer's JSON holds the status at `statusPath`.
 *
 * @example const poll = urlPoll('http://127.0.0.1:8080/instances/i-1', { headers: [], statusPath: 'status', limit: () => 30_000 });
 */
export function urlPoll(url: string, options: UrlPollOptions): Poll {
  return async ({ signal }) => {
    let response: Response;
    const limit = options.limit();
    try {
      response = await fetch(url, {
        headers: options.headers,
        signal: AbortSignal.any([signal, AbortSignal.timeout(limit)]),
        redirect: 'follow',
      });
    } catch (error) {
      if (signal.aborted) throw error;
      if (error instanceof Error && error.name === 'TimeoutError')
        throw new PollError(`GET took longer than ${limit} ms`, true);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new PollError(`GET failed: ${cause}`, true);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return NOT_FOUND;
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new PollError(`GET answered ${response.status}`, true);
    }
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel();
      throw new PollError(`GET answered ${response.status}`, false);
    }
    const body = await readLimited(response);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new PollError('the answer is not JSON', false);
    }
    const status = valueAt(json, options.statusPath);
    if (typeof status !== 'string' || status === '')
      throw new PollError(`the answer has no status string at ${options.statusPath}`, false);
    return status;
  };
}

/**
 * The value at a dotted path in parsed JSON (numeric parts index arrays), or undefined. Only own properties are
 * read, so `__proto__` and friends are just names.
 *
 * @example valueAt({ instances: [{ status: 'RUNNING' }] }, 'instances.0.status') // 'RUNNING'
 */
export function valueAt(value: unknown, path: string): unknown {
  let at = value;
  for (const part of path.split('.')) {
    if (Array.isArray(at) && /^\d+$/.test(part)) at = at[Number(part)];
    else if (at !== null && typeof at === 'object' && !Array.isArray(at) && Object.hasOwn(at, part))
      at = (at as Record<string, unknown>)[part];
    else return undefined;
  }
  return at;
}

async function readLimited(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new PollError(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`, false);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function collect(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size >= MAX_ANSWER_BYTES) return; // keep the start, drop the rest: memory stays bounded
    chunks.push(chunk);
    size += chunk.length;
  });
  return { text: () => Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES) };
}
