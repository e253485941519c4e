/**
 * `writeFleetLog`: generate an NDJSON fleet log for the benchmark: interleaved instances, each following a legal
 * (strict) path through the service's machine, polled (a status often repeats), with increasing ISO times.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { lifecycleModel } from '../src/model/index.js';

/** A small deterministic random generator (so every run measures the same data). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Write `records` NDJSON records of `instances` instances of `service` to `path`.
 *
 * @example await writeFleetLog('/tmp/fleet.ndjson', 'kafka', 1_000_000, 10_000)
 */
export async function writeFleetLog(path: string, service: string, records: number, instances: number): Promise<void> {
  const model = lifecycleModel(service);
  // walked leaf state by leaf state (a status may hide sub-states); the log shows the status
  const next = new Map(
    model.leaves.map((l) => [l.leaf, model.transitions.filter((t) => t.fromLeaf === l.leaf).map((t) => t.toLeaf)]),
  );
  const random = seededRandom(42);
  const current = Array.from({ length: instances }, () => model.initialLeaf);
  const names = Array.from({ length: instances }, (_, i) => `${service}-${String(i).padStart(6, '0')}`);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const out = createWriteStream(path);
  let chunk = '';
  for (let i = 0; i < records; i++) {
    const k = Math.floor(random() * instances);
    const options = next.get(current[k]!)!;
    if (options.length > 0 && random() < 0.3) current[k] = options[Math.floor(random() * options.length)]!;
    const status = current[k]!.split('.')[0];
    chunk += `{"time":"${new Date(start + i * 1000).toISOString()}","instance_id":"${names[k]}","status":"${status}"}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
