/**
 * The human-readable text of a fleet report: a verdict per history, each problem with `file:line`, and a summary.
 * It comes in pieces of a few hundred histories (a report on millions of instances is never one string), and
 * every text from the input (instance ids, file names) has its control characters escaped: a crafted log cannot
 * move the cursor or print a fake summary.
 */

import { formatLocation } from '../input/inputError.js';
import { escapeControls } from '../model/quoteInput.js';
import { hasSomethingToSay } from '../validation/compactFleet.js';
import type { FleetReportStream, HistoryReport } from '../validation/fleetValidator.js';
import type { BadRecord, InputReport } from '../validation/validateInput.js';
import type { Finding } from '../validation/validator.js';
import { painter } from './command.js';

/** Options of {@link formatFleetReport}. */
export interface ReportTextOptions {
  /** The input's name, put before line numbers (`file:line`). */
  file: string;
  /** Use ANSI colours. */
  color?: boolean;
  /** List legal histories with nothing to say one per line only up to this many histories (default 20). */
  listLegalUpTo?: number;
  /** The violations, missed statuses and notes were printed as they were found (live): leave them out here. */
  findingsShown?: boolean;
}

const HISTORIES_PER_CHUNK = 500;
/** A piece also ends after this many lines (histories with many findings): short-lived pieces keep memory low. */
const LINES_PER_CHUNK = 256;

/**
 * The report as text, in pieces whose concatenation is the whole report, ending with a summary line.
 *
 * @example for (const chunk of formatFleetReport(report, { file: 'fleet.ndjson' })) await write(stdout, chunk);
 */
export function* formatFleetReport(
  report: FleetReportStream,
  options: ReportTextOptions,
): Generator<string, void, undefined> {
  const paint = painter(options.color ?? false);
  const listAll = report.summary.histories <= (options.listLegalUpTo ?? 20);
  const file = escapeControls(options.file);
  const where = (line: number | undefined) => (line === undefined ? file : `${file}:${line}`);
  let lines = [
    paint.bold(`${file}: ${report.service}, ${report.mode} mode${report.fromStart ? ', from the start' : ''}`),
  ];
  let quiet = 0;
  let inChunk = 0;
  // without listing every history, only those with something to say are needed (made alone when the report can)
  const listed = !listAll && report.eventful ? report.eventful : report.histories;
  let count = 0;
  for (const history of listed) {
    count++;
    if ((++inChunk > HISTORIES_PER_CHUNK || lines.length >= LINES_PER_CHUNK) && lines.length > 0) {
      yield lines.join('\n') + '\n';
      lines = [];
      inChunk = 0;
    }
    if (!hasSomethingToSay(history) && !listAll) {
      quiet++;
      continue;
    }
    lines.push(headline(history, paint));
    // every finding of the history, in input order
    const items: { index: number; text: string }[] = [];
    const shown = options.findingsShown ?? false;
    for (const v of shown ? [] : history.violations)
      items.push({ index: v.index, text: `${paint.red('✗')} ${where(v.line)}: ${escapeControls(v.message)}` });
    for (const step of history.steps ?? []) {
      const missed = step.missed.length > 0 ? `, missed ${step.missed.join(' → ')}` : '';
      items.push({
        index: step.index,
        text: `${paint.green('✓')} ${where(step.line)}: ${step.from} → ${step.to} by ${step.events.join(' then ')}${missed}`,
      });
    }
    if (!history.steps && !shown) {
      for (const m of history.missed)
        items.push({
          index: m.index,
          text: `${paint.yellow('~')} ${where(m.line)}: ${m.from} → ${m.to}: missed ${m.missed.join(' → ')}`,
        });
    }
    for (const n of shown ? [] : history.notes)
      items.push({ index: n.index, text: `${paint.dim('i')} ${where(n.line)}: ${escapeControls(n.message)}` });
    items.sort((a, b) => a.index - b.index);
    for (const item of items) lines.push(`    ${item.text}`);
    const omitted = history.omitted;
    if (omitted) {
      const parts = [
        [omitted.violations, 'violations'],
        [omitted.missed, 'steps with missed states'],
        [omitted.notes, 'notes'],
      ].filter(([count]) => (count as number) > 0);
      lines.push(`    … and ${parts.map(([count, what]) => `${count} more ${what}`).join(', ')} (counted, not kept)`);
    }
  }
  if (listed !== report.histories) quiet = report.summary.histories - count;
  if (quiet > 0)
    lines.push(
      `  ${quiet} more ${quiet === 1 ? 'history is' : 'histories are'} legal with nothing to note (--json lists every history)`,
    );
  lines.push(summaryLine(report, paint));
  yield lines.join('\n') + '\n';
}

function headline(history: HistoryReport, paint: ReturnType<typeof painter>): string {
  const name = history.instance === null ? 'history' : `instance ${escapeControls(history.instance)}`;
  const count = `${history.observations} observation${history.observations === 1 ? '' : 's'}`;
  const end = history.status === undefined ? '' : `, last ${history.status}`;
  if (history.ok) return `  ${paint.green('legal')}    ${name} (${count}${end})`;
  const problems = history.violations.length + (history.omitted?.violations ?? 0);
  return `  ${paint.red('ILLEGAL')}  ${name} (${count}${end}; ${problems} violation${problems === 1 ? '' : 's'})`;
}

function summaryLine(report: FleetReportStream, paint: ReturnType<typeof painter>): string {
  const s = report.summary;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `${plural(s.histories, 'history', 'histories')}, ${plural(s.observations, 'observation', 'observations')}`,
    `${s.histories - s.illegal} legal, ${s.illegal} illegal`,
    plural(s.violations, 'violation', 'violations'),
  ];
  if (report.mode === 'sampled') parts.push(plural(s.missed, 'step with missed states', 'steps with missed states'));
  if (s.notes > 0) parts.push(plural(s.notes, 'spelling note', 'spelling notes'));
  const verdict = report.ok ? paint.green('OK') : paint.red('ILLEGAL');
  return `${verdict}: ${parts.join('; ')}`;
}

/**
 * One finding as a line of live output (printed as soon as it is found): the symbol, `file:line`, the instance and
 * the message.
 *
 * @example formatFinding(finding, '<stdin>', false) // '  ✗ <stdin>:5: instance a: DELETED → RUNNING: ...'
 */
export function formatFinding(finding: Finding, file: string, color: boolean): string {
  const paint = painter(color);
  const shownFile = escapeControls(file);
  const where = finding.line === undefined ? shownFile : `${shownFile}:${finding.line}`;
  const who = finding.instance === undefined ? '' : `instance ${escapeControls(finding.instance)}: `;
  if (finding.type === 'violation') return `  ${paint.red('✗')} ${where}: ${who}${escapeControls(finding.message)}\n`;
  if (finding.type === 'missed')
    return `  ${paint.yellow('~')} ${where}: ${who}${finding.from} → ${finding.to}: missed ${finding.missed.join(' → ')}\n`;
  return `  ${paint.dim('i')} ${where}: ${who}${escapeControls(finding.message)}\n`;
}

/**
 * The bad records of a report (records without a usable status, skipped), one line each, and their count.
 *
 * @example formatBadRecords(report.badRecords, false)
 */
export function formatBadRecords(bad: InputReport['badRecords'], color: boolean): string {
  if (bad.count === 0) return '';
  const lines = bad.records.map((record) => formatBadRecord(record, color));
  if (bad.count > bad.records.length) lines.push(`  … and ${bad.count - bad.records.length} more bad records\n`);
  lines.push(badRecordsSummary(bad.count, color));
  return lines.join('');
}

/** The line that counts bad records (nothing when there are none). */
export function badRecordsSummary(count: number, color: boolean): string {
  if (count === 0) return '';
  const records = `${count} ${count === 1 ? 'record' : 'records'}`;
  return `${painter(color).red('BAD INPUT')}: ${records} without a usable status, skipped (the rest was validated)\n`;
}

/** One bad record as a line: `✗ file:line:column: bad record: what is wrong`. */
export function formatBadRecord(record: BadRecord, color: boolean): string {
  return `  ${painter(color).red('✗')} ${escapeControls(formatLocation(record))}: bad record: ${escapeControls(record.message)}\n`;
}
