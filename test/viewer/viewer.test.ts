import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { lifecycleModel } from '../../src/index.js';
import { type ViewerData, viewerData, viewerHtml } from '../../src/viewer/index.js';
import { jsonForScript } from '../../src/viewer/viewerHtml.js';

/** The JSON the page embeds, read back the way the page's script reads it. */
function embeddedData(html: string): ViewerData {
  const match = /<script type="application\/json" id="viewer-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as ViewerData;
}

describe('jsonForScript', () => {
  it('never lets a value close the script element or open a comment, and parses back to the value', () => {
    const nasty = fc.constantFrom(
      '</script>',
      '</SCRIPT >',
      '<!--',
      '-->',
      '<script>',
      '\u2028',
      '\u2029',
      '&amp;',
      '>',
    );
    const text = fc.array(fc.oneof(fc.string(), nasty), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.jsonValue(), fc.dictionary(text, text)), (value) => {
        const json = jsonForScript(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('viewerData', () => {
  it('puts histories with violations first and otherwise keeps the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 8 }), (legal) => {
        const histories = legal.map((ok, i) => ({
          instance: `i${i}`,
          observations: (ok ? ['RUNNING', 'RESTARTING'] : ['RUNNING', 'DELETED']).map((status) => ({ status })),
        }));
        const order = viewerData('kafka', histories).instances.map((item) => item.instance);
        const expected = [...histories.filter((_, i) => !legal[i]), ...histories.filter((_, i) => legal[i])].map(
          (h) => h.instance,
        );
        expect(order).toEqual(expected);
      }),
    );
  });

  it('carries the verdict with explanations, in the mode asked for', () => {
    const [item] = viewerData('kafka', [{ observations: [{ status: 'RUNNING' }, { status: 'DELETED' }] }], {
      mode: 'sampled',
    }).instances;
    expect(item!.label).toBe('history 1');
    expect(item!.verdict.ok).toBe(true);
    expect(item!.verdict.steps).toEqual([
      { index: 1, from: 'RUNNING', to: 'DELETED', events: ['DELETE', 'DELETE_SUCCEEDED'], missed: ['DELETING'] },
    ]);
  });

  it('writes times as text, numbers (milliseconds) and Dates as ISO 8601 text', () => {
    const [item] = viewerData('dcs', [
      {
        observations: [
          { status: 'RUNNING', time: new Date(Date.UTC(2026, 0, 1)) },
          { status: 'RUNNING', time: 5 },
          { status: 'RUNNING', time: new Date(NaN) },
        ],
      },
    ]).instances;
    expect(item!.observations.map((o) => o.time)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '1970-01-01T00:00:00.005Z',
      'Invalid Date',
    ]);
  });
});

describe.each(services.map((s) => s.id))('viewerHtml (%s)', (id) => {
  it('embeds the viewer data, the inline SVG of every status, and nothing fetched from anywhere', async () => {
    const histories = [{ instance: 'x</script><!--', observations: [{ status: 'RUNNING' }, { status: '__proto__' }] }];
    const html = await viewerHtml(id, histories, { mode: 'sampled' });
    expect(embeddedData(html)).toEqual(JSON.parse(JSON.stringify(viewerData(id, histories, { mode: 'sampled' }))));
    for (const index of lifecycleModel(id).states.keys()) expect(html).toContain(`id="state&#45;${index}"`);
    // No resource from outside the page: every src/href is a data: URL or a fragment; only SVG namespaces name http.
    for (const [, url] of html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)) expect(url).toMatch(/^(data:|#)/);
    const httpMentions = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(httpMentions)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).not.toMatch(/<!DOCTYPE svg|<\?xml/);
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the data and the script, nothing from the history
  });
});
