/**
 * `viewerHtml`: the offline viewer, one self-contained HTML page: the service's SVG diagram inline, CSS and script
 * inline, the histories and their verdicts embedded as JSON. It loads nothing from anywhere (its Content Security
 * Policy forbids every fetch), so it works from `file://` and without a network.
 */
import type { Service } from '../../machines/index.js';
import { inlineSvg, lifecycleSvg, svgSize } from '../diagram/svg.js';
import { viewerClient } from './client.js';
import { type ViewerData, type ViewerHistory, type ViewerOptions, viewerData } from './viewerData.js';

/** No fetch of any kind; inline script and style only; images only from `data:` URLs. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * The viewer page for a service and its histories (none: the page shows the diagram only).
 *
 * @example await writeFile('kafka.html', await viewerHtml('kafka', [{ observations: [{ status: 'RUNNING' }] }]));
 */
export async function viewerHtml(
  service: string | Service,
  histories: readonly ViewerHistory[] = [],
  options: ViewerOptions = {},
): Promise<string> {
  return viewerPage(viewerData(service, histories, options), service);
}

/**
 * The viewer page for data made by `viewerData` (for callers that also use the data themselves). Pass the service
 * the data was made for when it is not a registered one (its diagram is drawn from it; by default the registered
 * service with the data's id).
 *
 * @example const data = viewerData(service, histories); const html = await viewerPage(data, service);
 */
export async function viewerPage(data: ViewerData, service: string | Service = data.service.id): Promise<string> {
  const document = await lifecycleSvg(service);
  const svg = inlineSvg(document);
  const title = `${data.service.name} (${data.service.id}) lifecycle`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${readableWidth(svgSize(document).width)}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p id="summary">${data.instances.length === 0 ? 'No history given: the diagram only.' : ''}</p></header>
<main>
<section id="diagram" aria-label="state diagram">${svg}</section>
<section id="history" aria-label="history">
<div id="picker-row"><label for="instance-picker">Instance</label> <select id="instance-picker"></select></div>
${data.omitted ? `<p id="omitted">${escapeHtml(omittedText(data.omitted))}</p>` : ''}
<div id="controls">
<button id="first" type="button" title="first step (Home)">« First</button>
<button id="previous" type="button" title="previous step (←)">‹ Prev</button>
<button id="next" type="button" title="next step (→)">Next ›</button>
<button id="last" type="button" title="last step (End)">Last »</button>
<button id="next-problem" type="button" title="next illegal step">Next problem</button>
</div>
<p id="current" role="status" aria-live="polite"></p>
<ol id="steps"></ol>
</section>
</main>
<script type="application/json" id="viewer-data">${jsonForScript(data)}</script>
<script>(${viewerClient.toString()})();</script>
</body>
</html>
`;
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` are written as `\u003c`-style escapes (so no
 * `</script>` or `<!--` can appear), and so are the line separators U+2028 and U+2029.
 *
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text escaped for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The CSS that keeps a big diagram readable: it fills the panel, but never shrinks below 60% of its natural size
 * (its smallest text stays 8 pixels high, as the diagram tests require of a page); the panel scrolls instead.
 */
function readableWidth(widthInPoints: number): string {
  return `#diagram svg { min-width: ${Math.round(widthInPoints * (4 / 3) * 0.6)}px; }\n`;
}

const STYLE = `
:root { font-family: system-ui, sans-serif; color: #1d1d1d; background: #fafafa; }
body { margin: 0; }
header { padding: 0.5rem 1rem; border-bottom: 1px solid #ddd; background: #fff; }
h1 { font-size: 1.2rem; margin: 0.2rem 0; }
#summary { margin: 0.2rem 0; color: #333; }
#summary.illegal { color: #b00020; font-weight: 600; }
main { display: flex; gap: 1rem; padding: 1rem; align-items: flex-start; }
#diagram { flex: 3 1 0; min-width: 0; max-height: 85vh; overflow: auto; background: #fff; border: 1px solid #ddd; }
#diagram svg { width: 100%; height: auto; display: block; }
#history { flex: 2 1 0; min-width: 18rem; }
#history[hidden] { display: none; }
#picker-row { margin-bottom: 0.5rem; }
#picker-row[hidden] { display: none; }
#controls { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-bottom: 0.5rem; }
button { font: inherit; padding: 0.25rem 0.6rem; border: 1px solid #888; border-radius: 4px; background: #fff; cursor: pointer; }
button:focus-visible, select:focus-visible { outline: 2px solid #1a73e8; }
#current { min-height: 2.6em; margin: 0.3rem 0; padding: 0.4rem; background: #fff; border: 1px solid #ddd; border-left: 4px solid #1a73e8; }
#current.illegal { border-left-color: #d00000; color: #900; }
#steps { list-style: none; margin: 0; padding: 0; max-height: 65vh; overflow-y: auto; border: 1px solid #ddd; background: #fff; }
.step { display: grid; grid-template-columns: minmax(6rem, auto) 1fr; gap: 0 0.6rem; padding: 0.3rem 0.5rem; border-bottom: 1px solid #eee; cursor: pointer; font-size: 0.9rem; }
.step .time { color: #666; font-variant-numeric: tabular-nums; grid-row: span 4; }
.step .status { font-weight: 600; }
.step .explain, .step .missed, .step .problem, .step .note { grid-column: 2; }
.step .missed { color: #a05a00; }
.step .note { color: #555; font-style: italic; }
.step.illegal { background: #fde8e8; color: #900; }
.step.illegal .problem { color: #c00000; font-weight: 600; }
.step.selected { outline: 2px solid #1a73e8; outline-offset: -2px; background: #e8f0fe; }
.step.illegal.selected { outline-color: #d00000; background: #fbd0d0; }
#diagram g.state.current > g > a > path, #diagram g.state.current > path { stroke: #1a73e8; stroke-width: 4px; }
#diagram g.state.current.illegal > g > a > path, #diagram g.state.current.illegal > path { stroke: #d00000; stroke-width: 5px; fill: #ffb3b3; }
#diagram g.state.previous > g > a > path, #diagram g.state.previous > path { stroke: #d00000; stroke-width: 3px; stroke-dasharray: 3 3; }
#diagram g.state.missed > g > a > path, #diagram g.state.missed > path { stroke: #e08a00; stroke-width: 3px; stroke-dasharray: 6 3; }
#diagram g.transition.taken path { stroke: #1a73e8; stroke-width: 3px; }
#diagram g.transition.taken polygon { stroke: #1a73e8; fill: #1a73e8; }
#diagram g.transition.taken text { fill: #1a73e8; font-weight: bold; }
`;

/** What a page says of the histories it leaves out. */
function omittedText(omitted: { instances: number; observations: number }): string {
  const n = (count: number, what: string) => `${count.toLocaleString('en')} ${what}${count === 1 ? '' : 's'}`;
  return `Not shown: ${n(omitted.instances, 'instance')} and ${n(omitted.observations, 'observation')} of the input (instances with problems come first; view --instance ID shows one).`;
}
