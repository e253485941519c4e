/** The report page as text: self-contained (no URL to fetch, no script), and input text is escaped. */
import { describe, expect, it } from 'vitest';
import { lifecycleModel, type Observation, statusGraph } from '../../src/index.js';
import { fleetReport, reportHtml } from '../../src/report/index.js';

describe('reportHtml', () => {
  it('escapes instance ids and unknown statuses, and loads nothing: no script, no URL but data:', async () => {
    const service = 'dcs';
    const graph = statusGraph(service);
    const from = lifecycleModel(service).initial;
    const to = graph.statuses.find((s) => s !== from && !graph.allowedStrict[graph.idOf(from)]!.includes(s))!;
    const hostile = '<img src=x onerror=alert(1)>';
    const log: Observation[] = [0, 1, 2].flatMap((k) => [
      { instance: `${hostile}${k}`, status: from, time: k, line: 3 * k + 1 },
      { instance: `${hostile}${k}`, status: to, time: k + 10, line: 3 * k + 2 },
      { instance: `${hostile}${k}`, status: '<script>alert(2)</script>', time: k + 20, line: 3 * k + 3 },
    ]);
    const html = await reportHtml(await fleetReport(service, log, { stuckAfter: 1 }));
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;0');
    expect(html).toContain('Content-Security-Policy" content="default-src &#39;none&#39;;');
    const urls = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    for (const url of urls) expect(url).toMatch(/^(data:|#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
  });
});
