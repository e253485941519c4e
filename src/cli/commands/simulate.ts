/** `instance-lifecycle simulate <service>`: print a seeded simulated history, in a form `validate` reads as is. */

import { readFile } from 'node:fs/promises';
import type { Service } from '../../../machines/index.js';
import { BadArgumentError, knownStatus, lifecycleModel, quoteInput } from '../../model/index.js';
import { durationsFromReport } from '../../report/durationsFromReport.js';
import { isSeed, MAX_SEED } from '../../simulation/random.js';
import {
  DEFAULT_START,
  DEFAULT_STEPS,
  type SimulatedObservation,
  type SimulationOptions,
  simulate,
} from '../../simulation/simulate.js';
import { type Command, EXIT_OK, InputError, parseCommandArgs, UsageError, write } from '../command.js';
import { parseDuration } from '../duration.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

const FORMATS = ['ndjson', 'json', 'lines'] as const;
/** The most transitions the command simulates (the library takes any number). */
const MAX_STEPS = 1_000_000;
type Format = (typeof FORMATS)[number];

/** The `simulate` command: {@link simulate} with its options, printed as NDJSON, JSON or plain lines. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'print a seeded simulated status history (the true one, or what a poller sees)',
  help: `Usage: instance-lifecycle simulate ${SERVICE_USAGE} [--seed N] [--steps N] [--poll-interval DURATION]
                                     [--format ${FORMATS.join('|')}] [--instance ID] [--from STATUS]
                                     [--start TIME] [--avoid-final] [--durations-from REPORT.json]

Walk through the service's machine at random (the same seed gives the same history on every machine): each
status lasts a drawn time (transitional ones seconds to minutes, stable ones minutes to hours), failures are
rare, and the walk ends at a final status or after --steps transitions. The output is a history that
\`instance-lifecycle validate\` accepts as is: strictly legal, or, with --poll-interval, what a poller sees
(legal in sampled mode whenever every stable status lasts at least the interval, as it does for intervals up
to 10 minutes).

Options:
  --seed N                 seed, 0 to ${MAX_SEED} (default 0)
  --steps N                most transitions, up to ${MAX_STEPS} (default ${DEFAULT_STEPS})
  --poll-interval DURATION print what a poller asking every DURATION sees (500ms, 30s, 5m, 1h)
  --format F               ${FORMATS.join(', ')} (default ndjson: one {"status","time"} object per line;
                           lines: statuses only)
  --json                   same as --format json
  --instance ID            add "instance_id": ID to every observation
  --from STATUS            start in this status (default the initial one)
  --start TIME             time of the first observation, ISO 8601 (default ${DEFAULT_START})
  --avoid-final            enter a final status only when nothing else is possible
  --durations-from FILE    draw how long each status lasts from the dwell times a fleet report observed
                           (instance-lifecycle report <service> FILE --json > FILE); statuses it has no data
                           for keep the defaults
${MACHINE_HELP}
  -h, --help               show this help

Examples:
  instance-lifecycle simulate kafka --seed 7
  instance-lifecycle simulate dcs --seed 3 --poll-interval 1m --format json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      seed: { type: 'string' },
      steps: { type: 'string' },
      'poll-interval': { type: 'string' },
      format: { type: 'string' },
      json: { type: 'boolean' },
      instance: { type: 'string' },
      from: { type: 'string' },
      start: { type: 'string' },
      'avoid-final': { type: 'boolean' },
      'durations-from': { type: 'string' },
    });
    const {
      service,
      rest: [extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const model = lifecycleModel(service);
    const format = readFormat(values.format, values.json);
    const options: SimulationOptions<Service> = { avoidFinal: values['avoid-final'] ?? false };
    if (values.seed !== undefined) options.seed = readSeed(values.seed);
    if (values.steps !== undefined) options.steps = readSteps(values.steps);
    if (values['poll-interval'] !== undefined) options.pollInterval = readInterval(values['poll-interval']);
    if (values.start !== undefined) options.start = readStart(values.start);
    if (values.from !== undefined) options.from = knownStatus(model, values.from);
    if (values['durations-from'] !== undefined)
      options.durations = await readDurations(values['durations-from'], model.service);
    const simulation = simulate(service, options);
    const history = simulation.polled ?? simulation.observations;
    await write(io.stdout, formatHistory(history, format, values.instance));
    return EXIT_OK;
  },
};

/** The observed durations of a report file (`report --json`), for the service simulated. */
async function readDurations(file: string, service: string): Promise<SimulationOptions['durations']> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      file,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('expected the JSON of instance-lifecycle report --json', { file });
  }
  try {
    return durationsFromReport(value, service);
  } catch (error) {
    if (error instanceof BadArgumentError) throw new InputError(error.message, { file });
    throw error;
  }
}

function formatHistory(history: readonly SimulatedObservation[], format: Format, instance: string | undefined): string {
  if (format === 'lines') return history.map((o) => o.status + '\n').join('');
  const rows = history.map(({ status, time }) =>
    JSON.stringify(instance === undefined ? { status, time } : { status, time, instance_id: instance }),
  );
  if (format === 'ndjson') return rows.map((row) => row + '\n').join('');
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((row) => '  ' + row).join(',\n')}\n]\n`;
}

function readFormat(format: string | undefined, json: boolean | undefined): Format {
  if (json && format !== undefined && format !== 'json') throw new UsageError(`--json contradicts --format ${format}`);
  const chosen = json ? 'json' : (format ?? 'ndjson');
  const known = FORMATS.find((f) => f === chosen);
  if (!known) throw new UsageError(`unknown --format "${chosen}"; expected one of ${FORMATS.join(', ')}`);
  return known;
}

function readSeed(text: string): number {
  const seed = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!isSeed(seed)) throw new UsageError(`--seed must be a whole number from 0 to ${MAX_SEED}, got "${text}"`);
  return seed;
}

function readSteps(text: string): number {
  const steps = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(steps <= MAX_STEPS))
    throw new UsageError(`--steps must be a whole number from 0 to ${MAX_STEPS}, got "${text}"`);
  return steps;
}

function readInterval(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms < 1) {
    throw new UsageError(`--poll-interval must be a duration like 500ms, 30s, 5m or 1h (at least 1ms), got "${text}"`);
  }
  return ms;
}

function readStart(text: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})T/.exec(text);
  if (!date || Number.isNaN(Date.parse(text))) {
    throw new UsageError(`--start must be an ISO 8601 time like ${DEFAULT_START}, got ${quoteInput(text)}`);
  }
  // Date.parse rolls a day past the month's end over into the next month (2026-02-30 is March 2): refuse it
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay) {
    throw new UsageError(
      `--start ${quoteInput(text)} is no date: ${date[1]}-${date[2]} ${month >= 1 && month <= 12 ? `has ${lastDay} days` : 'is no month'}`,
    );
  }
  return text;
}
