/**
 * `docsFiles`: every generated file under `docs/`, as path and content, computed from the registered machines.
 * `npm run docs` writes them (scripts/docs.ts); a test compares them with the committed files, so a change to a
 * machine without regenerating the docs fails the suite.
 */
import { services } from '../machines/index.js';
import { toMermaid } from '../src/diagram/mermaid.js';
import { lifecycleSvg } from '../src/diagram/svg.js';
import { type LifecycleModel, lifecycleModel, type StatusInfo } from '../src/model/index.js';

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
    '| Status | Tags | Documented in | Meaning |',
    '| --- | --- | --- | --- |',
    ...model.states.map((s) =>
      row([`\`${s.status}\``, s.tags.join(', '), s.documentedIn ?? 'not in the status table', statusMeaning(model, s)]),
    ),
    '',
    'Transitions go from one leaf state to another: a status, or one of its hidden sub-states (`STATUS.subState`).',
    '',
    '| From | Event | To | Kind | Basis | Source or reason |',
    '| --- | --- | --- | --- | --- | --- |',
    ...model.transitions.map((t) =>
      row([
        `\`${t.fromLeaf}\``,
        `\`${t.event}\``,
        `\`${t.toLeaf}\``,
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

/** A status's meaning: its description, its other spellings, its hidden sub-states, and its evidence. */
function statusMeaning(model: LifecycleModel, status: StatusInfo): string {
  const parts = [status.description];
  if (status.aliases?.length) parts.push(`Also spelled ${status.aliases.map((a) => `\`${a}\``).join(', ')}.`);
  if (status.subStates) {
    const leaves = status.subStates.map((leaf) => {
      const description = model.leaves.find((l) => l.leaf === leaf)?.description ?? '';
      return `\`${leaf}\` (${description.replace(/\.$/, '')})`;
    });
    parts.push(`Hidden sub-states: ${leaves.join('; ')}.`);
  }
  if (status.evidence) parts.push(`Evidence: ${status.evidence}`);
  return parts.join(' ');
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
