/**
 * `docsFiles`: every generated file under `docs/`, as path and content, computed from the registered machines.
 * `npm run docs` writes them (scripts/docs.ts); a test compares them with the committed files, so a change to a
 * machine without regenerating the docs fails the suite.
 */
import { services } from '../machines/index.js';
import { toMermaid } from '../src/diagram/mermaid.js';
import { lifecycleSvg } from '../src/diagram/svg.js';
import { type LifecycleModel, lifecycleModel } from '../src/model/index.js';

/** A generated documentation file: its path relative to the project root, and its content. */
export interface DocsFile {
  path: string;
  content: string;
}

/**
 * The generated documentation files.
 *
 * @example (await docsFiles()).map((f) => f.path) // ['docs/lifecycles.md', 'docs/kafka.svg', 'docs/dcs.svg']
 */
export async function docsFiles(): Promise<DocsFile[]> {
  const diagrams = await Promise.all(
    services.map(async (service) => ({ path: `docs/${service.id}.svg`, content: await lifecycleSvg(service) })),
  );
  return [{ path: 'docs/lifecycles.md', content: lifecyclesMarkdown() }, ...diagrams];
}

/** `docs/lifecycles.md`: for each service, its statuses, its transition table and its Mermaid diagram. */
export function lifecyclesMarkdown(): string {
  const parts = [
    '# Lifecycles',
    '',
    '<!-- Generated from machines/ by `npm run docs`; do not edit by hand (a test fails when this file is stale). -->',
    '',
    'One section per registered service. **Kind**: `operation` is a request a user makes through the API, `outcome`',
    'is what the service reports by itself; `outcome (failure)` is an outcome that reports something going wrong.',
    '**Basis**: `documented` transitions cite the page that says so,',
    '`inferred` ones give the reason they are plausible. Tags: `stable` (stays until someone acts), `transitional`',
    '(the service moves on by itself; pollers may miss it), `failed`, `final` (no way out), `undocumented` (not in',
    "the service's status table; modelled because real clients observe it).",
    '',
    ...services.map((service) => `- [${service.name}](#${anchor(service.name)})`),
    '',
  ];
  for (const service of services) parts.push(serviceSection(lifecycleModel(service)));
  return parts.join('\n');
}

function serviceSection(model: LifecycleModel): string {
  const lines = [
    `## ${model.name}`,
    '',
    `Service id \`${model.service}\`; statuses from documentation page \`${model.page}\`; initial status \`${model.initial}\`.`,
    '',
    `![${model.name} lifecycle diagram](${model.service}.svg)`,
    '',
    '| Status | Tags | Meaning |',
    '| --- | --- | --- |',
    ...model.states.map((s) => {
      const meaning = s.evidence ? `${s.description} Evidence: ${s.evidence}` : s.description;
      return row([`\`${s.status}\``, s.tags.join(', '), meaning]);
    }),
    '',
    '| From | Event | To | Kind | Basis | Source or reason |',
    '| --- | --- | --- | --- | --- | --- |',
    ...model.transitions.map((t) =>
      row([
        `\`${t.from}\``,
        `\`${t.event}\``,
        `\`${t.to}\``,
        t.failure ? `${t.kind} (failure)` : t.kind,
        t.basis,
        [t.note, t.source ? `Source: ${t.source}` : undefined].filter(Boolean).join(' '),
      ]),
    ),
    '',
    '```mermaid',
    toMermaid(model).trimEnd(),
    '```',
    '',
  ];
  return lines.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}

function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
