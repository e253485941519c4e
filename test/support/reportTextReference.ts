/**
 * The text report as it was first written, built as strings (pieces of lines joined): the reference the byte-level
 * text report (src/cli/formatFleetReport.ts) is checked against, byte for byte.
 */

import { painter } from '../../src/cli/command.js';
import type { ReportTextOptions } from '../../src/cli/formatFleetReport.js';
import { escapeControls } from '../../src/model/quoteInput.js';
import { hasSomethingToSay } from '../../src/validation/compactFleet.js';
import type { FleetReportStream, HistoryReport } from '../../src/validation/fleetValidator.js';

const HISTORIES_PER_CHUNK = 500;
/** A piece also ends after this many lines (histories with many findings): short-lived pieces keep memory low. */
const LINES_PER_CHUNK = 256;

/** The report as text, in pieces whose concatenation is the whole report, ending with a summary line. */
export function* referenceReportText(
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
