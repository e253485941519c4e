/**
 * The compiler of status graphs: a service's machine determinized (subset construction over its leaf states, see
 * `statusGraph.ts`) into the graph's plain data, and the leaf graph and shortest-path search it is built on.
 * Everything comes from the plain-data model (xstate's own transition resolution, leaf by leaf).
 */
import type { Service } from '../../machines/index.js';
import { lifecycleModel } from '../model/lifecycleModel.js';
import { perService } from '../model/perService.js';
import {
  type StatusGraph,
  type StatusGraphData,
  type StepExplanation,
  statusGraphOfData,
} from './statusGraphOfData.js';

/**
 * The graph of a service compiled from its machine, here and now (never from precompiled tables), cached per
 * service. The precompiled tables are this function's data, written at build time.
 *
 * @example compiledStatusGraph('kafka').statuses // the same as statusGraph('kafka').statuses
 */
export const compiledStatusGraph: (service: string | Service) => StatusGraph = perService((entry) =>
  statusGraphOfData(statusGraphData(entry)),
);

/** One leaf-to-leaf transition, by ids. */
interface Edge {
  readonly to: number;
  readonly event: string;
}

/** The compiled leaf graph a search runs on. */
export interface LeafGraph {
  readonly leafStatus: Int32Array;
  readonly transitional: Uint8Array;
  readonly edges: readonly (readonly Edge[])[];
  readonly statuses: readonly string[];
}

/** A path found by {@link searchSteps}: where it starts, the events taken and the leaves passed, the statuses missed. */
export interface LeafPath {
  /** The leaf the path starts from (one of the sources). */
  readonly source: number;
  readonly events: readonly string[];
  /** The leaves after each event (the last is where the path ends). */
  readonly leaves: readonly number[];
  readonly missed: readonly string[];
}

const PHASES = 3; // 0: still in the status left, 1: passing missed statuses, 2: in the status observed

/**
 * Where observing status `target` may leave an instance that was in one of `sources` (leaf ids): every leaf of
 * `target` so reachable, with the shortest path to it (breadth first, edges in machine order), in the order found.
 * A path first moves between sub-states of the status it starts in, then (unless `target` is that status) changes
 * status once (`strict`) or through `transitional` statuses only (`sampled`), then moves between sub-states of
 * `target`.
 */
export function searchSteps(
  graph: LeafGraph,
  sources: readonly number[],
  target: number,
  sampled: boolean,
): Map<number, LeafPath> {
  const { leafStatus, transitional, edges } = graph;
  const size = leafStatus.length * PHASES;
  const parent = new Int32Array(size).fill(-2);
  const via: (string | undefined)[] = new Array(size);
  const queue: number[] = [];
  const found = new Map<number, LeafPath>();
  const visit = (node: number, from: number, event: string | undefined) => {
    if (parent[node] !== -2) return;
    parent[node] = from;
    via[node] = event;
    queue.push(node);
    const leaf = Math.floor(node / PHASES);
    const phase = node % PHASES;
    if ((phase === 2 || (phase === 0 && leafStatus[leaf] === target)) && !found.has(leaf))
      found.set(leaf, pathTo(node));
  };
  const pathTo = (node: number): LeafPath => {
    const events: string[] = [];
    const leaves: number[] = [];
    const missed: string[] = [];
    let at = node;
    for (; parent[at]! >= 0; at = parent[at]!) {
      events.push(via[at]!);
      leaves.push(Math.floor(at / PHASES));
      if (at % PHASES === 1) {
        const status = graph.statuses[leafStatus[Math.floor(at / PHASES)]!]!;
        if (missed[missed.length - 1] !== status) missed.push(status);
      }
    }
    const source = Math.floor(at / PHASES);
    return { source, events: events.reverse(), leaves: leaves.reverse(), missed: missed.reverse() };
  };
  for (const source of sources) visit(source * PHASES, -1, undefined);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const leaf = Math.floor(node / PHASES);
    const phase = node % PHASES;
    const status = leafStatus[leaf]!;
    for (const edge of edges[leaf]!) {
      const next = leafStatus[edge.to]!;
      if (phase === 0 && next === status) visit(edge.to * PHASES, node, edge.event);
      else if (phase === 2 && next === target) visit(edge.to * PHASES + 2, node, edge.event);
      else {
        if (next === target) visit(edge.to * PHASES + 2, node, edge.event);
        const passing = phase === 1 || phase === 0 || transitional[target] === 1;
        if (sampled && passing && transitional[next] === 1) visit(edge.to * PHASES + 1, node, edge.event);
      }
    }
  }
  return found;
}

/**
 * The leaf graph of a service (for {@link searchSteps}), cached per service.
 *
 * @example searchSteps(leafGraph('kafka'), [0], 1, false)
 */
export const leafGraph: (service: string | Service) => LeafGraph = perService((entry) => {
  const model = lifecycleModel(entry);
  const statuses = model.states.map((s) => s.status);
  const statusIds = new Map(statuses.map((s, i) => [s, i]));
  const leafIds = new Map(model.leaves.map((l, i) => [l.leaf, i]));
  const edges: Edge[][] = model.leaves.map(() => []);
  for (const t of model.transitions)
    edges[leafIds.get(t.fromLeaf)!]!.push({ to: leafIds.get(t.toLeaf)!, event: t.event });
  return {
    statuses,
    leafStatus: Int32Array.from(model.leaves, (l) => statusIds.get(l.status)!),
    transitional: Uint8Array.from(model.states, (s) => (s.tags.includes('transitional') ? 1 : 0)),
    edges,
  };
});

/**
 * Compile a service's machine into the graph's plain data: the subset construction over its leaf states.
 *
 * @example statusGraphData(kafka).sets.length // the sets of leaf states reachable
 */
export function statusGraphData(entry: Service): StatusGraphData {
  const model = lifecycleModel(entry);
  const graph = leafGraph(entry);
  const statuses = graph.statuses;
  const n = statuses.length;
  const ids = new Map<string, number>(statuses.map((status, id) => [status, id]));
  const aliases = new Map<string, number>();
  model.states.forEach((s, id) => {
    for (const alias of s.aliases ?? []) aliases.set(alias, id);
  });
  for (const alias of aliases.keys()) {
    if (ids.has(alias)) throw new Error(`machine ${entry.id}: alias ${alias} is also a status`);
  }
  const leaves = model.leaves.map((l) => l.leaf);
  const leafIds = new Map(leaves.map((leaf, i) => [leaf, i]));
  const operations = [...new Set(model.transitions.filter((t) => t.kind === 'operation').map((t) => t.event))];
  const byOperation = operations.map((operation) =>
    model.transitions.filter((t) => t.kind === 'operation' && t.event === operation),
  );

  const sets: number[][] = [];
  const setIds = new Map<string, number>();
  const add = (set: readonly number[]): number => {
    const sorted = [...new Set(set)].sort((a, b) => a - b);
    const key = sorted.join(',');
    let id = setIds.get(key);
    if (id === undefined) {
      id = sets.push(sorted) - 1;
      setIds.set(key, id);
    }
    return id;
  };
  const unknownSet = add(leaves.map((_, i) => i));
  const initialSet = add([leafIds.get(model.initialLeaf)!]);
  const leafStatus = graph.leafStatus;
  // the status-level view: from every leaf of a status at once
  const statusSet = statuses.map((_, status) =>
    add(leaves.flatMap((_, leaf) => (leafStatus[leaf] === status ? [leaf] : []))),
  );

  const explanations: StepExplanation[] = [];
  const explanationIds = new Map<string, number>();
  const explain = (path: LeafPath, source: number): number => {
    const names = [source, ...path.leaves].map((leaf) => leaves[leaf]!);
    const hidden = names.some((leaf) => leaf.includes('.'));
    const explanation: StepExplanation = hidden
      ? { events: path.events, missed: path.missed, leaves: names }
      : { events: path.events, missed: path.missed };
    const key = JSON.stringify(explanation);
    let id = explanationIds.get(key);
    if (id === undefined) {
      id = explanations.push(explanation) - 1;
      explanationIds.set(key, id);
    }
    return id;
  };
  const next: number[][] = [[], []]; // by mode (0 strict, 1 sampled): flat rows of n cells
  const why: number[][] = [[], []];
  const nextOperation: number[] = [];
  for (let set = 0; set < sets.length; set++) {
    const members = sets[set]!;
    const own = setStatusOf(members, graph.leafStatus);
    for (const mode of [0, 1]) {
      for (let status = 0; status < n; status++) {
        const found = searchSteps(graph, members, status, mode === 1);
        if (found.size === 0) {
          next[mode]!.push(-1);
          why[mode]!.push(-1);
          continue;
        }
        next[mode]!.push(add([...found.keys()]));
        const [first] = found.values();
        const changed = set !== unknownSet && own !== status;
        why[mode]!.push(changed ? explain(first!, first!.source) : -1);
      }
    }
    for (const transitions of byOperation) {
      const targets = transitions.filter((t) => members.includes(leafIds.get(t.fromLeaf)!));
      nextOperation.push(targets.length === 0 ? -1 : add(targets.map((t) => leafIds.get(t.toLeaf)!)));
    }
  }

  const setStatus = Int32Array.from(sets, (members) => setStatusOf(members, leafStatus));
  const statusTable = (mode: number) => {
    const table = new Int32Array(n * n).fill(-1);
    statuses.forEach((_, from) => {
      const row = statusSet[from]!;
      for (let to = 0; to < n; to++) {
        if (from === to) continue;
        const cell = row * n + to;
        if (next[mode]![cell]! >= 0) table[from * n + to] = why[mode]![cell]!;
      }
    });
    return table;
  };
  const packed = (mode: number) =>
    Int32Array.from(next[mode]!, (to, cell) => {
      if (to < 0) return -1;
      const reason = why[mode]![cell]!;
      return to * 2 + (reason >= 0 && explanations[reason]!.missed.length > 0 ? 1 : 0);
    });
  const strict = statusTable(0);
  const sampled = statusTable(1);
  const targets = (table: Int32Array, from: number) => statuses.filter((_, to) => table[from * n + to]! >= 0);
  return {
    service: entry.id,
    statuses,
    initial: ids.get(model.initial)!,
    final: model.states.map((s) => (s.tags.includes('final') ? 1 : 0)),
    tags: model.states.map((s) => s.tags),
    aliases: model.states.map((s) => s.aliases ?? []),
    leaves,
    leafStatus: [...leafStatus],
    sets,
    setStatus: [...setStatus],
    unknownSet,
    initialSet,
    nextStrict: next[0]!,
    nextSampled: next[1]!,
    whyStrict: why[0]!,
    whySampled: why[1]!,
    stepStrict: [...packed(0)],
    stepSampled: [...packed(1)],
    operations,
    nextOperation,
    strict: [...strict],
    sampled: [...sampled],
    explanations,
    allowedStrict: statuses.map((_, from) => targets(strict, from)),
    allowedSampled: statuses.map((_, from) => targets(sampled, from)),
    transitions: model.transitions.map((t) => ({
      from: ids.get(t.from)!,
      to: ids.get(t.to)!,
      event: t.event,
      kind: t.kind,
    })),
  };
}

function setStatusOf(members: readonly number[], leafStatus: Int32Array): number {
  const first = leafStatus[members[0]!]!;
  return members.every((leaf) => leafStatus[leaf] === first) ? first : -1;
}
