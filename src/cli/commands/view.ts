/** `instance-lifecycle view <service> [history] --out FILE.html`: write the offline viewer page. */
import { INPUT_FORMATS } from '../../input/index.js';
import { escapeControls } from '../../model/index.js';
import { DEFAULT_MAX_INSTANCES, DEFAULT_MAX_OBSERVATIONS, selectHistories } from '../../viewer/selectHistories.js';
import {
  type Command,
  EXIT_FINDINGS,
  EXIT_OK,
  InputError,
  parseCommandArgs,
  systemErrorText,
  UsageError,
  write,
} from '../command.js';
import { DATA_HELP, DATA_OPTIONS, HISTORY_OPTIONS, historyOptions } from '../historyOptions.js';
import { readOptions } from '../readOptions.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';
import { NotAFileError, writeFileAtomic } from '../writeFileAtomic.js';

export const viewCommand: Command = {
  name: 'view',
  summary: 'write a self-contained HTML page: the diagram, and a step-through of a history',
  help: `Usage: instance-lifecycle view ${SERVICE_USAGE} [history|-] --out FILE.html [--mode strict|sampled] [--from-start] [--format F]

Write one HTML file that works offline (from file://, no network access at all): the service's diagram and, when
a history is given, a step-through of it: the current status highlighted on the diagram, each step with its time
and the events that explain it, missed statuses (sampled mode), and illegal steps in red with the validator's
message. Keys: ← → (or ↑ ↓) step, Home and End jump. A fleet log (several instances) gets an instance picker,
instances with problems first. A file is written whole or not at all (keeping its permissions; through a
symbolic link, to its target); a FIFO or a device such as /dev/stdout is written through.

Options:
  --out FILE    the HTML file to write (required; - writes to standard output)
  --mode M      strict (default) or sampled, as in validate
  --from-start  the first observation must be the initial status
  --format F    force the history's format: ${INPUT_FORMATS.map((f) => f.format).join(', ')}
  --instance ID show only this instance of a fleet log
  --max-instances N
                embed at most N instances (default ${DEFAULT_MAX_INSTANCES}; those with problems first) and at most
                ${DEFAULT_MAX_OBSERVATIONS.toLocaleString('en')} observations of each, so the page stays small
                whatever the input; the page says what it leaves out
${DATA_HELP}
${MACHINE_HELP}
  -h, --help    show this help

Exit codes: 0 written (every history legal), 1 written (some history is not), 2 usage error or unreadable input
(nothing written).

Examples:
  instance-lifecycle view kafka --out kafka.html
  instance-lifecycle view kafka examples/kafka-fleet.ndjson --out fleet.html --mode sampled`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      instance: { type: 'string' },
      'max-instances': { type: 'string' },
      ...HISTORY_OPTIONS,
      ...DATA_OPTIONS,
      ...SERVICE_OPTIONS,
    });
    const {
      service,
      rest: [file, extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const out = values.out;
    if (out === undefined || out === '') throw new UsageError('missing --out FILE.html');
    const { mode, fromStart, format } = historyOptions(values);
    if (file === '-' && out === '-')
      throw new UsageError('standard input and standard output cannot both be used: give --out a file');

    const selected =
      file === undefined
        ? undefined
        : await selectHistories(service, file, {
            stdin: io.stdin,
            mode,
            fromStart,
            ...(format ? { format } : {}),
            ...readOptions(values, service),
            ...(values.instance === undefined ? {} : { instance: values.instance }),
            ...(values['max-instances'] === undefined
              ? {}
              : { maxInstances: positiveWhole(values['max-instances'], '--max-instances') }),
          });
    const histories = selected?.histories ?? [];
    const options = { mode, fromStart, ...(selected ? { omitted: selected.omitted } : {}) };
    // Loaded here, not at start-up: the page and the layout engine are only needed by this command.
    const { viewerData } = await import('../../viewer/viewerData.js');
    const { viewerPage } = await import('../../viewer/viewerHtml.js');
    const data = viewerData(service, histories, options);
    const html = await viewerPage(data, service);
    const instances = data.instances;
    const illegal = selected?.illegal ?? 0;
    if (out === '-') {
      await write(io.stdout, html);
    } else {
      try {
        await writeFileAtomic(out, html);
      } catch (error) {
        if (error instanceof NotAFileError) throw new UsageError(`--out ${error.message}`);
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(
          `${out}: cannot write: ${typeof code === 'string' ? systemErrorText(code) : (error as Error).message}`,
        );
      }
      const shown = selected && selected.omitted.instances > 0 ? ` (${instances.length} shown)` : '';
      const total = selected?.instances ?? 0;
      const what =
        selected === undefined
          ? 'the diagram'
          : `${total} ${total === 1 ? 'history' : 'histories'}${shown}, ${illegal} with problems`;
      await write(io.stderr, `wrote ${escapeControls(out)} (${what})\n`);
    }
    return illegal > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

function positiveWhole(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`${option} takes a whole number >= 1, got "${text}"`);
  return value;
}
