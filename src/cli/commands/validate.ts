/** `instance-lifecycle validate <service> [file|-]`: check observed status histories against a service's machine. */

import { INPUT_FORMATS, STDIN_NAME } from '../../input/index.js';
import { type DuckDbReport, validateWithDuckDb } from '../../sql/duckdbEngine.js';
import { systemClock } from '../../time/clock.js';
import { type InputProgress, validateInput } from '../../validation/validateInput.js';
import { type Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError, useColor, write } from '../command.js';
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
  --engine E    validator: this program, streaming (default)
                duckdb: the same check as one SQL query in embedded DuckDB (see the sql command), for NDJSON,
                CSV or Parquet files larger than memory; it reports violations only (no missed statuses or
                spelling notes); --json gives { ok, summary, violations: [{ instance, index, from, to, kind, allowed }] }
  -h, --help    show this help

Exit codes: 0 every history is legal, 1 some history is not, 2 usage error or unreadable input.

Examples:
  instance-lifecycle validate kafka examples/kafka-restart.txt
  instance-lifecycle validate kafka examples/kafka-polled.json --mode sampled --explain
  instance-lifecycle validate dcs - --json < fleet.ndjson`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...HISTORY_OPTIONS,
      explain: { type: 'boolean' },
      json: { type: 'boolean' },
      engine: { type: 'string', default: 'validator' },
    });
    const [service, file, extra] = positionals;
    if (service === undefined) throw new UsageError('missing <service>');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const { mode, fromStart, format } = historyOptions(values);
    if (values.engine === 'duckdb') {
      if (file === undefined || file === '-')
        throw new UsageError('--engine duckdb reads a file (NDJSON, CSV or Parquet), not standard input');
      if (values.explain || format)
        throw new UsageError(
          '--engine duckdb takes neither --explain nor --format (the format comes from the extension)',
        );
      const report = await validateWithDuckDb(service, file, { mode, fromStart });
      await write(
        io.stdout,
        values.json ? `${JSON.stringify({ ...report, engine: 'duckdb', file })}\n` : formatSqlReport(report, file),
      );
      return report.ok ? EXIT_OK : EXIT_FINDINGS;
    }
    if (values.engine !== 'validator')
      throw new UsageError(`unknown --engine "${values.engine}"; expected validator or duckdb`);
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
