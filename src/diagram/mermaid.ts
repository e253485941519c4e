/**
 * `toMermaid`: a service's lifecycle model as a Mermaid `stateDiagram-v2`, for Markdown pages that render Mermaid
 * (GitHub does). States are styled by their tags; inferred transitions are marked in their label, since Mermaid
 * state diagrams cannot dash a single edge. A status with hidden sub-states is a composite state holding them;
 * transitions run between leaf states.
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
  model.states.forEach((s, i) => {
    for (const [j, leaf] of (s.subStates ?? []).entries()) ids.set(leaf, mermaidId(leaf.replace(/\./g, '__'), i, j));
  });
  const id = (status: string) => ids.get(status) ?? status;
  const lines = ['stateDiagram-v2'];
  for (const state of model.states) {
    const subStates = state.subStates;
    if (subStates === undefined) {
      if (id(state.status) !== state.status)
        lines.push(`  state "${escapeLabel(state.status)}" as ${id(state.status)}`);
      continue;
    }
    lines.push(`  state ${id(state.status)} {`);
    for (const leaf of subStates)
      lines.push(`    state "${escapeLabel(leaf.slice(state.status.length + 1))}" as ${id(leaf)}`);
    if (state.initialSubState !== undefined) lines.push(`    [*] --> ${id(state.initialSubState)}`);
    lines.push('  }');
  }
  lines.push(`  [*] --> ${id(model.initialLeaf)}`);
  for (const t of model.transitions) {
    const label = t.basis === 'inferred' ? `${t.event} (inferred)` : t.event;
    lines.push(`  ${id(t.fromLeaf)} --> ${id(t.toLeaf)}: ${escapeLabel(label)}`);
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

/** The name itself where Mermaid accepts it as an id, else a positional id (the name becomes its label). */
function mermaidId(name: string, index: number, sub?: number): string {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(name) && name !== 'end') return name;
  return sub === undefined ? `s${index}` : `s${index}_${sub}`;
}

function escapeLabel(text: string): string {
  return text.replace(/[":;#\n]/g, ' ');
}
