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
  const ids = mermaidIds(model.states.map((s) => s.status));
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

/**
 * Words Mermaid's state diagram lexer reads as keywords (it ignores case): as an id they would start a statement of
 * their own (`state X`, `note X`, `class X`...). `default` is a keyword even at the start of a longer word; `end`
 * is kept out too, as flowcharts reserve it.
 */
const KEYWORDS = /^(?:default.*|state|statediagram|class|classdef|note|scale|direction|hide|acctitle|accdescr|end)$/i;

/**
 * Each status's Mermaid id: the status itself where Mermaid reads it as a plain id (letters, digits and `_`, no
 * keyword), else a positional id `s<index>` (the status becomes its label) that no other status uses.
 */
function mermaidIds(statuses: readonly string[]): Map<string, string> {
  const plain = (status: string) => /^[A-Za-z][A-Za-z0-9_]*$/.test(status) && !KEYWORDS.test(status);
  const taken = new Set(statuses.filter(plain));
  const ids = new Map<string, string>();
  for (const [index, status] of statuses.entries()) {
    let alias = plain(status) ? status : `s${index}`;
    if (alias !== status) while (taken.has(alias)) alias += '_';
    taken.add(alias);
    ids.set(status, alias);
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
