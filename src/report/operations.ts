/**
 * `operationSpans`: which stretches of a history are an operation in progress, derived from the machine (no status
 * is named here). An operation starts when an instance enters a `transitional` status by a transition whose event
 * is an `operation` (a user's request: RESTART, RESIZE, DELETE...), and ends at the first status after it that is
 * not transitional, whichever it is (success or failure). Creation is the machine's initial status, when it is
 * transitional: it starts when a history's first observation shows it. Operations whose transitions all lead to a
 * status that is not transitional take no time a history can show, and are left out.
 */
import type { StatusGraph } from '../graph/statusGraph.js';

/** The name of the creation span (the other spans are named after their operation event). */
export const CREATION = 'creation';

/** One kind of operation a history can show the duration of. */
export interface OperationSpan {
  /** The operation event's type, or {@link CREATION}. */
  name: string;
  /** The operation event, or null for creation. */
  event: string | null;
  /** The statuses it starts in (transitional ones). */
  starts: string[];
}

/** The operation spans of a service, with a lookup table by status pair. */
export interface OperationTable {
  spans: readonly OperationSpan[];
  /** `byPair[from * n + to]`: the index of the span a change from → to starts, or -1 (ids of `statusGraph`). */
  byPair: Int32Array;
  /** The index of the creation span, or -1 when the initial status is not transitional. */
  creation: number;
  /** 1 where the status (by id) is transitional. */
  transitional: Uint8Array;
}

const tables = new WeakMap<StatusGraph, OperationTable>();

/**
 * The operation spans of a compiled status graph (computed once per graph, from its transitions; `operationSpans`
 * takes a service).
 *
 * @example operationTable(statusGraph('dcs')).spans.map((s) => s.name) // ['creation', 'DELETE', 'RESTART', 'RESIZE', 'RESTORE']
 */
export function operationTable(graph: StatusGraph): OperationTable {
  let table = tables.get(graph);
  if (table === undefined) {
    table = build(graph);
    tables.set(graph, table);
  }
  return table;
}

function build(graph: StatusGraph): OperationTable {
  const n = graph.statuses.length;
  const transitional = Uint8Array.from(graph.tags, (tags) => (tags.includes('transitional') ? 1 : 0));
  const spans: OperationSpan[] = [];
  const byPair = new Int32Array(n * n).fill(-1);
  let creation = -1;
  if (transitional[graph.initial] === 1) {
    creation = spans.push({ name: CREATION, event: null, starts: [graph.statuses[graph.initial]!] }) - 1;
  }
  const byEvent = new Map<string, number>();
  for (const t of graph.transitions) {
    if (t.kind !== 'operation' || transitional[t.to] !== 1) continue;
    const cell = t.from * n + t.to;
    if (byPair[cell] !== -1) continue; // two operations for one status pair: the first listed names it
    let index = byEvent.get(t.event);
    if (index === undefined) {
      index = spans.push({ name: t.event, event: t.event, starts: [] }) - 1;
      byEvent.set(t.event, index);
    }
    const span = spans[index]!;
    const to = graph.statuses[t.to]!;
    if (!span.starts.includes(to)) span.starts.push(to);
    byPair[cell] = index;
  }
  return { spans, byPair, creation, transitional };
}
