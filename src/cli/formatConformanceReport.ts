/**
 * The human-readable text of a fleet conformance report: fitness, violation groups, transitions never observed,
 * missed statuses, dwell times and operation durations as tables, stuck instances and drift, and a verdict line.
 */
import { formatDuration } from '../report/formatDuration.js';
import type { ConformanceReport, DurationStats, Evidence } from '../report/types.js';
import { painter } from './command.js';

/** Options of {@link formatConformanceReport}. */
export interface ConformanceTextOptions {
  /** Use ANSI colours. */
  color?: boolean;
  /** The most rows of each list (default 20; `--json` has them all). */
  maxRows?: number;
}

/**
 * The report as text, ending with a verdict line.
 *
 * @example formatConformanceReport(report, { color: false })
 */
export function formatConformanceReport(report: ConformanceReport, options: ConformanceTextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const max = options.maxRows ?? 20;
  const f = report.fitness;
  const pct = (share: number) => `${(100 * share).toFixed(share === 1 ? 0 : 2)}%`;
  const out: string[] = [];
  const files = report.inputs.map((i) => safe(i.file)).join(', ');
  out.push(paint.bold(`${files}: ${report.service}, ${report.mode} mode${report.fromStart ? ', from the start' : ''}`));
  out.push(
    `fitness: ${f.legalHistories}/${f.histories} histories legal (${pct(f.historyFitness)}), ${f.legalSteps}/${f.steps} steps legal (${pct(f.stepFitness)})`,
  );

  if (f.violations.length > 0) {
    out.push('', paint.bold(`violations by kind and status pair (${plural(f.violations.length, 'group')}):`));
    for (const v of f.violations.slice(0, max)) {
      out.push(
        `  ${paint.red(`${v.count}×`)} in ${plural(v.instances, 'instance')}  ${v.kind}  ${safe(pair(v.from, v.to))}  e.g. ${examples(v.examples)}`,
      );
    }
    more(out, f.violations.length, max);
    if (f.ungrouped > 0) out.push(`  … and ${f.ungrouped} violations of further groups (counted only)`);
  }

  const t = report.transitions;
  const taken = t.modelled.length - t.neverObserved.length;
  out.push('', paint.bold(`transitions: ${taken} of ${t.modelled.length} modelled status pairs taken`));
  if (t.neverObserved.length > 0)
    out.push(
      `  never observed: ${t.neverObserved.map((x) => `${pair(x.from, x.to)} (${x.events.join(', ')})`).join('; ')}`,
    );
  if (t.illegal.length > 0)
    out.push(`  judged illegal: ${t.illegal.map((x) => `${pair(x.from, x.to)} ${x.count}×`).join('; ')}`);
  // sampled mode, or the status an operation record led to that no poll showed
  if (report.mode === 'sampled' || t.missed.length > 0)
    out.push(
      `  missed between polls: ${t.missed.length === 0 ? 'none' : t.missed.map((m) => `${m.status} ${m.count}×`).join(', ')}`,
    );

  out.push('', paint.bold('dwell time per status (first observation to the first of another status):'));
  out.push(
    ...statsTable(
      'status',
      report.dwell.map((d) => [d.status, d]),
    ),
  );
  const operations = report.operations;
  if (operations.length > 0) {
    out.push('', paint.bold('operation durations (start status to the first status that is not transitional):'));
    out.push(
      ...statsTable(
        'operation',
        operations.map((o) => [o.operation, o]),
      ),
    );
    for (const o of operations) {
      if (o.outcomes.length === 0 && o.open === 0) continue;
      const ends = o.outcomes.map((x) => `${x.status} ${x.count}`).join(', ');
      out.push(`  ${o.operation}: ended in ${ends || 'nothing yet'}${o.open > 0 ? `; ${o.open} open` : ''}`);
    }
  }

  const s = report.stuck;
  const threshold = s.threshold === 'p99' ? "each status's p99" : formatDuration(s.threshold);
  out.push(
    '',
    paint.bold(`stuck instances (threshold ${threshold}): ${s.instances.length === 0 ? 'none' : s.instances.length}`),
  );
  for (const x of s.instances.slice(0, max)) {
    const where = x.line === undefined ? safe(x.file) : `${safe(x.file)}:${x.line}`;
    out.push(
      `  ${paint.yellow(safe(x.instance ?? '(no id)'))} ${x.status} for ${x.entered ? '' : '≥ '}${formatDuration(x.age)} (threshold ${formatDuration(x.threshold)}), since ${where}`,
    );
  }
  more(out, s.instances.length, max);
  if (s.unjudged.length > 0)
    out.push(
      `  not judged (no dwell time to compare with): ${s.unjudged.map((u) => `${u.status} ${u.instances}`).join(', ')}`,
    );

  const d = report.drift;
  out.push(
    '',
    paint.bold(
      `drift (violations in ${d.minInstances} or more instances): ${d.findings.length === 0 ? 'none' : d.findings.length}`,
    ),
  );
  for (const x of d.findings.slice(0, max)) {
    out.push(
      `  ${paint.red(safe(pair(x.from, x.to)))} ${x.kind}: ${x.count}× in ${plural(x.instances, 'instance')}; ${examples(x.evidence)}`,
    );
  }
  more(out, d.findings.length, max);

  const verdict = report.ok && s.instances.length === 0 ? paint.green('OK') : paint.red('FINDINGS');
  const sum = report.summary;
  out.push(
    '',
    `${verdict}: ${plural(sum.histories, 'history', 'histories')}, ${plural(sum.observations, 'observation')}; ${sum.illegal} illegal; ${plural(sum.violations, 'violation')}; ${s.instances.length} stuck; ${d.findings.length} drift`,
  );
  return out.join('\n') + '\n';
}

function statsTable(what: string, rows: readonly (readonly [string, DurationStats])[]): string[] {
  const head = [what, 'count', 'min', 'p50', 'p90', 'p99', 'max'];
  const body = rows.map(([label, s]) => [
    label,
    String(s.count),
    ...(s.count === 0 ? ['-', '-', '-', '-', '-'] : [s.min, s.p50, s.p90, s.p99, s.max].map(formatDuration)),
  ]);
  if (body.length === 0) return ['  (no durations: no change of status with readable times was seen)'];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)];
}

function pair(from: string | undefined, to: string): string {
  return from === undefined ? `(start) → ${to}` : `${from} → ${to}`;
}

function examples(list: readonly Evidence[]): string {
  return list
    .slice(0, 3)
    .map((e) => {
      const where = e.lines.length > 0 ? `${e.file}:${e.lines[0]}` : e.file;
      return safe(`${e.instance ?? '(no id)'} (${where})`);
    })
    .join(', ');
}

function more(out: string[], total: number, shown: number): void {
  if (total > shown) out.push(`  … and ${total - shown} more (--json lists all)`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Input text made safe for a terminal: control characters written as `\uXXXX`. */
function safe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to neutralise
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
