/**
 * `selectHistories`: the histories a viewer page embeds from an input of any size. A page that embedded a whole
 * fleet log would grow with it (78 bytes of HTML per record), so the input is read twice, streaming: first every
 * instance is validated (memory per instance, not per record), then the observations of the chosen instances
 * are collected: those with problems first, then the others, in input order, at most `maxInstances` of them and at
 * most `maxObservations` each. What was left out is counted, for the page to say. Standard input is spooled to a
 * temporary file, since it cannot be read twice. Memory is bounded by what is kept: the validator's state per
 * instance, and the chosen observations (their texts copied out of the chunks read, see `detachString`).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Service } from '../../machines/index.js';
import { type ReadOptions, readObservations, STDIN_NAME } from '../input/index.js';
import { BadArgumentError, type Observation, resolveService } from '../model/index.js';
import { detachString } from '../validation/detachString.js';
import { createFleetValidator, type ValidationMode } from '../validation/index.js';
import type { ViewerHistory } from './viewerData.js';

/** The default most instances a page embeds. */
export const DEFAULT_MAX_INSTANCES = 200;
/** The default most observations of one instance a page embeds. */
export const DEFAULT_MAX_OBSERVATIONS = 5_000;

/** Options of {@link selectHistories}. */
export interface SelectHistoriesOptions extends ReadOptions {
  mode?: ValidationMode;
  fromStart?: boolean;
  /** At most this many instances (default {@link DEFAULT_MAX_INSTANCES}). */
  maxInstances?: number;
  /** At most this many observations of each (default {@link DEFAULT_MAX_OBSERVATIONS}); the first ones are kept. */
  maxObservations?: number;
  /** Only this instance (its id as the input writes it). */
  instance?: string;
}

/** What {@link selectHistories} chose. */
export interface SelectedHistories {
  histories: ViewerHistory[];
  /** Instances considered: every instance of the input, or the one asked for. */
  instances: number;
  /** Instances considered that have a problem. */
  illegal: number;
  /** What the selection leaves out of those considered. */
  omitted: { instances: number; observations: number };
}

/**
 * Choose and read the histories to show.
 *
 * @example const { histories, omitted } = await selectHistories('kafka', 'fleet.ndjson', { mode: 'sampled' });
 */
export async function selectHistories(
  service: string | Service,
  source: string | Readable,
  options: SelectHistoriesOptions = {},
): Promise<SelectedHistories> {
  const entry = resolveService(service);
  const maxInstances = options.maxInstances ?? DEFAULT_MAX_INSTANCES;
  const maxObservations = options.maxObservations ?? DEFAULT_MAX_OBSERVATIONS;
  if (!(maxInstances >= 1) || !(maxObservations >= 1)) {
    throw new BadArgumentError('maxInstances and maxObservations must be at least 1');
  }
  const spooled = await spoolStandardInput(source, options);
  try {
    // messages name the input as the user gave it, not the spool file
    const name = source === '-' ? STDIN_NAME : (options.name ?? '<stream>');
    const read = () =>
      spooled
        ? readObservations(createReadStream(spooled.file), { ...options, name })
        : readObservations(source, options);
    // pass 1: every instance's verdict, keeping no details
    const fleet = createFleetValidator(entry, {
      mode: options.mode ?? 'strict',
      fromStart: options.fromStart ?? false,
      maxDetails: 0,
    });
    for await (const batch of read().batches()) fleet.pushAll(batch);
    const report = fleet.report();
    const key = (instance: string | null | undefined) =>
      instance === undefined || instance === null ? '' : `#${instance}`;
    let candidates = report.histories;
    if (options.instance !== undefined) {
      candidates = candidates.filter((h) => h.instance === options.instance);
      if (candidates.length === 0) throw new BadArgumentError(`no instance "${options.instance}" in the input`);
    }
    const chosen = [...candidates.filter((h) => !h.ok), ...candidates.filter((h) => h.ok)].slice(0, maxInstances);
    const wanted = new Map<string, Observation[]>(chosen.map((h) => [key(h.instance), []]));
    // pass 2: the observations of the chosen instances
    let kept = 0;
    for await (const batch of read().batches()) {
      for (const observation of batch) {
        const list = wanted.get(key(observation.instance));
        if (list !== undefined && list.length < maxObservations) {
          list.push(detached(observation));
          kept++;
        }
      }
    }
    const histories = chosen.map((h): ViewerHistory => {
      const observations = wanted.get(key(h.instance))!;
      return h.instance === null ? { observations } : { instance: h.instance, observations };
    });
    const observations = candidates.reduce((sum, h) => sum + h.observations, 0);
    return {
      histories,
      instances: candidates.length,
      illegal: candidates.filter((h) => !h.ok).length,
      omitted: { instances: candidates.length - histories.length, observations: observations - kept },
    };
  } finally {
    if (spooled) await rm(spooled.dir, { recursive: true, force: true });
  }
}

/**
 * A kept observation whose texts are strings of their own: a text read from the input may be a view into the
 * chunk it was read in, and a few observations kept from every chunk would keep the whole input in memory.
 */
function detached(observation: Observation): Observation {
  const copy: Record<string, unknown> = { ...observation };
  for (const [key, value] of Object.entries(copy)) if (typeof value === 'string') copy[key] = detachString(value);
  return copy as unknown as Observation;
}

/** Standard input (or a stream) copied to a temporary file, or undefined for a file path. */
async function spoolStandardInput(
  source: string | Readable,
  options: ReadOptions,
): Promise<{ dir: string; file: string } | undefined> {
  if (source !== '-' && typeof source === 'string') return undefined;
  const stream = typeof source === 'string' ? (options.stdin ?? process.stdin) : source;
  const dir = await mkdtemp(join(tmpdir(), 'instance-lifecycle-view-'));
  const file = join(dir, 'input');
  await pipeline(stream, createWriteStream(file));
  return { dir, file };
}
