/**
 * `instance-lifecycle serve`: run the fake cloud (`startFakeCloud`) until Ctrl-C, logging every request as NDJSON
 * to stderr or a file.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ChaosSettings } from '../../fakeCloud/chaos.js';
import { DEFAULT_SPEED, PROGRESSIONS, type Progression } from '../../fakeCloud/progression.js';
import { lineColumn, scanJson } from '../../input/jsonSyntax.js';
import { BadArgumentError } from '../../model/index.js';
import { MAX_SEED } from '../../simulation/index.js';
import { type Command, EXIT_OK, InputError, parseCommandArgs, UsageError, write } from '../command.js';

/** The largest chaos file read. */
const MAX_CHAOS_BYTES = 1024 * 1024;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run a fake cloud: the REST APIs of the services on localhost, lifecycles from the machines, chaos',
  help: `Usage: instance-lifecycle serve [--port N] [--host ADDRESS] [--seed S]
                                  [--speed X | --progression manual|immediate] [--chaos FILE.json] [--log FILE]

Serve the instance lifecycle part of the services' REST APIs (DMS for Kafka at /kafka, DCS at /dcs), for testing
clients without a cloud account. Each instance's status follows its service's machine; an operation its status
does not allow is refused with the service's error code; a deleted instance answers 404. A control API under
/_lifecycle/ moves the clock, injects outcomes, sets chaos and gives each instance's true history as NDJSON for
\`instance-lifecycle validate\`. No data plane and no authentication: any signature is accepted. Every request
is logged as one JSON line (stderr, or --log FILE). Runs until Ctrl-C.

Options:
  --port N              port (default: a free one, printed at start)
  --host ADDRESS        address to bind (default 127.0.0.1; anything else exposes the fake cloud to others)
  --seed S              seed of ids, lifecycles and chaos, 0 to ${MAX_SEED} (default 0)
  --speed X             simulated time runs X times as fast as real time (default ${DEFAULT_SPEED})
  --progression P       scaled (default, see --speed), manual (time moves only through
                        POST /_lifecycle/clock/advance) or immediate (every change happens at once)
  --chaos FILE.json     chaos from the start (error rates, latency, failures, stuck statuses, 404s after create)
  --log FILE            append the request log to FILE instead of stderr
  -h, --help            show this help

Exit codes: 0 stopped by Ctrl-C (or SIGTERM), 2 usage error or unreadable chaos file.

Examples:
  instance-lifecycle serve --port 8080
  instance-lifecycle serve --progression manual --seed 7 --chaos chaos.json --log requests.ndjson`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      progression: { type: 'string' },
      chaos: { type: 'string' },
      log: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const port = values.port === undefined ? 0 : wholeNumber('--port', values.port, 0, 65535);
    const seed = values.seed === undefined ? 0 : wholeNumber('--seed', values.seed, 0, MAX_SEED);
    const progression = (values.progression ?? 'scaled') as Progression;
    if (!PROGRESSIONS.includes(progression))
      throw new UsageError(`--progression must be one of ${PROGRESSIONS.join(', ')}, got "${progression}"`);
    if (values.speed !== undefined && progression !== 'scaled')
      throw new UsageError('--speed goes with scaled time only, not with --progression ' + progression);
    const speed = values.speed === undefined ? DEFAULT_SPEED : positiveNumber('--speed', values.speed);
    const chaos = values.chaos === undefined ? undefined : readChaosFile(values.chaos);

    // Loaded here: only this command needs the server.
    const { startFakeCloud } = await import('../../fakeCloud/index.js');
    const logStream: Writable = values.log === undefined ? io.stderr : createWriteStream(values.log, { flags: 'a' });
    let logFailed = false;
    logStream.on('error', () => {
      logFailed = true; // a closed pipe or a full disk: stop logging, keep serving
    });
    let cloud: Awaited<ReturnType<typeof startFakeCloud>>;
    try {
      cloud = await startFakeCloud({
        port,
        ...(values.host === undefined ? {} : { host: values.host }),
        seed,
        progression,
        speed,
        ...(chaos ? { chaos: chaos.value as ChaosSettings } : {}),
        log: (entry) => {
          if (!logFailed) logStream.write(`${JSON.stringify(entry)}\n`);
        },
      });
    } catch (error) {
      if (values.log !== undefined) logStream.end();
      if (error instanceof BadArgumentError && chaos) throw new InputError(error.message, { file: chaos.file });
      if (isListenError(error))
        throw new UsageError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${error.code}`);
      throw error;
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await write(io.stdout, banner(cloud.url, cloud.endpoints, progression, speed, seed));
      if (!isLoopback(values.host ?? '127.0.0.1'))
        await write(
          io.stderr,
          'instance-lifecycle serve: warning: not bound to a loopback address, and nothing is authenticated\n',
        );
      await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
      return EXIT_OK;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await cloud.close();
      if (values.log !== undefined) await new Promise<void>((resolve) => logStream.end(resolve));
    }
  },
};

/** The lines printed at start: where everything is. */
function banner(
  url: string,
  endpoints: Readonly<Record<string, string>>,
  progression: string,
  speed: number,
  seed: number,
): string {
  const time = progression === 'scaled' ? `time ${speed}x real time` : `${progression} time`;
  const services = Object.entries(endpoints).map(([service, endpoint]) => `  ${service.padEnd(8)}${endpoint}\n`);
  return `fake cloud at ${url} (${time}, seed ${seed})\n${services.join('')}  control ${url}/_lifecycle/\nCtrl-C to stop\n`;
}

/** The chaos file's JSON (checked by the fake cloud), or an InputError naming the place. */
function readChaosFile(file: string): { file: string; value: unknown } {
  let text: string;
  try {
    const buffer = readFileSync(file);
    if (buffer.length > MAX_CHAOS_BYTES) throw new InputError(`larger than ${MAX_CHAOS_BYTES} bytes`, { file });
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { file });
  }
  const scan = scanJson(text);
  if (!scan.ok) throw new InputError(`expected ${scan.expected}`, { file, ...lineColumn(text, scan.offset) });
  return { file, value: JSON.parse(text) };
}

/** Whether an address is one only this machine reaches (127.0.0.0/8, ::1, localhost). */
function isLoopback(host: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost';
}

function isListenError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max)
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

function positiveNumber(option: string, text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || !Number.isFinite(value))
    throw new UsageError(`${option} must be a number > 0, got "${text}"`);
  return value;
}
