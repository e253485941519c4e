/**
 * The offline viewer in a real browser: Debian's chromium driven by playwright-core (never a downloaded browser).
 * The pages are written by the built CLI (`view`), opened from file://, and must make no network request at all.
 * Screenshots go to test-output/ (look at them). Without /usr/bin/chromium the suite is skipped locally, and fails
 * in CI (CI set).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { lifecycleModel, statusGraph, validateHistory } from '../../src/index.js';
import { legalHistory } from '../../src/testing/index.js';
import { cliBin, repoRoot } from '../support/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!haveChromium && !inCi) {
  console.warn(
    `viewer.browser.test: skipped, ${CHROMIUM} is missing (apt-get install -y chromium); with CI set this fails`,
  );
}

const root = repoRoot;
const bin = cliBin;
const outputDir = join(root, 'test-output');

/** A legal life of the service from its initial status, then a status that may not follow, then one more status. */
function historyWithIllegalStep(id: string): { statuses: string[]; illegalAt: number } {
  const graph = statusGraph(id);
  const [legal] = fc.sample(legalHistory(id, { fromStart: true, minLength: 3, maxLength: 5 }), {
    seed: 11,
    numRuns: 1,
  });
  const last = legal![legal!.length - 1]!;
  const allowed = new Set(graph.allowedStrict[graph.idOf(last)]);
  const illegal = graph.statuses.find((s) => s !== last && !allowed.has(s))!;
  return { statuses: [...legal!, illegal, illegal], illegalAt: legal!.length };
}

/** NDJSON lines with a time a minute apart and, when given, an instance id. */
function ndjson(statuses: readonly string[], instance?: string, startMinute = 0): string {
  return (
    statuses
      .map((status, i) => {
        const time = new Date(Date.UTC(2026, 0, 1, 0, startMinute + i)).toISOString();
        return JSON.stringify(instance === undefined ? { time, status } : { time, instance_id: instance, status });
      })
      .join('\n') + '\n'
  );
}

/** A page to generate: a history file, and the arguments of `view` after the service. */
interface PageSpec {
  service: string;
  history: string;
  args: string[];
}

/** A sampled change with missed statuses, found from the model: the first pair the sampled table explains by a path. */
function sampledChange(): { from: string; to: string; missed: string[] } {
  const graph = statusGraph('kafka');
  for (const from of graph.statuses) {
    for (const to of graph.statuses) {
      const [found] = validateHistory('kafka', [from, to], { mode: 'sampled' }).missed;
      if (found && found.missed.length > 0) return { from, to, missed: found.missed };
    }
  }
  throw new Error('kafka has no sampled change with missed statuses');
}

/** A fleet: two legal instances around one with an illegal step. */
function fleetLog(): string {
  const { statuses } = historyWithIllegalStep('kafka');
  const graph = statusGraph('kafka');
  const initial = graph.statuses[graph.initial]!;
  const next = lifecycleModel('kafka').transitions.find((t) => t.from === initial && t.kind === 'outcome')!.to;
  return ndjson([initial, next], 'good-1') + ndjson(statuses, 'bad-2', 10) + ndjson([initial], 'good-3', 30);
}

const pageSpecs = new Map<string, PageSpec>([
  ...services.map((s): [string, PageSpec] => [
    `illegal-${s.id}`,
    { service: s.id, history: ndjson(historyWithIllegalStep(s.id).statuses), args: [] },
  ]),
  ['fleet', { service: 'kafka', history: fleetLog(), args: ['--mode', 'sampled'] }],
  [
    'sampled',
    { service: 'kafka', history: ndjson([sampledChange().from, sampledChange().to]), args: ['--mode', 'sampled'] },
  ],
]);

/** Write the history and run the built CLI's `view` on it (in a child process, as users do). */
function generate(
  work: string,
  name: string,
  spec: PageSpec,
): Promise<{ out: string; status: number | null; stderr: string }> {
  const history = join(work, `${name}.ndjson`);
  const out = join(work, `${name}.html`);
  writeFileSync(history, spec.history);
  return new Promise((resolve) => {
    execFile('node', [bin, 'view', spec.service, history, '--out', out, ...spec.args], (error, _stdout, stderr) => {
      resolve({ out, status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
    });
  });
}

describe.skipIf(!haveChromium && !inCi)('the offline viewer in chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let work: string;
  const requests: string[] = [];
  const pages = new Map<string, { out: string; status: number | null; stderr: string }>();

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (see .ci/run)`);
    mkdirSync(outputDir, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'viewer-'));
    const launched = chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const generated = await Promise.all(
      [...pageSpecs].map(async ([name, spec]) => [name, await generate(work, name, spec)] as const),
    );
    for (const [name, page] of generated) pages.set(name, page);
    browser = await launched;
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.on('request', (request) => requests.push(request.url()));
  }, 60_000); // one CLI process per page (two per service), on a machine shared with other jobs

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function open(file: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(file).href);
    return { page, errors };
  }

  /** The index of the selected step in the list, and whether it is marked illegal. */
  async function selected(page: Page): Promise<{ index: number; illegal: boolean }> {
    const item = page.locator('#steps li.selected');
    await expect.poll(() => item.count()).toBe(1);
    return {
      index: Number(await item.getAttribute('data-index')),
      illegal: (await item.getAttribute('class'))!.includes('illegal'),
    };
  }

  it.each(services.map((s) => s.id))(
    '%s: draws every status, steps to the illegal step by keyboard and buttons, and marks it',
    async (id) => {
      const { statuses, illegalAt } = historyWithIllegalStep(id);
      const generated = pages.get(`illegal-${id}`)!;
      expect(generated).toMatchObject({ status: 1 });
      const { page, errors } = await open(generated.out);

      // every status of the model is drawn, with its name, at a visible size
      const model = lifecycleModel(id);
      // a status is a node, or a cluster drawn around its hidden sub-states; either way labelled with the status
      const drawn = await page
        .locator('#diagram svg g.state')
        .evaluateAll((groups) => groups.map((g) => g.querySelector('text')?.textContent ?? ''));
      expect(drawn.sort()).toEqual(model.states.map((s) => s.status).sort());
      for (const [index] of model.states.entries()) {
        const box = await page.locator(`#diagram [id="state-${index}"]`).boundingBox();
        expect(box!.width).toBeGreaterThan(10);
        expect(box!.height).toBeGreaterThan(10);
      }

      // the step list: one item per observation, with its time, the illegal one in red with the validator's message
      const message = validateHistory(id, statuses).violations[0]!.message;
      await expect.poll(() => page.locator('#steps li').count()).toBe(statuses.length);
      expect(await page.locator('#steps li').nth(1).locator('.time').textContent()).toBe('2026-01-01T00:01:00.000Z');
      expect(await page.locator('#steps li.illegal').first().getAttribute('data-index')).toBe(String(illegalAt));

      // keyboard: the first step is selected; → moves to the illegal step
      expect(await selected(page)).toEqual({ index: 0, illegal: false });
      for (let i = 0; i < illegalAt; i++) await page.keyboard.press('ArrowRight');
      expect(await selected(page)).toEqual({ index: illegalAt, illegal: true });
      expect(await page.locator('#current').textContent()).toContain(message);
      const bad = statusGraph(id).idOf(statuses[illegalAt]!);
      const node = page.locator(`#diagram [id="state-${bad}"]`);
      expect(await node.getAttribute('class')).toMatch(/\bcurrent\b.*\billegal\b/);
      const stroke = await node
        .locator('path')
        .first()
        .evaluate((el) => getComputedStyle(el).stroke);
      expect(stroke).toBe('rgb(208, 0, 0)');
      // readable however many statuses: the status labels are at least 8 pixels high, and the current status is
      // scrolled into the diagram's panel
      const label = await node.locator('text').first().boundingBox();
      expect(label!.height).toBeGreaterThanOrEqual(8);
      const panel = (await page.locator('#diagram').boundingBox())!;
      const shown = (await node.boundingBox())!;
      expect(shown.x).toBeGreaterThanOrEqual(panel.x - 1);
      expect(shown.y).toBeGreaterThanOrEqual(panel.y - 1);
      expect(shown.x + shown.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
      expect(shown.y + shown.height).toBeLessThanOrEqual(panel.y + panel.height + 1);
      await page.screenshot({ path: join(outputDir, `viewer-${id}-illegal.png`) });

      // Home, End, ← and the buttons
      await page.keyboard.press('End');
      expect((await selected(page)).index).toBe(statuses.length - 1);
      await page.keyboard.press('ArrowLeft');
      expect((await selected(page)).index).toBe(statuses.length - 2);
      await page.keyboard.press('Home');
      expect((await selected(page)).index).toBe(0);
      for (let i = 0; i < illegalAt; i++) await page.getByRole('button', { name: /Next ›/ }).click();
      expect(await selected(page)).toEqual({ index: illegalAt, illegal: true });
      await page.getByRole('button', { name: /First/ }).click();
      await page.getByRole('button', { name: 'Next problem' }).click();
      expect(await selected(page)).toEqual({ index: illegalAt, illegal: true });
      // the status before the illegal step is highlighted as current, not as illegal
      await page.getByRole('button', { name: /Prev/ }).click();
      const before = page.locator(`#diagram [id="state-${statusGraph(id).idOf(statuses[illegalAt - 1]!)}"]`);
      expect(await before.getAttribute('class')).toMatch(/\bcurrent\b/);
      expect(await before.getAttribute('class')).not.toMatch(/\billegal\b/);

      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('a fleet log gets an instance picker with the illegal instances first, and missed states in sampled mode', async () => {
    const generated = pages.get('fleet')!;
    expect(generated).toMatchObject({ status: 1 });
    const { page, errors } = await open(generated.out);
    const options = await page.locator('#instance-picker option').allTextContents();
    expect(options[0]).toMatch(/^✗ bad-2 \(\d+ problems?\)$/);
    expect(options.slice(1)).toEqual(['✓ good-1', '✓ good-3']);
    await page.selectOption('#instance-picker', { label: '✓ good-1' });
    await expect.poll(() => page.locator('#steps li').count()).toBe(2);
    expect(await page.locator('#summary').textContent()).toContain('good-1: 2 observations, legal (sampled mode)');
    await page.screenshot({ path: join(outputDir, 'viewer-fleet.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows missed statuses of a sampled history on the diagram', async () => {
    const { missed } = sampledChange();
    const graph = statusGraph('kafka');
    const generated = pages.get('sampled')!;
    expect(generated).toMatchObject({ status: 0 });
    const { page, errors } = await open(generated.out);
    await page.keyboard.press('End');
    expect(await page.locator('#steps li.selected .missed').textContent()).toBe(`missed: ${missed.join(', ')}`);
    for (const status of missed) {
      expect(await page.locator(`#diagram [id="state-${graph.idOf(status)}"]`).getAttribute('class')).toMatch(
        /\bmissed\b/,
      );
    }
    expect(await page.locator('#diagram g.transition.taken').count()).toBe(missed.length + 1);
    await page.screenshot({ path: join(outputDir, 'viewer-sampled.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('made no network request: the only URLs loaded are the pages themselves, from file://', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url).toMatch(/^file:\/\/.*\.html$/);
  });
});
