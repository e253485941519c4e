/**
 * `instance-lifecycle wait <service> <target>... --poll-command CMD | --url URL`: `waitForStatus` from a shell (a CI
 * step, a runbook), like `kubectl wait`: polls, prints a timeline of status changes on stderr, and exits as soon as
 * the target is reached or can no longer come.
 */
import type { Service } from '../../../machines/index.js';
import { escapeControls, knownEvent, knownStatus, lifecycleModel } from '../../model/index.js';
import { WaitError, type WaitFailureReason } from '../../waiting/waitError.js';
import { type WaitForStatusOptions, type WaitResult, waitForStatus } from '../../waiting/waitForStatus.js';
import {
  type CliIO,
  type Command,
  EXIT_FINDINGS,
  EXIT_OK,
  painter,
  parseCommandArgs,
  UsageError,
  useColor,
  write,
} from '../command.js';
import { parseDuration } from '../duration.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';
import { commandPoll, isTransientPollError, urlPoll } from '../waitPollers.js';

/** Exit code of a wait that timed out. */
export const EXIT_TIMEOUT = 3;
/** The longest a single poll (a command run, a request) may take. */
const POLL_LIMIT = 30_000;
/** The shortest limit of a poll, however close the deadline (a poll that just started is let finish). */
const MIN_POLL_LIMIT = 1_000;
const DEFAULT_TIMEOUT = 30 * 60_000;

/** The `wait` command. */
export const waitCommand: Command = {
  name: 'wait',
  summary: 'poll an instance until a target status (exits at once when it can no longer come)',
  help: `Usage: instance-lifecycle wait ${SERVICE_USAGE} <target>... (--poll-command CMD | --url URL [--header 'K: V']...
                                 [--status-path PATH]) [--after OP] [--timeout D] [--interval D]
                                 [--max-interval D] [--retries N] [--consecutive N] [--not-found-checks N]
                                 [--not-found-exit-code N] [--json]

Poll an instance until it shows <target>, judging every answer by the service's machine: stop at once when the
target can no longer come (a failure status), when a change is illegal for the machine, or when a status is
unknown; otherwise poll on (with backoff and jitter) until the timeout. The timeline of status changes goes to
stderr with the time since the start; on success the status reached is printed on stdout.

Where the status comes from (one of):
  --poll-command CMD        run CMD with sh -c; its first output line is the status. A non-zero exit is a
                            failed poll (retried); --not-found-exit-code N makes exit code N mean "gone" (404)
  --url URL                 GET URL; the status is at --status-path in the JSON answer (default status;
                            dotted, with indexes: instances.0.status). 404 means gone (the final status);
                            5xx and 429 are failed polls (retried); other errors end the wait
  --header 'K: V'           a request header (repeatable), e.g. 'X-Auth-Token: ...'

Options:
  --after OP                the operation just requested (e.g. DELETE): the statuses it leaves from are accepted
                            for a few polls until it shows
  --timeout D               give up after D (default 30m); durations: 500ms, 30s, 5m, 1h
  --interval D              first delay between polls (default 2s); the delay grows with jitter up to
  --max-interval D          (default 120s)
  --retries N               failed polls tolerated in a row (default 3)
  --consecutive N           the target must show N polls in a row (default 1)
  --not-found-checks N      "gone" answers before anything was seen are retried N times (default 0): right after
                            a create, the API may not know the instance yet
  --json                    print the result or the failure as JSON on stdout
${MACHINE_HELP}
  -h, --help                show this help

Exit codes:
  0  the target was reached
  1  the target cannot be reached any more (a failure status), an illegal change, an unknown status, or polls
     that kept failing
  2  usage error (unknown service, status or operation, bad option)
  3  timeout

Examples:
  instance-lifecycle wait kafka DELETED --after DELETE --url https://api.example/v2/instances/i-1 --header 'X-Auth-Token: t'
  instance-lifecycle wait dcs RUNNING --poll-command './get-status.sh i-1' --timeout 1h --interval 10s`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'poll-command': { type: 'string' },
      url: { type: 'string' },
      header: { type: 'string', multiple: true },
      'status-path': { type: 'string' },
      after: { type: 'string' },
      timeout: { type: 'string' },
      interval: { type: 'string' },
      'max-interval': { type: 'string' },
      retries: { type: 'string' },
      consecutive: { type: 'string' },
      'not-found-checks': { type: 'string' },
      'not-found-exit-code': { type: 'string' },
      json: { type: 'boolean' },
      ...SERVICE_OPTIONS,
    });
    const { service, rest: targets } = await serviceArgument(values, positionals);
    if (targets.length === 0) throw new UsageError('missing <target>');
    const model = lifecycleModel(service);
    for (const target of targets) knownStatus(model, target);
    const timeout = readDuration('--timeout', values.timeout) ?? DEFAULT_TIMEOUT;
    // one poll may take up to POLL_LIMIT, and never much past the wait's deadline
    const deadline = performance.now() + timeout;
    const limit = () => Math.max(MIN_POLL_LIMIT, Math.min(POLL_LIMIT, deadline - performance.now()));
    const command = values['poll-command'];
    const url = values.url;
    if ((command === undefined) === (url === undefined)) throw new UsageError('give one of --poll-command or --url');
    if (command !== undefined && (values.header !== undefined || values['status-path'] !== undefined))
      throw new UsageError('--header and --status-path go with --url');
    if (url !== undefined && values['not-found-exit-code'] !== undefined)
      throw new UsageError('--not-found-exit-code goes with --poll-command');
    const options: WaitForStatusOptions<Service> = {
      service,
      target: targets,
      timeout,
      isTransient: isTransientPollError,
      poll:
        command !== undefined
          ? commandPoll(command, { limit, env: io.env, ...notFoundExit(values['not-found-exit-code']) })
          : urlPoll(readUrl(url!), {
              headers: (values.header ?? []).map(readHeader),
              statusPath: readStatusPath(values['status-path'] ?? 'status'),
              limit,
            }),
    };
    if (values.after !== undefined) options.after = knownEvent(model, values.after, 'operation');
    const interval = readDuration('--interval', values.interval);
    if (interval !== undefined) options.interval = interval;
    const maxInterval = readDuration('--max-interval', values['max-interval']);
    if (maxInterval !== undefined) options.maxInterval = maxInterval;
    if (values.retries !== undefined) options.retries = readCount('--retries', values.retries, 0);
    if (values.consecutive !== undefined) options.consecutive = readCount('--consecutive', values.consecutive, 1);
    if (values['not-found-checks'] !== undefined)
      options.notFoundChecks = readCount('--not-found-checks', values['not-found-checks'], 0);
    return runWait(options, io, values.json ?? false);
  },
};

/** Run the wait with a timeline on stderr; resolves to the exit code. */
async function runWait(options: WaitForStatusOptions<Service>, io: CliIO, json: boolean): Promise<number> {
  const paint = painter(useColor(io.stderr, io.env));
  const waitingFor = `${[options.target].flat().join(' or ')}${options.after ? ` after ${options.after}` : ''}`;
  let log = write(
    io.stderr,
    `${options.service.id}: waiting for ${waitingFor} (timeout ${formatElapsed(options.timeout)})\n`,
  );
  const line = (text: string) => {
    log = log.then(() => write(io.stderr, text + '\n'));
  };
  options.onChange = (change) =>
    line(
      `  ${formatElapsed(change.elapsed).padStart(7)}  ${printable(change.to)}${change.notFound ? ' (not found)' : ''}`,
    );
  options.onPoll = (poll) => {
    if (poll.error !== undefined)
      line(
        paint.dim(`  ${formatElapsed(poll.elapsed).padStart(7)}  poll failed: ${printable(errorMessage(poll.error))}`),
      );
  };
  let result: WaitResult | undefined;
  let failure: WaitError | undefined;
  try {
    result = await waitForStatus(options);
  } catch (error) {
    if (!(error instanceof WaitError) || error.reason === 'aborted') throw error;
    failure = error;
  }
  await log;
  if (result) {
    const seen = result.operationObserved === false ? `; ${options.after} was never seen` : '';
    const failed = result.failedSeen.length > 0 ? `; failed on the way: ${result.failedSeen.join(', ')}` : '';
    await write(
      io.stderr,
      paint.green(
        `reached ${printable(result.status)} after ${formatElapsed(result.elapsed)} (${result.polls} polls)${seen}${failed}`,
      ) + '\n',
    );
    await write(
      io.stdout,
      json ? JSON.stringify({ ok: true, ...result }, null, 2) + '\n' : printable(result.status) + '\n',
    );
    return EXIT_OK;
  }
  const error = failure!;
  await write(io.stderr, paint.red(`${verdict(error.reason)}: ${printable(error.message)}`) + '\n');
  if (json) {
    const data = {
      ok: false,
      reason: error.reason,
      message: error.message,
      status: error.status,
      polls: error.polls,
      elapsed: error.elapsed,
      history: error.history,
      counts: error.counts,
      ...(error.lastPollError === undefined ? {} : { lastPollError: errorMessage(error.lastPollError) }),
    };
    await write(io.stdout, JSON.stringify(data, null, 2) + '\n');
  }
  return error.reason === 'timeout' ? EXIT_TIMEOUT : EXIT_FINDINGS;
}

function verdict(reason: WaitFailureReason): string {
  switch (reason) {
    case 'timeout':
      return 'timed out';
    case 'unreachable':
      return 'cannot be reached';
    case 'illegal-transition':
      return 'illegal change';
    case 'unknown-status':
      return 'unknown status';
    default:
      return 'poll failed';
  }
}

/** `1.5s`, `2m05s`, `1h02m`: elapsed time, short. */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** Text from a service or a command, safe for a terminal: control characters escaped. */
/** Text from a poll or the command line, as it may be printed: control characters escaped (the one helper). */
const printable = escapeControls;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readDuration(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${name} must be a duration like 500ms, 30s, 5m or 1h, got "${text}"`);
  return ms;
}

function readCount(name: string, text: string, least: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= least && Number.isSafeInteger(n)))
    throw new UsageError(`${name} must be a whole number from ${least}, got "${text}"`);
  return n;
}

function notFoundExit(text: string | undefined): { notFoundExitCode?: number } {
  if (text === undefined) return {};
  const code = readCount('--not-found-exit-code', text, 1);
  if (code > 255) throw new UsageError(`--not-found-exit-code must be from 1 to 255, got "${text}"`);
  return { notFoundExitCode: code };
}

function readUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url must be an http or https URL, got "${printable(text)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--url must be an http or https URL, got "${printable(text)}"`);
  return url.href;
}

function readHeader(text: string): [string, string] {
  const at = text.indexOf(':');
  const name = at > 0 ? text.slice(0, at).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new UsageError(`--header must look like 'Name: value', got "${printable(text)}"`);
  const value = text.slice(at + 1).trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a header value may not hold control characters
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
    throw new UsageError(`--header ${name}: control characters in the value`);
  return [name, value];
}

function readStatusPath(text: string): string {
  if (!/^[^.]+(\.[^.]+)*$/.test(text))
    throw new UsageError(
      `--status-path must be names and indexes joined by dots, like instances.0.status, got "${printable(text)}"`,
    );
  return text;
}
