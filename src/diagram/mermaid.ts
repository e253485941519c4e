/**
 * `toMermaid`: a service's lifecycle model as a Mermaid `stateDiagram-v2`, for Markdown pages that render Mermaid
 * (GitHub does). States are styled by their tags; inferred transitions are marked in their label, since Mermaid
 * state diagrams cannot dash a single edge.
 */
import { STATUS_TAGS } from '../../machines/vocabulary.js';
import { type LifecycleModel, statusesTagged } from '../model/index.js';
import { TAG_COLOURS } from './palette.js';

/**
 * The Mermaid source of a model's state diagram.
 *
 * @example toMermaid(lifecycleModel('dcs')).split('\n')[0] // 'stateDiagram-v2'
 */
export function toMermaid(model: LifecycleModel): string {
  const ids = new Map(model.states.map((s, i) => [s.status, mermaidId(s.status, i)]));
  const id = (status: string) => ids.get(status) ?? status;
  const lines = ['stateDiagram-v2'];
  for (const state of model.states) {
    if (id(state.status) !== state.status) lines.push(`  state "${escapeLabel(state.status)}" as ${id(state.status)}`);
  }
  lines.push(`  [*] --> ${id(model.initial)}`);
  for (const t of model.transitions) {
    const label = t.basis === 'inferred' ? `${t.event} (inferred)` : t.event;
    lines.push(`  ${id(t.from)} --> ${id(t.to)}: ${escapeLabel(label)}`);
  }
  for (const state of model.states) {
    if (state.tags.includes('final')) lines.push(`  ${id(state.status)} --> [*]`);
  }
  // Later classDefs win where a state has several classes: the most telling tag last, as in the palette.
  for (const [tag, { fill, border }] of [...TAG_COLOURS].reverse())
    lines.push(`  classDef ${tag} fill:${fill},stroke:${border}`);
  lines.push('  classDef undocumented stroke-dasharray:4');
  for (const tag of STATUS_TAGS) {
    const members = [...statusesTagged(model, tag)].map(id);
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${tag}`);
  }
  return lines.join('\n') + '\n';
}

/** The status itself where Mermaid accepts it as an id, else a positional id (the status becomes its label). */
function mermaidId(status: string, index: number): string {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(status) && status !== 'end' ? status : `s${index}`;
}

function escapeLabel(text: string): string {
  return text.replace(/[":;#\n]/g, ' ');
}
