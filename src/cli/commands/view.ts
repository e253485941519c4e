/** `instance-lifecycle view <service> [history] --out FILE.html`: write the offline viewer page. */
import { type History, INPUT_FORMATS, readHistories } from '../../input/index.js';
import { type Command, EXIT_FINDINGS, EXIT_OK, InputError, parseCommandArgs, UsageError, write } from '../command.js';
import { DATA_HELP, DATA_OPTIONS, HISTORY_OPTIONS, historyOptions, readOptions } from '../historyOptions.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';
import { writeFileAtomic } from '../writeFileAtomic.js';

export const viewCommand: Command = {
  name: 'view',
  summary: 'write a self-contained HTML page: the diagram, and a step-through of a history',
  help: `Usage: instance-lifecycle view ${SERVICE_USAGE} [history|-] --out FILE.html [--mode strict|sampled] [--from-start] [--format F]

Write one HTML file that works offline (from file://, no network access at all): the service's diagram and, when
a history is given, a step-through of it: the current status highlighted on the diagram, each step with its time
and the events that explain it, missed statuses (sampled mode), and illegal steps in red with the validator's
message. Keys: ← → (or ↑ ↓) step, Home and End jump. A fleet log (several instances) gets an instance picker,
instances with problems first. The file is written whole or not at all.

Options:
  --out FILE    the HTML file to write (required; - writes to standard output)
  --mode M      strict (default) or sampled, as in validate
  --from-start  the first observation must be the initial status
  --format F    force the history's format: ${INPUT_FORMATS.map((f) => f.format).join(', ')}
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
      ...SERVICE_OPTIONS,
      out: { type: 'string' },
      ...HISTORY_OPTIONS,
      ...DATA_OPTIONS,
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

    const histories: History[] =
      file === undefined
        ? []
        : await readHistories(file, {
            stdin: io.stdin,
            ...(format ? { format } : {}),
            ...readOptions(values, service),
          });
    const options = { mode, fromStart };
    // Loaded here, not at start-up: the page and the layout engine are only needed by this command.
    const { viewerData } = await import('../../viewer/viewerData.js');
    const { viewerPage } = await import('../../viewer/viewerHtml.js');
    const data = viewerData(service, histories, options);
    const html = await viewerPage(data, service);
    const instances = data.instances;
    const illegal = instances.filter((item) => !item.verdict.ok).length;
    if (out === '-') {
      await write(io.stdout, html);
    } else {
      try {
        await writeFileAtomic(out, html);
      } catch (error) {
        throw new InputError(
          `${out}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      const what =
        instances.length === 0
          ? 'the diagram'
          : `${instances.length} ${instances.length === 1 ? 'history' : 'histories'}, ${illegal} with problems`;
      await write(io.stderr, `wrote ${out} (${what})\n`);
    }
    return illegal > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
