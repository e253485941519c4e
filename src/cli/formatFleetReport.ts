/**
 * The human-readable text of a fleet report: a verdict per history, each problem with `file:line`, and a summary.
 * It comes as UTF-8 bytes in pieces of a few tens of kilobytes (a report on millions of instances is never one
 * string), written straight into buffers (a line makes no string of its own: see {@link TextBytes}), and every text
 * from the input (instance ids, file names) has its control characters escaped: a crafted log cannot move the
 * cursor or print a fake summary.
 */

import { formatLocation } from '../input/inputError.js';
import { escapeControls } from '../model/quoteInput.js';
import { hasSomethingToSay } from '../validation/compactFleet.js';
import type { FleetReportStream, HistoryReport } from '../validation/fleetValidator.js';
import type { BadRecord, InputReport } from '../validation/validateInput.js';
import type { Finding } from '../validation/validator.js';
import { painter } from './command.js';
import { TextBytes } from './textBytes.js';

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

/** A piece ends at the first line end after this many bytes. */
export const REPORT_PIECE_BYTES = 1 << 15;

/**
 * The report as UTF-8 text, in pieces (each ending with a line) whose concatenation is the whole report, ending
 * with a summary line.
 *
 * @example for (const piece of formatFleetReport(report, { file: 'fleet.ndjson' })) await write(stdout, piece);
 */
export function* formatFleetReport(
  report: FleetReportStream,
  options: ReportTextOptions,
): Generator<Uint8Array, void, undefined> {
  const paint = painter(options.color ?? false);
  const listAll = report.summary.histories <= (options.listLegalUpTo ?? 20);
  const file = escapeControls(options.file);
  const shown = options.findingsShown ?? false;
  const symbol = {
    violation: `${paint.red('✗')} `,
    step: `${paint.green('✓')} `,
    missed: `${paint.yellow('~')} `,
    note: `${paint.dim('i')} `,
  };
  const out = new TextBytes();
  const where = (line: number | undefined) => {
    out.text(file);
    if (line !== undefined) out.text(':').number(line);
    out.text(': ');
  };
  out.text(paint.bold(`${file}: ${report.service}, ${report.mode} mode${report.fromStart ? ', from the start' : ''}`));
  out.text('\n');
  let quiet = 0;
  // without listing every history, only those with something to say are needed (made alone when the report can)
  const listed = !listAll && report.eventful ? report.eventful : report.histories;
  let count = 0;
  for (const history of listed) {
    count++;
    if (!hasSomethingToSay(history) && !listAll) {
      quiet++;
      continue;
    }
    headline(out, history, paint);
    // every finding of the history, in input order: the lists' items by index (a stable sort keeps the lists' order)
    const violations = shown ? [] : history.violations;
    const steps = history.steps ?? [];
    const missed = history.steps || shown ? [] : history.missed;
    const notes = shown ? [] : history.notes;
    const lists = [violations, steps, missed, notes] as const;
    const order = findingOrder(lists);
    for (let i = 0; i < order.length; i++) {
      const list = order[i]! % 4;
      const item = (order[i]! - list) / 4;
      out.text('    ');
      if (list === 0) {
        const v = violations[item]!;
        out.text(symbol.violation);
        where(v.line);
        out.text(escapeControls(v.message));
      } else if (list === 1) {
        const step = steps[item]!;
        out.text(symbol.step);
        where(step.line);
        out.text(`${step.from} → ${step.to} by ${step.events.join(' then ')}`);
        if (step.missed.length > 0) out.text(`, missed ${step.missed.join(' → ')}`);
      } else if (list === 2) {
        const m = missed[item]!;
        out.text(symbol.missed);
        where(m.line);
        out.text(m.from).text(' → ').text(m.to).text(': missed ').text(m.missed.join(' → '));
      } else {
        const n = notes[item]!;
        out.text(symbol.note);
        where(n.line);
        out.text(escapeControls(n.message));
      }
      out.text('\n');
      if (out.length >= REPORT_PIECE_BYTES) yield out.take();
    }
    const omitted = history.omitted;
    if (omitted) {
      const parts = [
        [omitted.violations, 'violations'],
        [omitted.missed, 'steps with missed states'],
        [omitted.notes, 'notes'],
      ].filter(([count]) => (count as number) > 0);
      out.text(`    … and ${parts.map(([count, what]) => `${count} more ${what}`).join(', ')} (counted, not kept)\n`);
    }
    if (out.length >= REPORT_PIECE_BYTES) yield out.take();
  }
  if (listed !== report.histories) quiet = report.summary.histories - count;
  if (quiet > 0)
    out.text(
      `  ${quiet} more ${quiet === 1 ? 'history is' : 'histories are'} legal with nothing to note (--json lists every history)\n`,
    );
  out.text(summaryLine(report, paint)).text('\n');
  yield out.take();
}

/**
 * The findings of the lists (violations, steps, missed, notes), each as `position * 4 + list`, ordered by their
 * index; findings with the same index keep the lists' order (the sort is stable).
 */
function findingOrder(lists: readonly (readonly { index: number }[])[]): number[] {
  const order: number[] = [];
  let sorted = true;
  let last = -Infinity;
  for (let list = 0; list < lists.length; list++)
    for (let i = 0; i < lists[list]!.length; i++) {
      const index = lists[list]![i]!.index;
      if (index < last) sorted = false;
      last = index;
      order.push(i * 4 + list);
    }
  const indexOf = (finding: number) => lists[finding % 4]![Math.floor(finding / 4)]!.index;
  if (!sorted) order.sort((a, b) => indexOf(a) - indexOf(b));
  return order;
}

function headline(out: TextBytes, history: HistoryReport, paint: ReturnType<typeof painter>): void {
  out.text('  ');
  out.text(history.ok ? `${paint.green('legal')}    ` : `${paint.red('ILLEGAL')}  `);
  if (history.instance === null) out.text('history');
  else out.text('instance ').text(escapeControls(history.instance));
  out
    .text(' (')
    .number(history.observations)
    .text(history.observations === 1 ? ' observation' : ' observations');
  if (history.status !== undefined) out.text(', last ').text(history.status);
  if (!history.ok) {
    const problems = history.violations.length + (history.omitted?.violations ?? 0);
    out
      .text('; ')
      .number(problems)
      .text(problems === 1 ? ' violation' : ' violations');
  }
  out.text(')\n');
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
