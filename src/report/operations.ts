/**
 * `operationSpans`: which stretches of a history are an operation in progress, derived from the machine (no status
 * is named here). An operation starts when an instance enters a `transitional` status by a transition whose event
 * is an `operation` (a user's request: RESTART, RESIZE, DELETE...), and ends at the first status after it that is
 * not transitional, whichever it is (success or failure). Creation is the machine's initial status, when it is
 * transitional: it starts when a history's first observation shows it. Operations whose transitions all lead to a
 * status that is not transitional take no time a history can show, and are left out.
 */
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/statusGraph.js';
import { lifecycleModel, perService } from '../model/index.js';

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

/**
 * The operation spans of a service (computed once per service).
 *
 * @example operationSpans('dcs').spans.map((s) => s.name) // ['creation', 'DELETE', 'RESTART', 'RESIZE', 'RESTORE']
 */
export const operationSpans: (service: string | Service) => OperationTable = perService(build);

function build(entry: Service): OperationTable {
  const model = lifecycleModel(entry);
  const graph = statusGraph(entry);
  const n = graph.statuses.length;
  const transitional = Uint8Array.from(graph.tags, (tags) => (tags.includes('transitional') ? 1 : 0));
  const spans: OperationSpan[] = [];
  const byPair = new Int32Array(n * n).fill(-1);
  let creation = -1;
  if (transitional[graph.initial] === 1) {
    creation = spans.push({ name: CREATION, event: null, starts: [model.initial] }) - 1;
  }
  const byEvent = new Map<string, number>();
  for (const t of model.transitions) {
    const to = graph.idOf(t.to);
    if (t.kind !== 'operation' || transitional[to] !== 1) continue;
    const cell = graph.idOf(t.from) * n + to;
    if (byPair[cell] !== -1) continue; // two operations for one status pair: the first listed names it
    let index = byEvent.get(t.event);
    if (index === undefined) {
      index = spans.push({ name: t.event, event: t.event, starts: [] }) - 1;
      byEvent.set(t.event, index);
    }
    const span = spans[index]!;
    if (!span.starts.includes(t.to)) span.starts.push(t.to);
    byPair[cell] = index;
  }
  return { spans, byPair, creation, transitional };
}
