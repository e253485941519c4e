/**
 * The one palette of the diagrams (Graphviz and Mermaid alike): the colours of a state by its tags, and of a
 * transition by its kind.
 */
import type { StatusTag } from '../../machines/vocabulary.js';

/** Fill and border colours of a state. */
export interface StateColours {
  fill: string;
  border: string;
}

/** Colours by tag, most telling first: the first of these tags a state has decides its colours. */
export const TAG_COLOURS: readonly (readonly [StatusTag, StateColours])[] = [
  ['failed', { fill: '#f6d5d5', border: '#a94442' }],
  ['final', { fill: '#e4e4e4', border: '#555555' }],
  ['transitional', { fill: '#d9eaf7', border: '#31708f' }],
  ['stable', { fill: '#dcefd6', border: '#3c763d' }],
];

/** The colours of a state none of whose tags has colours of its own. */
export const PLAIN_COLOURS: StateColours = { fill: '#ffffff', border: '#333333' };

/** Colour of operation edges (a user's request). */
export const OPERATION_COLOUR = '#c05a00';

/** Colour of outcome edges (reported by the service). */
export const OUTCOME_COLOUR = '#404040';

/**
 * The colours of a state with these tags.
 *
 * @example stateColours(['failed', 'stable']).fill // '#f6d5d5'
 */
export function stateColours(tags: readonly StatusTag[]): StateColours {
  return TAG_COLOURS.find(([tag]) => tags.includes(tag))?.[1] ?? PLAIN_COLOURS;
}
