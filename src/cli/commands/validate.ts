/** `instance-lifecycle validate <service> [file|-]`: check observed status histories against a service's machine. */

import { INPUT_FORMATS, STDIN_NAME } from '../../input/index.js';
import { systemClock } from '../../time/clock.js';
import { type InputProgress, validateInput } from '../../validation/validateInput.js';
import { type Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError, useColor, write } from '../command.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';
import { formatFleetReport } from '../formatFleetReport.js';
import { HISTORY_OPTIONS, historyOptions } from '../historyOptions.js';
import { createProgressLine } from '../progressLine.js';
import { reportJsonChunks } from '../reportJson.js';

/** The `validate` command: reads the input in one streaming pass into a fleet validator, prints the report. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check observed status histories (one instance or a fleet log) against a machine',
  help: `Usage: instance-lifecycle validate <service> [file|-] [--mode strict|sampled] [--from-start] [--explain] [--format F] [--json]

Check that the statuses observed for each instance form a legal path through the service's machine. Records with
instance ids are grouped per instance (in one streaming pass; interleaved instances are fine). Without a file, or
with -, standard input is read.

Options:
  --mode M      strict: every change of status must be one transition (default)
                sampled: for polled histories; a change may skip transitional statuses, which are reported as missed
  --from-start  the first observation must be the initial status (the full life)
  --explain     list each legal change of status with the events that cause it
  --format F    force the input format instead of detecting it:
${INPUT_FORMATS.map((f) => `                ${f.format}: ${f.description}`).join('\n')}
  --json        print { ok, summary, histories: [{ instance, ok, observations, violations, missed, notes }] }
  -h, --help    show this help

Exit codes: 0 every history is legal, 1 some history is not, 2 usage error or unreadable input.

Examples:
  instance-lifecycle validate kafka examples/kafka-restart.txt
  instance-lifecycle validate kafka examples/kafka-polled.json --mode sampled --explain
  instance-lifecycle validate dcs - --json < fleet.ndjson`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      ...HISTORY_OPTIONS,
      explain: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const {
      service,
      rest: [file, extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const { mode, fromStart, format } = historyOptions(values);
    const source = file ?? '-';
    if (source === '-' && (io.stdin as { isTTY?: boolean }).isTTY)
      throw new UsageError('missing [file] (give a file, or pipe the history into standard input)');

    let progress: InputProgress = { observations: 0, histories: 0, bytesRead: 0, totalBytes: undefined };
    const line = createProgressLine(io.stderr, systemClock, () =>
      progressText(source === '-' ? STDIN_NAME : source, progress),
    );
    const report = await validateInput(service, source, {
      mode,
      fromStart,
      explain: values.explain ?? false,
      stdin: io.stdin,
      ...(format ? { format } : {}),
      onProgress(now) {
        progress = now;
        line.tick();
      },
    }).finally(() => line.clear());
    if (values.json) for (const chunk of reportJsonChunks(report)) await write(io.stdout, chunk);
    else await write(io.stdout, formatFleetReport(report, { file: report.file, color: useColor(io.stdout, io.env) }));
    return report.ok ? EXIT_OK : EXIT_FINDINGS;
  },
};

function progressText(name: string, progress: InputProgress): string {
  const share = progress.totalBytes ? ` ${Math.floor((100 * progress.bytesRead) / progress.totalBytes)}%,` : '';
  return `${name}:${share} ${progress.observations.toLocaleString('en')} observations, ${progress.histories.toLocaleString('en')} instances`;
}
