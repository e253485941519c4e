/** `instance-lifecycle validate <service> [file|-]`: check observed status histories against a service's machine. */
import { createFleetValidator, type FleetReport } from '../../fleetValidator.js';
import { INPUT_FORMATS, readObservations, type ObservationReader } from '../../input/index.js';
import { systemClock } from '../../clock.js';
import { EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError, useColor, write, type Command } from '../command.js';
import { formatFleetReport } from '../formatFleetReport.js';
import { historyOptions, HISTORY_OPTIONS } from '../historyOptions.js';
import { createProgressLine } from '../progressLine.js';


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
    const { values, positionals } = parseCommandArgs(args, { ...HISTORY_OPTIONS, explain: { type: 'boolean' }, json: { type: 'boolean' } });
    const [service, file, extra] = positionals;
    if (service === undefined) throw new UsageError('missing <service>');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const { mode, fromStart, format } = historyOptions(values);
    const source = file ?? '-';
    if (source === '-' && (io.stdin as { isTTY?: boolean }).isTTY) throw new UsageError('missing [file] (give a file, or pipe the history into standard input)');

    const fleet = createFleetValidator(service, { mode, fromStart, explain: values.explain ?? false });
    const reader = readObservations(source, { stdin: io.stdin, ...(format ? { format } : {}) });
    const progress = createProgressLine(io.stderr, systemClock, () => {
      const share = reader.totalBytes ? ` ${Math.floor((100 * reader.bytesRead) / reader.totalBytes)}%,` : '';
      return `${reader.name}:${share} ${fleet.observations.toLocaleString('en')} observations, ${fleet.histories.toLocaleString('en')} instances`;
    });
    try {
      for await (const batch of reader.batches()) {
        fleet.pushAll(batch);
        progress.tick();
      }
    } finally {
      await progress.clear();
    }
    const report = fleet.report();
    await write(io.stdout, values.json ? toJson(report, reader) : formatFleetReport(report, { file: reader.name, color: useColor(io.stdout, io.env) }));
    return report.ok ? EXIT_OK : EXIT_FINDINGS;
  },
};

function toJson(report: FleetReport, reader: ObservationReader): string {
  const { ok, summary, histories, ...about } = report;
  return JSON.stringify({ ok, summary, histories, ...about, file: reader.name, format: reader.format }, null, 2) + '\n';
}
