/** `instance-lifecycle validate <service> [file|-]...`: check observed status histories against a service's machine. */
import { fstatSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
// direct modules, not the folders' indexes: validating a registered service loads neither xstate nor the machines
import { INPUT_FORMATS } from '../../input/format.js';
import { STDIN_NAME } from '../../input/observationReader.js';
import type { DuckDbReport } from '../../sql/duckdbEngine.js';
import { type InputProgress, type InputReportStream, validateInputStream } from '../../validation/validateInput.js';
import {
  type CliIO,
  type Command,
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  outputClosed,
  parseCommandArgs,
  UsageError,
  useColor,
  write,
} from '../command.js';
import {
  badRecordsSummary,
  formatBadRecord,
  formatBadRecords,
  formatFinding,
  formatFleetReport,
} from '../formatFleetReport.js';
import { DATA_HELP, DATA_OPTIONS, dataOptions, HISTORY_OPTIONS, historyOptions } from '../historyOptions.js';
import type { ProgressLine } from '../progressLine.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, validatedServiceArgument } from '../serviceArgument.js';

/** The `validate` command: reads each input in one streaming pass into a fleet validator, prints the report. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check observed status histories (one instance or a fleet log) against a machine',
  help: `Usage: instance-lifecycle validate ${SERVICE_USAGE} [file|-]... [--mode strict|sampled] [--from-start] [--explain] [--format F] [--json|--json-lines]

Check that the statuses observed for each instance form a legal path through the service's machine. Records with
instance ids are grouped per instance (in one streaming pass; interleaved instances are fine). Without a file, or
with -, standard input is read; several files are validated one after the other, each reported with its name.
Reading a pipe (a poller's live output), each finding is printed as soon as it is found.

Options:
  --mode M      strict: every change of status must be one transition (default)
                sampled: for polled histories; a change may skip transitional statuses, which are reported as missed
  --from-start  the first observation must be the initial status (the full life)
  --explain     list each legal change of status with the events that cause it
  --format F    force the input format instead of detecting it:
${INPUT_FORMATS.map((f) => `                ${f.format}: ${f.description}`).join('\n')}
${DATA_HELP}
  --json        print { ok, summary, histories: [{ instance, ok, observations, violations, missed, notes }],
                badRecords: { count, records } } (several files: { ok, reports: [...] })
  --json-lines  print each finding as an NDJSON event as soon as it is found ({"event":"violation"|"missed"|"note"|
                "bad-record", "file", "instance", ...}), then one {"event":"summary", ...} per file
  --engine E    validator: this program, streaming (default)
                duckdb: the same check as one SQL query in embedded DuckDB (see the sql command), for NDJSON,
                CSV or Parquet files larger than memory; it reports violations only (no missed statuses or
                spelling notes); --json gives { ok, summary, violations: [{ instance, index, from, to, kind, allowed }] }
  --workers N   threads reading an NDJSON file (default: the cores other processes leave free, for files of 32 MiB
                or more; one for smaller ones and for pipes); the report is the same whatever N
${MACHINE_HELP}
  -h, --help    show this help

Records without a usable status (missing, null, a number) are listed with their place and counted; the rest is
validated, and the exit code is 2.

Exit codes: 0 every history is legal, 1 some history is not, 2 usage error, unreadable input or bad records.

Examples:
  instance-lifecycle validate kafka examples/kafka-restart.txt
  instance-lifecycle validate kafka examples/kafka-polled.json --mode sampled --explain
  instance-lifecycle validate dcs - --json < fleet.ndjson
  instance-lifecycle validate kafka polls.json --records instances --absent-is-gone --mode sampled
  my-poller | instance-lifecycle validate dcs - --json-lines`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      ...HISTORY_OPTIONS,
      ...DATA_OPTIONS,
      explain: { type: 'boolean' },
      json: { type: 'boolean' },
      'json-lines': { type: 'boolean' },
      engine: { type: 'string', default: 'validator' },
      workers: { type: 'string' },
    });
    const workers = values.workers === undefined ? undefined : workerCount(values.workers);
    const { service, rest: files } = await validatedServiceArgument(values, positionals);
    const { mode, fromStart, format } = historyOptions(values);
    const data = dataOptions(values);
    if (values.engine === 'duckdb') {
      const [file, extra] = files;
      if (file === undefined || file === '-')
        throw new UsageError('--engine duckdb reads a file (NDJSON, CSV or Parquet), not standard input');
      if (extra !== undefined) throw new UsageError('--engine duckdb reads one file');
      if (values.explain || format || values['json-lines'] || Object.keys(data).length > 0)
        throw new UsageError(
          '--engine duckdb takes neither --explain, --format, --json-lines nor the options of your own data (the format comes from the extension)',
        );
      const { validateWithDuckDb } = await import('../../sql/duckdbEngine.js');
      const report = await validateWithDuckDb(service, file, { mode, fromStart });
      await write(
        io.stdout,
        values.json ? `${JSON.stringify({ ...report, engine: 'duckdb', file })}\n` : formatSqlReport(report, file),
      );
      return report.ok ? EXIT_OK : EXIT_FINDINGS;
    }
    if (values.engine !== 'validator')
      throw new UsageError(`unknown --engine "${values.engine}"; expected validator or duckdb`);
    if (values.json && values['json-lines']) throw new UsageError('give --json or --json-lines, not both');
    const sources = files.length === 0 ? ['-'] : files;
    if (sources.filter((s) => s === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    if (sources.includes('-') && (io.stdin as { isTTY?: boolean }).isTTY)
      throw new UsageError('missing [file] (give a file, or pipe the history into standard input)');

    const color = useColor(io.stdout, io.env);
    const jsonLines = values['json-lines'] ?? false;
    const event = (record: object) => io.stdout.write(JSON.stringify(record) + '\n');
    const reports: InputReportStream[] = [];
    for (const source of sources) {
      const name = source === '-' ? STDIN_NAME : source;
      const live = !values.json && !jsonLines && isLive(source, io.stdin);
      let progress: InputProgress = { observations: 0, histories: 0, bytesRead: 0, totalBytes: undefined };
      // the findings are the progress; off a terminal it would never draw (its modules not even loaded)
      const line =
        live || jsonLines || !io.stderr.isTTY
          ? SILENT_LINE
          : await progressLine(io.stderr, () => progressText(name, progress));
      const report = await validateInputStream(service, source, {
        mode,
        fromStart,
        explain: values.explain ?? false,
        stdin: io.stdin,
        ...(workers === undefined ? {} : { workers }),
        ...(format ? { format } : {}),
        ...data,
        ...(jsonLines
          ? {
              onFinding: ({ type, ...finding }) => event({ event: type, file: name, ...finding }),
              onBadRecord: (record) => event({ event: 'bad-record', ...record }),
            }
          : live
            ? {
                onFinding: (finding) => io.stdout.write(formatFinding(finding, name, color)),
                onBadRecord: (record) => io.stdout.write(formatBadRecord(record, color)),
              }
            : {}),
        onProgress(now) {
          progress = now;
          line.tick();
        },
      }).finally(() => line.clear());
      reports.push(report);
      if (jsonLines) {
        const { histories: _, badRecords, ...about } = report;
        event({ event: 'summary', ...about, badRecords: badRecords.count });
      } else if (!values.json) {
        // in pieces of bytes: a report on millions of instances is never one string
        for (const chunk of formatFleetReport(report, { file: report.file, color, findingsShown: live })) {
          if (outputClosed(io.stdout)) break;
          await write(io.stdout, chunk);
        }
        const bad = report.badRecords;
        await write(io.stdout, live ? badRecordsSummary(bad.count, color) : formatBadRecords(bad, color));
      }
    }
    if (values.json) {
      if (reports.length === 1) {
        const { reportJsonChunks } = await import('../reportJson.js');
        for (const chunk of reportJsonChunks(reports[0]!)) {
          if (outputClosed(io.stdout)) break;
          await write(io.stdout, chunk);
        }
      } else {
        const all = reports.map((r) => ({ ...r, histories: [...r.histories] }));
        await write(io.stdout, JSON.stringify({ ok: reports.every((r) => r.ok), reports: all }, null, 2) + '\n');
      }
    }
    if (reports.some((r) => r.badRecords.count > 0)) return EXIT_USAGE;
    return reports.every((r) => r.ok) ? EXIT_OK : EXIT_FINDINGS;
  },
};

/** A progress line that never draws. */
const SILENT_LINE: ProgressLine = { tick() {}, async clear() {} };

/** A progress line on a terminal's stderr, its module and the clock loaded only then. */
async function progressLine(stderr: CliIO['stderr'], text: () => string): Promise<ProgressLine> {
  const [{ createProgressLine }, { systemClock }] = await Promise.all([
    import('../progressLine.js'),
    import('../../time/clock.js'),
  ]);
  return createProgressLine(stderr, systemClock, text);
}

/** The value of `--workers`: a whole number of at least 1. */
function workerCount(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1)
    throw new UsageError(`--workers must be a whole number of at least 1, got "${text}"`);
  return count;
}

/**
 * True when the input is a pipe or another stream that may grow (not a regular file): findings are then printed as
 * they are found.
 */
function isLive(source: string, stdin: Readable): boolean {
  try {
    if (source !== '-') {
      const stats = statSync(source);
      return stats.isFIFO() || stats.isSocket() || stats.isCharacterDevice();
    }
    const fd = (stdin as { fd?: unknown }).fd;
    return typeof fd === 'number' ? !fstatSync(fd).isFile() : true;
  } catch {
    return false;
  }
}

function progressText(name: string, progress: InputProgress): string {
  const share = progress.totalBytes ? ` ${Math.floor((100 * progress.bytesRead) / progress.totalBytes)}%,` : '';
  return `${name}:${share} ${progress.observations.toLocaleString('en')} observations, ${progress.histories.toLocaleString('en')} instances`;
}

/** The text report of a DuckDB run: one line per violation, then the summary line. */
function formatSqlReport(report: DuckDbReport, file: string): string {
  const lines = [`${file}: ${report.service}, ${report.mode} mode, checked in DuckDB`];
  for (const v of report.violations) {
    // input text (an unknown status, an id) is quoted as JSON, so no control character reaches the terminal
    const to = v.kind === 'illegal-transition' || v.kind === 'not-initial' ? v.to : JSON.stringify(v.to);
    const step = v.from === undefined ? to : `${v.from} → ${to}`;
    const allowed = v.allowed.length > 0 ? `; allowed: ${v.allowed.join(', ')}` : '';
    lines.push(
      `  ✗ instance ${v.instance === null ? '(none)' : JSON.stringify(v.instance)} #${v.index}: ${step}: ${v.kind}${allowed}`,
    );
  }
  const { histories, observations, violations, illegal } = report.summary;
  lines.push(
    `${report.ok ? 'OK' : 'ILLEGAL'}: ${histories} histories, ${observations} observations; ${illegal} illegal; ${violations} violations`,
  );
  return lines.join('\n') + '\n';
}
