/**
 * Statuses per second of the compiled validator, of the xstate-replay reference, and of the floor (a loop that
 * only maps each status string to its id), on the same generated legal histories.
 */
import { statusGraph } from '../src/graph/statusGraph.js';
import { lifecycleModel } from '../src/model/index.js';
import { validateByReplay } from '../src/testing/replayValidator.js';
import { createValidator } from '../src/validation/validateHistory.js';
import type { ValidationMode } from '../src/validation/validator.js';
import { seededRandom } from './fleetLog.js';

/** The measured rates for one service. */
export interface StatusRates {
  service: string;
  /** Compiled validator, per mode. */
  compiled: Record<ValidationMode, number>;
  /** The xstate replay reference, per mode (on a prefix of the data: it is slow). */
  reference: Record<ValidationMode, number>;
  /** Mapping each status to its id, nothing else. */
  floor: number;
}

/**
 * Legal histories of a service, `total` statuses in all: random walks of the machine from its initial status in
 * which every step is a transition (so every step costs the reference a replay). A walk avoids statuses that lead
 * only to a final status while it has another way on, and ends at a final status or after `length` statuses.
 */
export function legalWalks(service: string, total: number, length: number): string[][] {
  const model = lifecycleModel(service);
  // walked leaf state by leaf state, taking only transitions that change the status shown
  const next = new Map(
    model.leaves.map((l) => [
      l.leaf,
      model.transitions.filter((t) => t.fromLeaf === l.leaf && t.to !== t.from).map((t) => t.toLeaf),
    ]),
  );
  // leaves from which a walk can go on for ever (not forced into a final status): preferred, so walks are long
  const live = new Set(model.leaves.map((l) => l.leaf));
  for (let changed = true; changed; ) {
    changed = false;
    for (const leaf of live) {
      if (!next.get(leaf)!.some((to) => live.has(to))) {
        live.delete(leaf);
        changed = true;
      }
    }
  }
  const random = seededRandom(7);
  const walks: string[][] = [];
  for (let done = 0; done < total; ) {
    let current = model.initialLeaf;
    const walk: string[] = [current];
    for (let options = next.get(current)!; walk.length < length && options.length > 0; options = next.get(current)!) {
      const onward = options.filter((to) => live.has(to));
      const choices = onward.length > 0 ? onward : options;
      current = choices[Math.floor(random() * choices.length)]!;
      walk.push(current);
    }
    walks.push(walk.map((leaf) => leaf.split('.')[0]!));
    done += walk.length;
  }
  return walks;
}

/** Best of `repeats` timings of `run` (which handles `count` statuses), as statuses per second. */
function rate(count: number, repeats: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return count / (best / 1000);
}

/** Measure the three rates for a service on `total` generated statuses. */
export function measureStatusRates(service: string, total = 2_000_000): StatusRates {
  const walks = legalWalks(service, total, 1000);
  const count = walks.reduce((n, walk) => n + walk.length, 0);
  const graph = statusGraph(service);
  let sink = 0;
  const compiled = (mode: ValidationMode) =>
    rate(count, 5, () => {
      for (const walk of walks) {
        const validator = createValidator(service, { mode });
        for (const status of walk) validator.pushStatus(status);
        if (!validator.verdict().ok) throw new Error(`bench data is not legal in ${mode} mode`);
      }
    });
  const floor = rate(count, 5, () => {
    for (const walk of walks) for (const status of walk) sink += graph.idOf(status);
  });
  const sample: string[][] = [];
  for (let n = 0, i = 0; n < 2000 && i < walks.length; n += walks[i]!.length, i++) sample.push(walks[i]!);
  const sampleCount = sample.reduce((n, walk) => n + walk.length, 0);
  const reference = (mode: ValidationMode) =>
    rate(sampleCount, 1, () => {
      for (const walk of sample)
        if (!validateByReplay(service, walk, mode).ok) throw new Error('bench data is not legal for the reference');
    });
  if (sink < 0) throw new Error('unreachable');
  return {
    service,
    compiled: { strict: compiled('strict'), sampled: compiled('sampled') },
    reference: { strict: reference('strict'), sampled: reference('sampled') },
    floor,
  };
}
