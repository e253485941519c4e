/**
 * `toDot`: a service's lifecycle model as a Graphviz DOT graph, for layout by Graphviz (see `renderSvg`).
 * - states are filled by their tags (failed red, final grey with a double border, transitional blue, stable
 *   green) and undocumented states get a dashed border; each state's SVG group has the id `state-<index>` (its
 *   index in `model.states`) and its tags as classes;
 * - transitions are labelled by event; documented ones are solid, inferred ones dashed; operations (a user's
 *   request) are orange with a filled arrowhead, outcomes (reported by the service) dark grey with an open one;
 *   each transition's SVG group has the id `transition-<index>` (its index in `model.transitions`);
 * - a status with hidden sub-states is a cluster (a box around its sub-states, filled by the status's tags, with the
 *   id `state-<index>`), each sub-state a node inside it with the id `state-<index>-<sub-state index>`;
 *   transitions run between leaf states;
 * - a legend lists the tags and edge kinds the diagram uses.
 */
import { STATUS_TAGS, type StatusTag } from '../../machines/vocabulary.js';
import type { LifecycleModel, StatusInfo, TransitionInfo } from '../model/index.js';
import { OPERATION_COLOUR, OUTCOME_COLOUR, PLAIN_COLOURS, stateColours } from './palette.js';

/** The id of a state's SVG group in a rendered diagram. */
export function stateElementId(index: number): string {
  return `state-${index}`;
}

/** The id of a sub-state's SVG group in a rendered diagram (`index` of its status, `sub` of it among its sub-states). */
export function subStateElementId(index: number, sub: number): string {
  return `state-${index}-${sub}`;
}

/** The id of a transition's SVG group in a rendered diagram. */
export function transitionElementId(index: number): string {
  return `transition-${index}`;
}

/**
 * Data drawn over a model's diagram (the fleet report's): how often each transition was taken, and changes the
 * model does not allow.
 */
export interface DotOverlay {
  /** By transition index (as in `model.transitions`): a count, shown in the label; the edge's width grows with it. */
  transitionCounts?: readonly number[];
  /** Extra edges between known statuses, drawn in red and labelled with their count (the `extra-<index>` ids). */
  extraEdges?: readonly { from: string; to: string; count: number }[];
}

/** Options of {@link toDot}: an overlay of observed data, and which way the layout runs. */
export interface DotOptions extends DotOverlay {
  /**
   * Which way the ranks of the layout run: `TB` (top to bottom, the default) or `LR` (left to right, which suits
   * machines with many statuses next to one hub). `lifecycleSvg` picks the one that fits a page best.
   */
  direction?: 'TB' | 'LR';
}

/** Colour of the extra edges of an overlay (changes the model does not allow). */
export const EXTRA_EDGE_COLOUR = '#d00000';

/**
 * The DOT source of a model's diagram, with an optional overlay of observed counts.
 *
 * @example toDot(lifecycleModel('kafka')).startsWith('digraph') // true
 */
export function toDot(model: LifecycleModel, options: DotOptions = {}): string {
  const ids = new Map<string, string>();
  for (const [i, s] of model.states.entries()) {
    if (s.subStates === undefined) ids.set(s.status, `s${i}`);
    else for (const [j, leaf] of s.subStates.entries()) ids.set(leaf, `s${i}_${j}`);
  }
  // a status with sub-states, where an overlay names only the status: its initial sub-state's node
  for (const s of model.states) if (s.initialSubState !== undefined) ids.set(s.status, ids.get(s.initialSubState)!);
  const node = (leaf: string): string => {
    const id = ids.get(leaf);
    if (id === undefined) throw new Error(`${model.service}: transition names unknown state ${leaf}`);
    return id;
  };
  const lines = [
    `digraph ${quote(model.service)} {`,
    `  graph [label=${quote(`${model.name} (${model.service})`)}, labelloc=t, fontname="Helvetica", fontsize=16, rankdir=${options.direction ?? 'TB'}, nodesep=0.5, ranksep=0.55, pad=0.2];`,
    '  node [fontname="Helvetica", fontsize=12, shape=box, margin="0.18,0.08"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    '  start [shape=point, width=0.16, label="", id="initial", tooltip="initial status"];',
    `  start -> ${node(model.initialLeaf)} [id="initial-transition", tooltip="start"];`,
  ];
  for (const [index, state] of model.states.entries()) {
    if (state.subStates === undefined) lines.push(`  ${node(state.status)} [${stateAttributes(state, index)}];`);
    else lines.push(...cluster(model, state, index, node));
  }
  const counts = options.transitionCounts;
  const extra = options.extraEdges ?? [];
  const most = Math.max(1, ...(counts ?? []), ...extra.map((e) => e.count));
  const width = (count: number) => (1 + (5 * Math.log1p(count)) / Math.log1p(most)).toFixed(2);
  for (const [index, t] of model.transitions.entries()) {
    const count = counts?.[index];
    // a later attribute overrides an earlier one in DOT: the label gets the count
    const weighted = count === undefined ? '' : `, penwidth=${width(count)}, label=${quote(`${t.event} ×${count}`)}`;
    lines.push(`  ${node(t.fromLeaf)} -> ${node(t.toLeaf)} [${transitionAttributes(t, index)}${weighted}];`);
  }
  for (const [index, e] of extra.entries()) {
    const attributes = [
      `id=${quote(`extra-${index}`)}`,
      `class=${quote('transition extra illegal')}`,
      `label=${quote(`illegal ×${e.count}`)}`,
      `color=${quote(EXTRA_EDGE_COLOUR)}`,
      `fontcolor=${quote(EXTRA_EDGE_COLOUR)}`,
      `penwidth=${width(e.count)}`,
      'style=bold',
      `tooltip=${quote(`${e.from} → ${e.to}: not allowed by the model, observed ${e.count} times`)}`,
    ];
    lines.push(`  ${node(e.from)} -> ${node(e.to)} [${attributes.join(', ')}];`);
  }
  lines.push(...legend(model, options.direction ?? 'TB'), '}');
  return lines.join('\n') + '\n';
}

function stateAttributes(state: StatusInfo, index: number): string {
  const colours = stateColours(state.tags);
  const style = ['rounded', 'filled', ...(state.tags.includes('undocumented') ? ['dashed'] : [])];
  const attributes = [
    `id=${quote(stateElementId(index))}`,
    `class=${quote(['state', ...state.tags].join(' '))}`,
    `label=${quote(state.status)}`,
    `style=${quote(style.join(','))}`,
    `fillcolor=${quote(colours.fill)}`,
    `color=${quote(colours.border)}`,
    `penwidth=1.4`,
    `tooltip=${quote(`${state.status} [${state.tags.join(', ')}]: ${state.description}`)}`,
  ];
  if (state.tags.includes('final')) attributes.push('peripheries=2');
  return attributes.join(', ');
}

/** A status with sub-states: a cluster with the status's look, its sub-states plain nodes inside. */
function cluster(model: LifecycleModel, state: StatusInfo, index: number, node: (leaf: string) => string): string[] {
  const colours = stateColours(state.tags);
  const style = ['rounded', 'filled', ...(state.tags.includes('undocumented') ? ['dashed'] : [])];
  const lines = [
    `  subgraph cluster_s${index} {`,
    `    id=${quote(stateElementId(index))};`,
    `    class=${quote(['state', 'composite', ...state.tags].join(' '))};`,
    `    label=${quote(state.status)};`,
    `    style=${quote(style.join(','))};`,
    `    fillcolor=${quote(colours.fill)};`,
    `    color=${quote(colours.border)};`,
    '    penwidth=1.4;',
    `    tooltip=${quote(`${state.status} [${state.tags.join(', ')}]: ${state.description} Hidden sub-states: ${state.subStates!.map((leaf) => leaf.slice(state.status.length + 1)).join(', ')}.`)};`,
  ];
  for (const [sub, leaf] of state.subStates!.entries()) {
    const info = model.leaves.find((l) => l.leaf === leaf);
    const name = leaf.slice(state.status.length + 1);
    const attributes = [
      `id=${quote(subStateElementId(index, sub))}`,
      `class=${quote('substate')}`,
      `label=${quote(name)}`,
      'style="rounded,filled"',
      'fillcolor="#ffffff"',
      `color=${quote(colours.border)}`,
      `tooltip=${quote(`${leaf} (hidden: the API shows ${state.status}): ${info?.description ?? ''}`)}`,
    ];
    lines.push(`    ${node(leaf)} [${attributes.join(', ')}];`);
  }
  lines.push('  }');
  return lines;
}

function transitionAttributes(t: TransitionInfo, index: number): string {
  const colour = t.kind === 'operation' ? OPERATION_COLOUR : OUTCOME_COLOUR;
  const why = t.note ? ` ${t.note}` : '';
  return [
    `id=${quote(transitionElementId(index))}`,
    `class=${quote(['transition', t.kind, t.basis].join(' '))}`,
    `label=${quote(t.event)}`,
    `color=${quote(colour)}`,
    `fontcolor=${quote(colour)}`,
    `style=${t.basis === 'inferred' ? 'dashed' : 'solid'}`,
    `arrowhead=${t.kind === 'operation' ? 'normal' : 'empty'}`,
    `tooltip=${quote(`${t.fromLeaf} → ${t.toLeaf} on ${t.event} (${t.kind}, ${t.basis}).${why}`)}`,
  ].join(', ');
}

/**
 * A legend node (an HTML-like table) with the tags and edge kinds the model uses. Top to bottom it gets a row of its
 * own at the bottom (rank `sink`); left to right it shares the last column (rank `max`, next to the final
 * statuses), since a column of its own would widen a diagram that is already wide.
 */
function legend(model: LifecycleModel, direction: 'TB' | 'LR'): string[] {
  const rows: string[] = ['<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>'];
  for (const tag of STATUS_TAGS) {
    if (!model.states.some((s) => s.tags.includes(tag))) continue;
    const sample = tag === 'undocumented' ? PLAIN_COLOURS : stateColours([tag]);
    const style = tag === 'undocumented' ? ' STYLE="dashed"' : '';
    const what = TAG_MEANING.get(tag) ?? '';
    rows.push(
      `<TR><TD BGCOLOR="${sample.fill}" COLOR="${sample.border}" BORDER="1"${style}>${tag}</TD><TD ALIGN="LEFT">${what}</TD></TR>`,
    );
  }
  const kinds: [string, (t: TransitionInfo) => boolean, string, string][] = [
    ['operation', (t) => t.kind === 'operation', OPERATION_COLOUR, '━━━━▶'],
    ['outcome', (t) => t.kind === 'outcome', OUTCOME_COLOUR, '━━━━▷'],
    ['documented', (t) => t.basis === 'documented', OUTCOME_COLOUR, '━━━━━'],
    ['inferred', (t) => t.basis === 'inferred', OUTCOME_COLOUR, '━ ━ ━'],
  ];
  for (const [name, uses, colour, arrow] of kinds) {
    if (!model.transitions.some(uses)) continue;
    const what = EDGE_MEANING.get(name) ?? '';
    rows.push(`<TR><TD><FONT COLOR="${colour}">${arrow}</FONT></TD><TD ALIGN="LEFT">${name}: ${what}</TD></TR>`);
  }
  return [
    `  legend [id="legend", shape=plain, fontsize=10, label=<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="3" CELLPADDING="3" COLOR="#999999">${rows.join('')}</TABLE>>];`,
    `  { rank=${direction === 'LR' ? 'max' : 'sink'}; legend; }`,
  ];
}

const TAG_MEANING: ReadonlyMap<StatusTag, string> = new Map<StatusTag, string>([
  ['stable', 'stays until someone acts'],
  ['transitional', 'moves on by itself'],
  ['failed', 'something went wrong'],
  ['final', 'no way out'],
  ['undocumented', 'not in the status table'],
]);

const EDGE_MEANING: ReadonlyMap<string, string> = new Map([
  ['operation', "a user's request"],
  ['outcome', 'reported by the service'],
  ['documented', 'solid line'],
  ['inferred', 'dashed line'],
]);

/** A DOT quoted string (backslashes doubled so Graphviz's label escapes do not apply; newlines become spaces). */
function quote(text: string): string {
  // Graphviz reads entities in strings (`&#65;` would be drawn `A`, `&#;` would vanish): `&` is written `&amp;`
  return `"${text
    .replace(/&/g, '&amp;')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}
