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
  const ids = mermaidIds([
    ...model.states.map((s) => ({ name: s.status, plain: s.status })),
    ...model.leaves
      .filter((l) => l.leaf !== l.status)
      .map((l) => ({ name: l.leaf, plain: l.leaf.replace(/\./g, '__') })),
  ]);
  const id = (name: string) => ids.get(name) ?? name;
  const lines = ['stateDiagram-v2'];
  for (const state of model.states) {
    const subStates = state.subStates;
    const declaration =
      id(state.status) === state.status ? id(state.status) : `"${escapeLabel(state.status)}" as ${id(state.status)}`;
    if (subStates === undefined) {
      if (id(state.status) !== state.status) lines.push(`  state ${declaration}`);
      continue;
    }
    lines.push(`  state ${declaration} {`);
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

/**
 * Words Mermaid's state diagram lexer reads as keywords (it ignores case): as an id they would start a statement of
 * their own (`state X`, `note X`, `class X`...). `default` is a keyword even at the start of a longer word; `end`
 * is kept out too, as flowcharts reserve it, and `as`, which after `state` starts an alias.
 */
const KEYWORDS =
  /^(?:default.*|state|statediagram|class|classdef|note|scale|direction|hide|acctitle|accdescr|end|as)$/i;

/**
 * The Mermaid id of each status and hidden sub-state: its plain form (the status, or the leaf id with `__` for each
 * dot) where Mermaid reads that as a plain id (letters, digits and `_`, no keyword), else a positional id `s<index>`
 * (the name becomes its label); no two names share an id, whatever the names.
 */
function mermaidIds(names: readonly { name: string; plain: string }[]): Map<string, string> {
  const plain = (id: string) => /^[A-Za-z][A-Za-z0-9_]*$/.test(id) && !KEYWORDS.test(id);
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  // plain ids first, so that a positional id never takes one a name spells itself
  for (const { name, plain: id } of names) {
    if (!plain(id) || taken.has(id)) continue;
    taken.add(id);
    ids.set(name, id);
  }
  for (const [index, { name }] of names.entries()) {
    if (ids.has(name)) continue;
    let alias = `s${index}`;
    while (taken.has(alias)) alias += '_';
    taken.add(alias);
    ids.set(name, alias);
  }
  return ids;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what this replaces
const LABEL_BREAKERS = /[":;#\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text Mermaid shows as it is, in a quoted state label or after the `:` of a transition: characters that end or
 * split the label (quotes, `:`, `;`, `#`, line breaks and other control characters) become spaces, and the
 * patterns the lexer looks for anywhere on a line (`direction TB`, `<<fork>>`, `[[choice]]`...) are broken by an
 * invisible zero-width space.
 */
function escapeLabel(text: string): string {
  return text
    .replace(LABEL_BREAKERS, ' ')
    .replace(/(direction)(\s+(?:TB|BT|RL|LR))/gi, '$1\u200b$2')
    .replace(/(<<|\[\[)(fork|join|choice)/gi, '$1\u200b$2');
}
