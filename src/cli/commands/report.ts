/**
 * `instance-lifecycle report <service> [file...|-]`: the fleet conformance report, in the same single streaming
 * pass as `validate`: text, JSON, JUnit XML and/or an offline HTML page.
 */
import type { Service } from '../../../machines/index.js';
import { INPUT_FORMATS } from '../../input/format.js';
import { STDIN_NAME } from '../../input/observationReader.js';
import { loadBuiltInServices } from '../../model/builtInServices.js';
import { reportInputs } from '../../report/fleetReport.js';
import type { FleetReportOptions } from '../../report/fleetReporter.js';
import type { JunitBy } from '../../report/junit.js';
import { systemClock } from '../../time/clock.js';
import type { InputProgress } from '../../validation/validateInput.js';
import {
  type Command,
  EXIT_FINDINGS,
  EXIT_OK,
  InputError,
  parseCommandArgs,
  UsageError,
  useColor,
  write,
} from '../command.js';
import { parseDuration } from '../duration.js';
import { formatConformanceReport } from '../formatConformanceReport.js';
import { DATA_HELP, DATA_OPTIONS, dataOptions, HISTORY_OPTIONS, historyOptions } from '../historyOptions.js';
import { createProgressLine } from '../progressLine.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, validatedServiceArgument } from '../serviceArgument.js';

const JUNIT_BY: readonly JunitBy[] = ['instance', 'drift'];

/** The `report` command. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'fleet conformance report: fitness, transition counts, dwell times, stuck instances, drift',
  help: `Usage: instance-lifecycle report ${SERVICE_USAGE} [file|-]... [--mode strict|sampled] [--from-start]
                                   [--format F] [--json] [--junit OUT] [--junit-by instance|drift] [--html OUT]
                                   [--stuck-after DURATION] [--drift-min N]

How a fleet really moves through the service's machine, read in one streaming pass like validate (every input
format; several files are read one after the other, as one fleet; without a file, or with -, standard input):
  fitness      the share of legal histories and of legal steps; violations grouped by kind and status pair,
               with counts, instances and example lines
  transitions  how often each modelled status pair was taken, those never taken, statuses missed (sampled mode)
  dwell times  per status: count, min, p50, p90, p99, max (quantile sketch, within 1%), and the durations of
               operations (creation, and each operation event) from start status to the first stable status
  stuck        instances whose last status is transitional and older than --stuck-after (default: the
               status's p99), relative to the newest time in the input
  drift        violations seen in at least --drift-min instances, with the evidence

Options:
  --mode M                 strict (default) or sampled, as in validate
  --from-start             every history must start at the initial status
  --format F               force the input format: ${INPUT_FORMATS.map((f) => f.format).join(', ')}
  --json                   print the report as JSON (with each sketch, for simulate --durations-from)
  --junit OUT              write JUnit XML: a test case per instance, failing with the validator's messages
  --junit-by W             instance (default) or drift: a test case per drift finding
  --html OUT               write a self-contained HTML page (works offline): diagram drawn from the data,
                           dwell-time charts, stuck and drift lists
  --stuck-after DURATION   a fixed threshold for stuck instances (500ms, 30s, 5m, 2h)
  --drift-min N            instances a violation needs to count as drift (default 3)
${DATA_HELP}
${MACHINE_HELP}
  -h, --help               show this help

OUT may be - (standard output) for one of --junit and --html, without --json; files are written whole or not at
all. Exit codes: 0 every history legal and nothing stuck, 1 findings (an illegal history or a stuck instance),
2 usage error or unreadable input, a bad record included (nothing written).

Examples:
  instance-lifecycle report kafka examples/kafka-fleet.ndjson --mode sampled
  instance-lifecycle report kafka fleet-*.ndjson --junit conformance.xml --html conformance.html
  instance-lifecycle report dcs - --json < fleet.ndjson > report.json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      ...HISTORY_OPTIONS,
      ...DATA_OPTIONS,
      json: { type: 'boolean' },
      junit: { type: 'string' },
      'junit-by': { type: 'string' },
      html: { type: 'string' },
      'stuck-after': { type: 'string' },
      'drift-min': { type: 'string' },
    });
    // a registered service is read from its precompiled tables: its machine is loaded only for --html and
    // --absent-is-gone
    const { service, rest: files } = await validatedServiceArgument(values, positionals);
    const { mode, fromStart, format } = historyOptions(values);
    const { absentIsGone, ...data } = dataOptions(values);
    const junitBy = readJunitBy(values['junit-by'], values.junit);
    const outputs = readOutputs(values.junit, values.html, values.json ?? false);
    const sources = files.length === 0 ? ['-'] : files;
    if (sources.filter((s) => s === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    if (sources.includes('-') && (io.stdin as { isTTY?: boolean }).isTTY)
      throw new UsageError('missing [file] (give a file, or pipe the history into standard input)');
    const options: FleetReportOptions = {
      mode,
      fromStart,
      histories: values.junit !== undefined && junitBy === 'instance',
    };
    if (values['stuck-after'] !== undefined) options.stuckAfter = readStuckAfter(values['stuck-after']);
    if (values['drift-min'] !== undefined) options.driftMin = readDriftMin(values['drift-min']);

    let progress: InputProgress & { file: string } = {
      file: '',
      observations: 0,
      histories: 0,
      bytesRead: 0,
      totalBytes: undefined,
    };
    const line = createProgressLine(io.stderr, systemClock, () => progressText(progress));
    const report = await reportInputs(service, sources, {
      ...options,
      stdin: io.stdin,
      ...(format ? { format } : {}),
      ...data,
      ...(absentIsGone ? { absentIsGone: await goneStatusOf(service) } : {}),
      onProgress(now) {
        progress = now;
        line.tick();
      },
    }).finally(() => line.clear());

    if (values.junit !== undefined) {
      const { reportJunit } = await import('../../report/junit.js'); // loaded only when asked for
      await output(io, values.junit, reportJunit(report, { by: junitBy }), 'JUnit XML');
    }
    if (values.html !== undefined) {
      await loadBuiltInServices();
      const { reportHtml } = await import('../../report/reportHtml.js'); // Graphviz: loaded only when needed
      await output(io, values.html, await reportHtml(report, service), 'HTML page');
    }
    if (values.json) await write(io.stdout, JSON.stringify(report, null, 2) + '\n');
    else if (!outputs.stdoutTaken)
      await write(io.stdout, formatConformanceReport(report, { color: useColor(io.stdout, io.env) }));
    return report.ok && report.stuck.instances.length === 0 ? EXIT_OK : EXIT_FINDINGS;
  },
};

/** The final status of the service (`--absent-is-gone`), its machine loaded for it. */
async function goneStatusOf(service: string | Service): Promise<string> {
  await loadBuiltInServices();
  const { goneStatus } = await import('../../validation/goneStatus.js');
  return goneStatus(service);
}

async function output(io: Parameters<Command['run']>[1], out: string, content: string, what: string): Promise<void> {
  if (out === '-') {
    await write(io.stdout, content);
    return;
  }
  try {
    const { writeFileAtomic } = await import('../writeFileAtomic.js'); // loaded only when a file is written
    await writeFileAtomic(out, content);
  } catch (error) {
    throw new InputError(`${out}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  await write(io.stderr, `wrote ${out} (${what})\n`);
}

function readOutputs(junit: string | undefined, html: string | undefined, json: boolean): { stdoutTaken: boolean } {
  for (const [name, value] of [
    ['--junit', junit],
    ['--html', html],
  ] as const) {
    if (value === '') throw new UsageError(`${name} needs a file name (or - for standard output)`);
  }
  const toStdout = [junit, html].filter((v) => v === '-').length;
  if (toStdout > 1) throw new UsageError('only one of --junit and --html can write to standard output (-)');
  if (toStdout === 1 && json) throw new UsageError('--json prints to standard output: give --junit/--html a file');
  return { stdoutTaken: toStdout === 1 };
}

function readJunitBy(value: string | undefined, junit: string | undefined): JunitBy {
  if (value === undefined) return 'instance';
  const by = JUNIT_BY.find((b) => b === value);
  if (!by) throw new UsageError(`unknown --junit-by "${value}"; expected one of ${JUNIT_BY.join(', ')}`);
  if (junit === undefined) throw new UsageError('--junit-by needs --junit OUT');
  return by;
}

function readStuckAfter(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms < 1)
    throw new UsageError(`--stuck-after must be a duration like 30s, 5m or 2h (at least 1ms), got "${text}"`);
  return ms;
}

function readDriftMin(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--drift-min must be a whole number >= 1, got "${text}"`);
  return n;
}

function progressText(progress: InputProgress & { file: string }): string {
  const name = progress.file === '' ? STDIN_NAME : progress.file;
  const share = progress.totalBytes ? ` ${Math.floor((100 * progress.bytesRead) / progress.totalBytes)}%,` : '';
  return `${name}:${share} ${progress.observations.toLocaleString('en')} observations, ${progress.histories.toLocaleString('en')} instances`;
}
