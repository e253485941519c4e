/** `readStatus`: which status of a compiled graph an observed spelling stands for. */
import type { StatusGraph } from '../graph/statusGraph.js';
import { spellingKey } from '../model/spelling.js';

/** How an observed spelling was read: the status id (-1 for none), and how, when not spelled exactly. */
export interface ReadStatus {
  id: number;
  /** Absent for an exact spelling; `case` for a difference of case or surrounding spaces; `alias` for an alias. */
  how?: 'case' | 'alias';
}

/**
 * The status a spelling stands for: itself exactly, an alias of it exactly, or either up to case and surrounding
 * spaces (the one status sharing the spelling key, see `spellings`). Safe for any string (statuses are compared as data).
 *
 * @example readStatus(statusGraph('kafka'), ' running ') // { id: <RUNNING's id>, how: 'case' }
 */
export function readStatus(graph: StatusGraph, given: string): ReadStatus {
  const exact = graph.idOf(given);
  if (exact >= 0) return { id: exact };
  const alias = graph.aliasOf(given);
  if (alias >= 0) return { id: alias, how: 'alias' };
  const id = graph.idOfSpelling(given);
  if (id >= 0) return { id, how: 'case' };
  const key = spellingKey(given);
  for (let status = 0; status < graph.statuses.length; status++) {
    for (const name of graph.aliases[status]!) if (spellingKey(name) === key) return { id: status, how: 'alias' };
  }
  return { id: -1 };
}
