/**
 * Read the node, edge and cluster groups of a Graphviz SVG without a DOM, for tests. Graphviz writes every node
 * and edge as `<!-- name -->` followed by `<g id="..." class="...">...</g>`, and a cluster as a `<g>` of class
 * `cluster` on its own line, so splitting there gives one chunk per element.
 */

/** One node or edge group of a Graphviz SVG. */
export interface SvgElement {
  /** The `id` attribute, XML-unescaped. */
  id: string;
  /** The `class` attribute, split on spaces. */
  classes: string[];
  /** The text of every `<text>` in the group, XML-unescaped. */
  texts: string[];
  /** The `fill` of the first shape drawn (path, polygon or ellipse). */
  fill: string | undefined;
  /** The `stroke` of the first shape drawn. */
  stroke: string | undefined;
  /** True when the first shape is dashed. */
  dashed: boolean;
  /** The raw markup of the group. */
  markup: string;
}

/** The node and edge groups of a Graphviz SVG document, in document order. */
export function svgElements(svg: string): SvgElement[] {
  const chunks = svg.split(/<!--[\s\S]*?-->\n|\n(?=<g id="[^"]*" class="cluster)/).slice(1);
  return chunks
    .filter((chunk) => chunk.startsWith('<g id="'))
    .map((markup) => {
      const head = /^<g id="([^"]*)" class="([^"]*)">/.exec(markup);
      const shape = /<(?:path|polygon|ellipse)\b([^>]*)>/.exec(markup)?.[1] ?? '';
      return {
        id: unescapeXml(head?.[1] ?? ''),
        classes: (head?.[2] ?? '').split(' ').filter(Boolean),
        texts: [...markup.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => unescapeXml(m[1]!)),
        fill: /\bfill="([^"]*)"/.exec(shape)?.[1],
        stroke: /\bstroke="([^"]*)"/.exec(shape)?.[1],
        dashed: /\bstroke-dasharray=/.test(shape),
        markup,
      };
    });
}

/** Undo XML escaping (named and numeric character references). */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, ref: string) => {
    if (ref[0] === '#')
      return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[ref.toLowerCase()]!;
  });
}
