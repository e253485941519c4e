/**
 * The report's HTML page in a real browser (Debian's chromium via playwright-core, as the viewer's test): written by
 * the built CLI (`report --html`), opened from file://, it makes no request at all, draws the diagram from the data
 * (edge widths by count, illegal changes as extra red edges), a dwell-time chart per status, and the stuck and drift
 * lists. A screenshot goes to test-output/report.png (look at it). Skipped without /usr/bin/chromium, except in CI.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleModel, simulate, statusesTagged, statusGraph } from '../../src/index.js';
import type { ConformanceReport } from '../../src/report/index.js';
import { cliBin, repoRoot } from '../support/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!haveChromium && !inCi) console.warn(`reportHtml.browser.test: skipped, ${CHROMIUM} is missing`);

const service = 'kafka';
const outputDir = join(repoRoot, 'test-output');

/** A simulated fleet, plus an illegal change in four instances (drift) and one instance left in a transitional status. */
function fleetLog(): string {
  const rows: object[] = [];
  for (let k = 0; k < 60; k++) {
    for (const o of simulate(service, { seed: k, steps: 12, pollInterval: 60_000, avoidFinal: true }).polled!)
      rows.push({ ...o, instance_id: `sim-${k}` });
  }
  const graph = statusGraph(service);
  const from = lifecycleModel(service).initial;
  const to = graph.statuses.find((s) => s !== from && !graph.allowedSampled[graph.idOf(from)]!.includes(s))!;
  for (let k = 0; k < 4; k++) {
    rows.push({ instance_id: `drift-${k}`, status: from, time: '2026-01-01T00:00:00Z' });
    rows.push({ instance_id: `drift-${k}`, status: to, time: '2026-01-01T00:05:00Z' });
  }
  const transitional = [...statusesTagged(lifecycleModel(service), 'transitional')];
  rows.push({ instance_id: 'stuck-1', status: transitional[0], time: '2026-01-01T00:00:00Z' });
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [cliBin, ...args], { maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!haveChromium && !inCi)('the report page in chromium', () => {
  let browser: Browser;
  let work: string;
  let page: string;
  let report: ConformanceReport;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (see .ci/run)`);
    mkdirSync(outputDir, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'report-html-'));
    const log = join(work, 'fleet.ndjson');
    writeFileSync(log, fleetLog());
    page = join(work, 'report.html');
    const [written, json] = await Promise.all([
      run(['report', service, log, '--mode', 'sampled', '--html', page, '--stuck-after', '2h']),
      run(['report', service, log, '--mode', 'sampled', '--json', '--stuck-after', '2h']),
    ]);
    expect(written.code, written.stderr).toBe(1);
    report = JSON.parse(json.stdout) as ConformanceReport;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('draws the data: edge widths by count, illegal changes in red, a chart per status, stuck and drift lists', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await tab.goto(pathToFileURL(page).href);

    const model = lifecycleModel(service);
    // a status is a node, or a cluster drawn around its hidden sub-states; either way labelled with the status
    const states = await tab
      .locator('#diagram svg g.state')
      .evaluateAll((groups) => groups.map((g) => g.querySelector('text')?.textContent ?? ''));
    expect(states.sort()).toEqual(model.states.map((s) => s.status).sort());
    // every transition is drawn with its count, and more frequent ones are drawn thicker
    const widths = new Map<string, number>();
    for (const [index, t] of model.transitions.entries()) {
      const edge = tab.locator(`#diagram [id="transition-${index}"]`);
      const pair = report.transitions.modelled.find((m) => m.from === t.from && m.to === t.to)!;
      expect(await edge.locator('text').first().textContent()).toBe(`${t.event} ×${pair.count + pair.inferred}`);
      widths.set(
        `${pair.count + pair.inferred}`,
        Number(await edge.locator('path').first().getAttribute('stroke-width')),
      );
    }
    const byCount = [...widths].map(([count, width]) => [Number(count), width] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byCount.length; i++) expect(byCount[i]![1]).toBeGreaterThan(byCount[i - 1]![1]);
    // the illegal change of the drifting instances: an extra red edge
    expect(report.transitions.illegal.length).toBeGreaterThan(0);
    const extra = tab.locator('#diagram g.extra');
    expect(await extra.count()).toBe(report.transitions.illegal.length);
    expect(
      await extra
        .first()
        .locator('path')
        .evaluate((el) => getComputedStyle(el).stroke),
    ).toBe('rgb(208, 0, 0)');
    expect(await extra.first().locator('text').textContent()).toBe(`illegal ×${report.transitions.illegal[0]!.count}`);

    // one dwell-time chart per status with data, each with its three quantile markers
    const charts = tab.locator('#dwell svg.duration-chart');
    expect(await charts.count()).toBe(report.dwell.length);
    expect(await charts.first().locator('line.marker').count()).toBe(3);
    expect(await tab.locator('#dwell figcaption').allTextContents()).toEqual(report.dwell.map((d) => d.status));
    const box = await charts.first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);

    // the lists
    expect(await tab.locator('#drift tbody tr').count()).toBe(report.drift.findings.length);
    expect(report.drift.findings[0]!.instances).toBe(4);
    expect(await tab.locator('#drift tbody tr').first().textContent()).toContain('drift-0');
    const stuck = await tab.locator('#stuck tbody tr').allTextContents();
    expect(stuck.length).toBe(report.stuck.instances.length);
    expect(stuck.some((row) => row.includes('stuck-1'))).toBe(true);

    await tab.screenshot({ path: join(outputDir, 'report.png'), fullPage: true });
    await tab.locator('#diagram').screenshot({ path: join(outputDir, 'report-diagram.png') });
    expect(errors).toEqual([]);
    for (const url of requests) expect(url).toMatch(/^file:\/\/.*\.html$/);
    await context.close();
  });
});
