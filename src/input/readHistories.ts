/** `readHistories`: a whole input read into one history per instance (for small inputs: viewers, inspectors). */
import type { Readable } from 'node:stream';
import type { Observation } from '../model/index.js';
import { type ReadOptions, readObservations } from './observationReader.js';

/** The observations of one instance, in input order. */
export interface History {
  /** The instance id; absent for records that carry none (they form one history). */
  instance?: string;
  observations: Observation[];
}

/**
 * Read an input and group its observations per instance, in the order instances are first seen. Records without
 * an instance id form one history without `instance`. Throws an `InputError` for bad or empty input.
 *
 * @example const [first] = await readHistories('examples/kafka-fleet.ndjson'); first.instance
 */
export async function readHistories(source: string | Readable, options: ReadOptions = {}): Promise<History[]> {
  const byInstance = new Map<string | undefined, Observation[]>();
  for await (const batch of readObservations(source, options).batches()) {
    for (const observation of batch) {
      let list = byInstance.get(observation.instance);
      if (list === undefined) {
        list = [];
        byInstance.set(observation.instance, list);
      }
      list.push(observation);
    }
  }
  return [...byInstance].map(([instance, observations]) =>
    instance === undefined ? { observations } : { instance, observations },
  );
}
