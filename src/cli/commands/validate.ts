/** `instance-lifecycle validate <service> [file|-]`: check observed status histories against a service's machine. */
import { createFleetValidator, type FleetReport } from '../../fleetValidator.js';
import { INPUT_FORMATS, isInputFormat, readObservations, type ObservationReader } from '../../input/index.js';
import { EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError, useColor, write, type CliIO, type Command } from '../command.js';
import { formatFleetReport } from '../formatFleetReport.js';

const MODES = ['strict', 'sampled'] as const;
/** Progress appears only after this long, so short runs never show it. */
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 250;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check observed status histories (one instance or a fleet log) against a machine',
  help: `Usage: instance-lifecycle validate <service> [file|-] [--mode strict|sampled] [--from-start] [--format F] [--json]

Check that the statuses observed for each instance form a legal path through the service's machine. Records with
instance ids are grouped per instance (in one streaming pass; interleaved instances are fine). Without a file, or
with -, standard input is read.

Options:
  --mode M      strict: every change of status must be one transition (default)
                sampled: for polled histories; a change may skip transitional statuses, which are reported as missed
  --from-start  the first observation must be the initial status (the full life)
  --format F    force the input format instead of detecting it:
${INPUT_FORMATS.map((f) => `                ${f.format}: ${f.description}`).join('\n')}
  --json        print { ok, summary, histories: [{ instance, ok, observations, violations, missed, notes }] }
  -h, --help    show this help

Exit codes: 0 every history is legal, 1 some history is not, 2 usage error or unreadable input.

Examples:
  instance-lifecycle validate kafka examples/kafka-restart.txt
  instance-lifecycle validate kafka examples/kafka-polled.json --mode sampled
  instance-lifecycle validate dcs - --json < fleet.ndjson`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      mode: { type: 'string', default: 'strict' },
      'from-start': { type: 'boolean' },
      format: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [service, file, extra] = positionals;
    if (service === undefined) throw new UsageError('missing <service>');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const mode = values.mode as string;
    if (mode !== 'strict' && mode !== 'sampled') throw new UsageError(`unknown --mode "${mode}"; expected one of ${MODES.join(', ')}`);
    const format = values.format;
    if (format !== undefined && !isInputFormat(format)) {
      throw new UsageError(`unknown --format "${format}"; expected one of ${INPUT_FORMATS.map((f) => f.format).join(', ')}`);
    }
    const source = file ?? '-';
    if (source === '-' && (io.stdin as { isTTY?: boolean }).isTTY) throw new UsageError('missing [file] (give a file, or pipe the history into standard input)');

    const fleet = createFleetValidator(service, { mode, fromStart: values['from-start'] ?? false });
    const reader = readObservations(source, { stdin: io.stdin, ...(format ? { format } : {}) });
    const progress = io.stderr.isTTY ? progressLine(io, reader, () => fleet) : undefined;
    try {
      for await (const batch of reader.batches()) {
        fleet.pushAll(batch);
        progress?.tick();
      }
    } finally {
      await progress?.clear();
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

/** A progress line on stderr (a TTY), shown only once reading takes longer than a second. */
function progressLine(io: CliIO, reader: ObservationReader, fleet: () => { observations: number; histories: number }) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(): void {
      const now = Date.now();
      if (now - started < PROGRESS_AFTER_MS || now - last < PROGRESS_EVERY_MS) return;
      last = now;
      shown = true;
      const { observations, histories } = fleet();
      const total = reader.totalBytes;
      const share = total ? ` ${Math.floor((100 * reader.bytesRead) / total)}%,` : '';
      io.stderr.write(`\r\u001b[K${reader.name}:${share} ${observations.toLocaleString('en')} observations, ${histories.toLocaleString('en')} instances`);
    },
    async clear(): Promise<void> {
      if (shown) await write(io.stderr, '\r\u001b[K');
    },
  };
}
