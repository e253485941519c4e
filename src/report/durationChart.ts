/**
 * `durationCharts`: one small inline SVG chart per set of durations (a status's dwell times, an operation's
 * durations): the sketch's distribution as a histogram on a logarithmic time axis shared by all the charts, with
 * markers at p50, p90 and p99. Plain SVG, no script: it renders anywhere, offline.
 */

import { formatDuration } from './formatDuration.js';
import type { DurationStats } from './types.js';

const WIDTH = 440;
const HEIGHT = 78;
const LEFT = 8;
const RIGHT = 8;
const PLOT_TOP = 14;
const PLOT_BOTTOM = 56;
const COLUMNS = 60;
const MARKERS: [keyof DurationStats & ('p50' | 'p90' | 'p99'), string][] = [
  ['p50', '#1a73e8'],
  ['p90', '#c05a00'],
  ['p99', '#d00000'],
];
const TICKS = [1, 10, 100, 1000, 10_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000, 604_800_000];

/** One chart to draw: a label (for the title) and its durations. */
export interface ChartInput {
  label: string;
  stats: DurationStats;
}

/**
 * One `<svg>` per input with data (in order), on a shared axis. Labels are escaped.
 *
 * @example durationCharts(report.dwell.map((d) => ({ label: d.status, stats: d }))).length
 */
export function durationCharts(inputs: readonly ChartInput[]): string[] {
  const drawn = inputs.filter((i) => i.stats.count > 0);
  if (drawn.length === 0) return [];
  const positive = drawn.flatMap((i) => [i.stats.min, i.stats.max]).filter((v) => v > 0);
  const lo = Math.log10(Math.max(1, Math.min(...positive, 1000)) / 1.5);
  const hi = Math.log10(Math.max(...positive, 2000) * 1.5);
  const x = (value: number) =>
    LEFT + ((Math.log10(Math.max(value, 10 ** lo)) - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
  return drawn.map((input) => chart(input, x, lo, hi));
}

function chart(input: ChartInput, x: (value: number) => number, lo: number, hi: number): string {
  const { stats } = input;
  const gamma = (1 + stats.sketch.alpha) / (1 - stats.sketch.alpha);
  const columns = new Array<number>(COLUMNS).fill(0);
  const column = (value: number) =>
    Math.min(
      COLUMNS - 1,
      Math.max(0, Math.floor(((Math.log10(Math.max(value, 10 ** lo)) - lo) / (hi - lo)) * COLUMNS)),
    );
  columns[0]! += stats.sketch.zeros;
  for (const [index, count] of stats.sketch.bins) columns[column((2 * gamma ** index) / (gamma + 1))]! += count;
  const most = Math.max(...columns);
  const step = (WIDTH - LEFT - RIGHT) / COLUMNS;
  const bars = columns
    .map((count, i) => {
      if (count === 0) return '';
      const h = Math.max(1, ((PLOT_BOTTOM - PLOT_TOP) * count) / most);
      return `<rect x="${(LEFT + i * step).toFixed(1)}" y="${(PLOT_BOTTOM - h).toFixed(1)}" width="${(step - 1).toFixed(1)}" height="${h.toFixed(1)}"><title>${count}</title></rect>`;
    })
    .join('');
  const ticks = TICKS.filter((t) => Math.log10(t) >= lo && Math.log10(t) <= hi)
    .map(
      (t) =>
        `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM + 4}" class="tick"/>` +
        `<text x="${x(t).toFixed(1)}" y="${PLOT_BOTTOM + 15}" text-anchor="middle" class="tick-label">${formatDuration(t)}</text>`,
    )
    .join('');
  const markers = MARKERS.map(([key, colour]) => {
    const at = x(stats[key]).toFixed(1);
    return (
      `<line x1="${at}" x2="${at}" y1="${PLOT_TOP - 2}" y2="${PLOT_BOTTOM}" stroke="${colour}" stroke-width="2" class="marker ${key}"><title>${key} ${formatDuration(stats[key])}</title></line>` +
      `<text x="${at}" y="${PLOT_TOP - 4}" fill="${colour}" text-anchor="middle" class="marker-label">${key}</text>`
    );
  }).join('');
  const title = `${input.label}: ${stats.count} durations, p50 ${formatDuration(stats.p50)}, p90 ${formatDuration(stats.p90)}, p99 ${formatDuration(stats.p99)}`;
  return (
    `<svg class="duration-chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeXml(title)}</title>` +
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM}" class="axis"/>` +
    `<g class="bars">${bars}</g>${ticks}${markers}</svg>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
