/**
 * `reportHtml`: a fleet report as one self-contained HTML page, under the same rules as the viewer: everything
 * inline, nothing fetched (its Content Security Policy forbids every request, and it has no script), so it works
 * from `file://` and offline. It shows the machine's diagram drawn from the data (edges as thick as they are
 * frequent, with their counts; changes the model does not allow as extra red edges), the drift and stuck lists, the
 * violation groups, and a chart of the dwell times of each status and of the durations of each operation.
 */

import type { Service } from '../../machines/index.js';
import { inlineSvg, lifecycleSvg } from '../diagram/svg.js';
import { BadArgumentError, lifecycleModel } from '../model/index.js';
import { escapeHtml } from '../viewer/viewerHtml.js';
import { durationCharts } from './durationChart.js';
import { formatDuration } from './formatDuration.js';
import type { ConformanceReport, DurationStats, Evidence } from './types.js';

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** The most rows a table of the page shows (the JSON report has them all). */
export const MAX_ROWS = 200;

/**
 * The page for a report. `service` is the report's service (default: the registered one named by
 * `report.service`; pass the `Service` for one of your own).
 *
 * @example await writeFile('report.html', await reportHtml(await reportInputs('kafka', ['fleet.ndjson'])));
 */
export async function reportHtml(
  report: ConformanceReport,
  service: string | Service = report.service,
): Promise<string> {
  const model = lifecycleModel(service);
  if (model.service !== report.service)
    throw new BadArgumentError(`reportHtml: the report is about ${report.service}, not ${model.service}`);
  const pairCount = new Map(report.transitions.modelled.map((t) => [`${t.from}\u0000${t.to}`, t.count + t.inferred]));
  const svg = inlineSvg(
    await lifecycleSvg(service, {
      transitionCounts: model.transitions.map((t) => pairCount.get(`${t.from}\u0000${t.to}`) ?? 0),
      extraEdges: report.transitions.illegal,
    }),
  );
  const e = escapeHtml;
  const title = `${model.name} (${report.service}): fleet conformance report`;
  const f = report.fitness;
  const percent = (share: number) => `${(100 * share).toFixed(share === 1 ? 0 : 2)}%`;
  const summary = [
    `${report.summary.histories} instances, ${report.summary.observations} observations, ${report.mode} mode`,
    `legal histories ${f.legalHistories}/${f.histories} (${percent(f.historyFitness)})`,
    `legal steps ${f.legalSteps}/${f.steps} (${percent(f.stepFitness)})`,
    `${report.drift.findings.length} drift findings, ${report.stuck.instances.length} stuck instances`,
  ];
  const dwellCharts = durationCharts(report.dwell.map((d) => ({ label: d.status, stats: d })));
  const operations = report.operations.filter((o) => o.count > 0);
  const operationCharts = durationCharts(operations.map((o) => ({ label: o.operation, stats: o })));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p id="summary" class="${report.ok ? 'ok' : 'illegal'}">${summary.map(e).join(' · ')}</p>
<p class="inputs">${report.inputs.map((i) => e(`${i.file} (${i.format ?? 'empty'})`)).join(', ')}</p>
</header>
<main>
<section id="diagram" aria-label="state diagram drawn from the data">
<h2>Transitions taken</h2>
<p class="hint">Edges are as thick as they are frequent (×count: changes observed, plus those passed through missed statuses); red edges are changes the model does not allow.</p>
${svg}
</section>
<div id="lists">
<section id="drift" aria-label="drift">
<h2>Drift: violations in at least ${report.drift.minInstances} instances</h2>
${table(
  ['change', 'kind', 'times', 'instances', 'evidence'],
  report.drift.findings.map((d) => [
    e(pair(d.from, d.to)),
    e(d.kind),
    String(d.count),
    String(d.instances),
    evidence(d.evidence),
  ]),
  'No drift.',
)}
</section>
<section id="stuck" aria-label="stuck instances">
<h2>Stuck instances (threshold ${report.stuck.threshold === 'p99' ? "each status's p99" : e(formatDuration(report.stuck.threshold))})</h2>
${table(
  ['instance', 'status', 'for', 'threshold', 'since line'],
  report.stuck.instances.map((s) => [
    e(s.instance ?? '(no id)'),
    e(s.status),
    e(`${s.entered ? '' : '≥ '}${formatDuration(s.age)}`),
    e(formatDuration(s.threshold)),
    e(s.line === undefined ? s.file : `${s.file}:${s.line}`),
  ]),
  'No stuck instance.',
)}
${report.stuck.unjudged.length > 0 ? `<p class="hint">Not judged (no dwell time of the status to compare with): ${e(report.stuck.unjudged.map((u) => `${u.status} (${u.instances})`).join(', '))}</p>` : ''}
</section>
<section id="violations" aria-label="violations">
<h2>Violations by kind and status pair</h2>
${table(
  ['change', 'kind', 'times', 'instances', 'message', 'examples'],
  f.violations.map((v) => [
    e(pair(v.from, v.to)),
    e(v.kind),
    String(v.count),
    String(v.instances),
    e(v.message),
    evidence(v.examples),
  ]),
  'No violation: every history is legal.',
)}
${f.ungrouped > 0 ? `<p class="hint">${f.ungrouped} more violations in further groups (counted only).</p>` : ''}
</section>
</div>
<section id="dwell" aria-label="dwell times">
<h2>Dwell time per status</h2>
<p class="hint">From the first observation showing a status to the first showing another; a history's first status is left out (its start was not seen). Quantiles are within 1% (the sketch's relative error).</p>
${statsTable(
  'status',
  report.dwell.map((d) => [d.status, d]),
)}
<div class="charts">${dwellCharts.map((chart, i) => `<figure><figcaption>${e(report.dwell.filter((d) => d.count > 0)[i]!.status)}</figcaption>${chart}</figure>`).join('')}</div>
</section>
<section id="operations" aria-label="operation durations">
<h2>Operation durations</h2>
<p class="hint">From the status an operation starts in to the first status that is not transitional, where the history shows both.</p>
${statsTable(
  'operation',
  report.operations.map((o) => [
    `${o.operation} (${o.starts.join(', ')})${o.outcomes.length > 0 ? ` → ${o.outcomes.map((x) => `${x.status} ${x.count}`).join(', ')}` : ''}${o.open > 0 ? `; ${o.open} open` : ''}`,
    o,
  ]),
)}
<div class="charts">${operationCharts.map((chart, i) => `<figure><figcaption>${e(operations[i]!.operation)}</figcaption>${chart}</figure>`).join('')}</div>
</section>
<section id="coverage" aria-label="transitions never observed">
<h2>Modelled transitions never observed</h2>
${table(
  ['change', 'events'],
  report.transitions.neverObserved.map((t) => [e(pair(t.from, t.to)), e(t.events.join(', '))]),
  'Every modelled transition was observed.',
)}
${
  report.mode === 'sampled'
    ? `<h2>Statuses missed between polls</h2>${table(
        ['status', 'times'],
        report.transitions.missed.map((m) => [e(m.status), String(m.count)]),
        'None.',
      )}`
    : ''
}
</section>
</main>
</body>
</html>
`;
}

function pair(from: string | undefined, to: string): string {
  return from === undefined ? `(start) → ${to}` : `${from} → ${to}`;
}

function evidence(list: readonly Evidence[]): string {
  return list
    .map((x) => {
      const lines = x.lines.length > 0 ? `${x.file}:${x.lines.join(',')}` : x.file;
      return `<span class="evidence">${escapeHtml(x.instance ?? '(no id)')} <small>${escapeHtml(lines)}</small></span>`;
    })
    .join(' ');
}

function table(head: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const shown = rows.slice(0, MAX_ROWS);
  const more =
    rows.length > shown.length ? `<p class="hint">… and ${rows.length - shown.length} more (see --json).</p>` : '';
  return `<div class="scroll"><table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${shown
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>${more}`;
}

function statsTable(what: string, rows: readonly (readonly [string, DurationStats])[]): string {
  return table(
    [what, 'count', 'min', 'p50', 'p90', 'p99', 'max'],
    rows.map(([label, s]) => [
      escapeHtml(label),
      String(s.count),
      ...(s.count === 0 ? ['', '', '', '', ''] : [s.min, s.p50, s.p90, s.p99, s.max].map(formatDuration)),
    ]),
    'No data.',
  );
}

const STYLE = `
:root { font-family: system-ui, sans-serif; color: #1d1d1d; background: #fafafa; }
body { margin: 0; }
header { padding: 0.5rem 1rem; border-bottom: 1px solid #ddd; background: #fff; }
h1 { font-size: 1.2rem; margin: 0.2rem 0; }
h2 { font-size: 1rem; margin: 0.6rem 0 0.3rem; }
#summary { margin: 0.2rem 0; }
#summary.illegal { color: #b00020; font-weight: 600; }
#summary.ok { color: #2e7d32; font-weight: 600; }
.inputs, .hint, .empty { color: #555; font-size: 0.85rem; margin: 0.2rem 0; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr); gap: 1rem; padding: 1rem; align-items: start; }
section { background: #fff; border: 1px solid #ddd; padding: 0.5rem 0.8rem; }
#diagram svg { width: 100%; height: auto; max-height: 90vh; min-height: 32rem; display: block; }
#lists .scroll { max-height: 24rem; overflow: auto; }
#lists { display: flex; flex-direction: column; gap: 1rem; }
#dwell, #operations, #coverage { grid-column: 1 / -1; }
table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
th, td { text-align: left; padding: 0.2rem 0.4rem; border-bottom: 1px solid #eee; vertical-align: top; }
th { background: #f3f3f3; }
#drift td, #violations td:first-child { color: #b00020; }
.evidence { display: inline-block; margin-right: 0.5rem; }
.charts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin-top: 0.5rem; }
figure { margin: 0; }
figcaption { font-size: 0.85rem; font-weight: 600; }
.duration-chart .bars rect { fill: #9bbbd4; }
.duration-chart .axis, .duration-chart .tick { stroke: #888; }
.duration-chart text { font-size: 9px; fill: #444; }
.duration-chart .marker-label { font-weight: 600; }
`;
