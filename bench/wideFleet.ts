/**
 * `writeWideFleet`: generate the fleets of the memory-per-instance figures: many instances with two records
 * each, every history legal (the machine's initial status, then a status a transition leads to) or every one
 * illegal (a status, then one no transition leads to from it). Statuses come from the machine.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { statusGraph } from '../src/graph/statusGraph.js';

/** Two statuses in a row that are legal (`legal`) or illegal (`illegal`) for the service, from its machine. */
export function statusPair(service: string, kind: 'legal' | 'illegal'): [string, string] {
  const graph = statusGraph(service);
  for (let from = 0; from < graph.statuses.length; from++) {
    if (graph.final[from]) continue;
    for (let to = 0; to < graph.statuses.length; to++) {
      if (to === from) continue;
      const legal = graph.strict[from * graph.statuses.length + to]! >= 0;
      if (legal === (kind === 'legal')) return [graph.statuses[from]!, graph.statuses[to]!];
    }
  }
  throw new Error(`${service} has no ${kind} pair of statuses`);
}

/**
 * Write an NDJSON log of `instances` instances of `service`, two records each (all first records, then all
 * second ones), every history `kind`.
 *
 * @example await writeWideFleet('/tmp/wide.ndjson', 'kafka', 200_000, 'illegal')
 */
export async function writeWideFleet(
  path: string,
  service: string,
  instances: number,
  kind: 'legal' | 'illegal',
): Promise<void> {
  const pair = statusPair(service, kind);
  const out = createWriteStream(path);
  for (const status of pair) {
    let chunk = '';
    for (let i = 0; i < instances; i++) {
      chunk += `{"instance_id":"${service}-${String(i).padStart(7, '0')}","status":"${status}"}\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
