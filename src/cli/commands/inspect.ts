/**
 * `instance-lifecycle inspect <service> [history | --simulate --seed N]`: replay a history through an actor of the
 * service's machine, watched by the Stately inspector, served from this machine (127.0.0.1 by default).
 */

import type { Service } from '../../../machines/index.js';
import { INPUT_FORMATS, type ReadOptions, readHistories } from '../../input/index.js';
import { escapeControls, type Observation, quoteInput } from '../../model/index.js';
import { simulate } from '../../simulation/index.js';
import {
  type CliIO,
  type Command,
  EXIT_FINDINGS,
  EXIT_OK,
  InputError,
  parseCommandArgs,
  UsageError,
  write,
} from '../command.js';
import { DATA_HELP, DATA_OPTIONS, HISTORY_OPTIONS, historyOptions } from '../historyOptions.js';
import { readOptions } from '../readOptions.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

const DEFAULT_PACE_MS = 500;
/** Exit code after Ctrl-C (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'replay a history through the machine, watched in the Stately inspector',
  help: `Usage: instance-lifecycle inspect ${SERVICE_USAGE} [history|-] [--simulate --seed N] [--instance ID] [--port N]
                                  [--host ADDRESS] [--no-open] [--no-wait] [--pace MS] [--mode strict|sampled] [--from-start]

Replay a history through a real xstate actor of the service's machine, one change of status at a time, sending
the events that explain each change (several when statuses were missed, in sampled mode). The actor is watched
by the Stately inspector (@statelyai/inspect): a local server at http://127.0.0.1:PORT shows the machine and the
replay step by step (the page embeds the inspector UI from stately.ai). The server listens on 127.0.0.1 only
unless --host says otherwise. The replay starts when the page connects,
and the server keeps serving until Ctrl-C. An illegal step stops the replay with the validator's message.

Options:
  --simulate     replay a simulated life instead of a history (see --seed)
  --seed N       seed of the simulation (default 0)
  --instance ID  the instance to replay, when the history holds several
  --port N       port of the inspector server (default: a free port)
  --host ADDR    address the server listens on (default 127.0.0.1; 0.0.0.0 exposes the replay to the network)
  --no-open      do not open the page in a browser
  --no-wait      replay at once, and exit when the replay ends (for scripts)
  --pace MS      milliseconds between changes of status (default ${DEFAULT_PACE_MS})
  --mode M       strict (default) or sampled, as in validate
  --from-start   the first observation must be the initial status
  --format F     force the history's format: ${INPUT_FORMATS.map((f) => f.format).join(', ')}
${DATA_HELP}
${MACHINE_HELP}
  -h, --help     show this help

Exit codes: 0 replayed, 1 stopped at an illegal step, 2 usage error or unreadable input.

Examples:
  instance-lifecycle inspect kafka examples/kafka-restart.txt
  instance-lifecycle inspect dcs --simulate --seed 7 --pace 1000 --port 8080 --no-open`,
  async run(args, io) {
    // Loaded here, not at start-up: the inspector's modules are only needed by this command.
    const { startInspectorSession } = await import('../../inspect/inspectorSession.js');
    const { replayHistory } = await import('../../inspect/replayHistory.js');
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      simulate: { type: 'boolean' },
      seed: { type: 'string' },
      instance: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'no-open': { type: 'boolean' },
      'no-wait': { type: 'boolean' },
      pace: { type: 'string' },
      ...HISTORY_OPTIONS,
      ...DATA_OPTIONS,
    });
    const {
      service: entry,
      rest: [file, extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const { mode, fromStart, format } = historyOptions(values);
    const port = values.port === undefined ? undefined : wholeNumber('--port', values.port, 1, 65535);
    const pace = values.pace === undefined ? DEFAULT_PACE_MS : wholeNumber('--pace', values.pace, 0, 3_600_000);
    if (values.simulate && file !== undefined) throw new UsageError('give either a history or --simulate, not both');
    if (!values.simulate && file === undefined) throw new UsageError('missing [history] (or --simulate --seed N)');
    if (values.seed !== undefined && !values.simulate) throw new UsageError('--seed needs --simulate');

    const { label, observations } = values.simulate
      ? simulated(entry, values.seed === undefined ? 0 : wholeNumber('--seed', values.seed, 0, 0xffff_ffff))
      : await historyToReplay(file!, io, values.instance, {
          ...(format ? { format } : {}),
          ...readOptions(values, entry),
        });

    if (values.host !== undefined && values.host.trim() === '') throw new UsageError('--host must not be empty');
    const session = await startInspectorSession({
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
      open: !values['no-open'],
    });
    const interrupt = new AbortController();
    const onSignal = () => interrupt.abort(new Error('interrupted'));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const shown = escapeControls(label);
      await write(io.stdout, `Stately inspector for ${entry.id}: ${session.url}\n`);
      if (!values['no-wait']) {
        await write(io.stdout, 'waiting for the inspector page to connect (open the address above; Ctrl-C to stop)\n');
        await session.viewerConnected(interrupt.signal);
      }
      await write(io.stdout, `replaying ${shown}: ${observations.length} observations, one change every ${pace} ms\n`);
      const result = await replayHistory(entry, observations, {
        mode,
        fromStart,
        pace,
        id: label,
        inspect: session.inspector.inspect,
        signal: interrupt.signal,
        onStep: (step) => {
          const events = step.events.length > 0 ? `  ${step.events.join(', ')}` : '';
          io.stdout.write(`${String(step.index + 1).padStart(5)}  ${step.status}${events}\n`);
        },
      });
      if (result.stoppedBy) {
        const where =
          result.stoppedBy.line === undefined
            ? `observation ${result.stoppedBy.index + 1}`
            : `line ${result.stoppedBy.line}`;
        await write(io.stderr, `instance-lifecycle inspect: replay stopped at ${where}: ${result.stoppedBy.message}\n`);
      } else {
        await write(io.stdout, `replay done: ${shown} is ${result.status ?? 'nowhere'}\n`);
      }
      if (!values['no-wait']) {
        await write(io.stdout, 'serving the inspector until Ctrl-C\n');
        await new Promise<void>((resolve) =>
          interrupt.signal.addEventListener('abort', () => resolve(), { once: true }),
        );
      }
      return result.ok ? EXIT_OK : EXIT_FINDINGS;
    } catch (error) {
      if (interrupt.signal.aborted) return EXIT_INTERRUPTED;
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await session.close();
    }
  },
};

/** A simulated life of the service, as observations. */
function simulated(service: Service, seed: number): { label: string; observations: Observation[] } {
  const simulation = simulate(service, { seed });
  return {
    label: `simulated-${seed}`,
    observations: simulation.observations.map(({ status, time }) => ({ status, time })),
  };
}

/** The one history of a file to replay: the only one, or the one `--instance` names. */
async function historyToReplay(
  file: string,
  io: CliIO,
  instance: string | undefined,
  options: ReadOptions,
): Promise<{ label: string; observations: Observation[] }> {
  const histories = await readHistories(file, { stdin: io.stdin, ...options });
  const ids = histories.map((h) => (h.instance === undefined ? '(no instance id)' : quoteInput(h.instance, 40)));
  if (instance !== undefined) {
    const found = histories.find((h) => h.instance === instance);
    if (!found)
      throw new InputError(
        `${file}: no instance ${quoteInput(instance)}; instances: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''}`,
      );
    return { label: instance, observations: found.observations };
  }
  if (histories.length > 1) {
    throw new UsageError(
      `${file} holds ${histories.length} instances; choose one with --instance (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''})`,
    );
  }
  const [only] = histories;
  return { label: only?.instance ?? 'instance', observations: only?.observations ?? [] };
}

/** A whole number option within bounds, or a usage error. */
function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
