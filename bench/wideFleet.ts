/**
 * `writeWideFleet`: generate the fleets of the memory-per-instance figures: many instances with a few records each
 * (or one), every history legal (the machine's initial status, then a status a transition leads to, repeated) or
 * every one illegal (a status other than the initial one, then one no transition leads to from it, and so on by
 * turns: illegal from its second record on, and from its first with `--from-start`). Statuses come from the machine.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { statusGraph } from '../src/graph/statusGraph.js';
import { KEPT_PROBLEM_BYTES } from '../src/validation/compactFleet.js';
import { createFleetValidator } from '../src/validation/fleetValidator.js';

/**
 * Two statuses in a row that are legal (`legal`) or illegal (`illegal`) for the service, from its machine; the first
 * of an illegal pair is not the initial status (so a history starting with it is illegal with `--from-start`).
 */
export function statusPair(service: string, kind: 'legal' | 'illegal'): [string, string] {
  const graph = statusGraph(service);
  for (let from = 0; from < graph.statuses.length; from++) {
    if (graph.final[from] || (kind === 'illegal' && from === graph.initial)) continue;
    for (let to = 0; to < graph.statuses.length; to++) {
      if (to === from) continue;
      const legal = graph.strict[from * graph.statuses.length + to]! >= 0;
      if (legal === (kind === 'legal')) return [graph.statuses[from]!, graph.statuses[to]!];
    }
  }
  throw new Error(`${service} has no ${kind} pair of statuses`);
}

/**
 * Write an NDJSON log of `records` records (default two per instance) over `instances` instances of `service`, in
 * rounds (every instance's first record, then every instance's second...), every history `kind`.
 *
 * @example await writeWideFleet('/tmp/wide.ndjson', 'kafka', 200_000, 'illegal')
 */
export async function writeWideFleet(
  path: string,
  service: string,
  instances: number,
  kind: 'legal' | 'illegal',
  records = 2 * instances,
): Promise<void> {
  const pair = statusPair(service, kind);
  const out = createWriteStream(path);
  let chunk = '';
  for (let written = 0, round = 0; written < records; round++) {
    const status = wideStatus(pair, kind, round);
    for (let i = 0; i < instances && written < records; i++, written++) {
      chunk += `{"instance_id":"${service}-${String(i).padStart(7, '0')}","status":"${status}"}\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The status of every instance's record number `round` in a wide fleet (see {@link writeWideFleet}). */
function wideStatus([first, second]: [string, string], kind: 'legal' | 'illegal', round: number): string {
  return round === 0 || (kind === 'illegal' && round % 2 === 0) ? first : second;
}

/**
 * The bytes of the problems the compact fleet keeps for a wide fleet (as {@link writeWideFleet} writes it): each
 * instance's kept violations and missed statuses (at most 100 of each kind), at {@link KEPT_PROBLEM_BYTES} each.
 *
 * @example keptProblemBytes('kafka', 100_000, 'illegal', 1_000_000, true) // 9,600,000: 6 kept problems per instance
 */
export function keptProblemBytes(
  service: string,
  instances: number,
  kind: 'legal' | 'illegal',
  records: number,
  fromStart: boolean,
): number {
  const pair = statusPair(service, kind);
  const kept = (length: number) => {
    const fleet = createFleetValidator(service, { fromStart }); // keeps what validate keeps
    for (let round = 0; round < length; round++) fleet.push({ instance: 'a', status: wideStatus(pair, kind, round) });
    const [history] = fleet.report().histories;
    return history === undefined ? 0 : history.violations.length + history.missed.length;
  };
  const rounds = Math.floor(records / instances);
  const longer = records - rounds * instances; // instances with one record more
  return KEPT_PROBLEM_BYTES * (longer * kept(rounds + 1) + (instances - longer) * kept(rounds));
}
