/**
 * `simulate`: a seeded random walk through a service's machine, as a timed history. Each status lasts a duration
 * drawn from its range ({@link durationTable}), then a weighted choice among its outgoing transitions
 * ({@link weightedTransitions}) picks the next status. With a poll interval, the result also holds what a poller
 * sees ({@link pollTimeline}). The same seed and options give the same output on every machine: the walk uses only
 * its seeded generator and the given start time (no `Math.random`, no `Date.now`).
 */
import {
  BadArgumentError,
  type EventKind,
  knownStatus,
  type LifecycleModel,
  lifecycleModel,
  type ServiceRef,
  type StatusOf,
  statusesTagged,
  type TransitionInfo,
} from '../model/index.js';
import { type DurationOptions, drawDuration, durationTable } from './durations.js';
import { pollTimeline, type TimedStatus } from './polling.js';
import { createRandom } from './random.js';
import { chooseTransition, type WeightOptions, weightedTransitions } from './weights.js';

/** The start time of a simulation unless told otherwise. */
export const DEFAULT_START = '2026-01-01T00:00:00.000Z';
/** The most transitions a simulation takes unless told otherwise. */
export const DEFAULT_STEPS = 100;

/** Options of {@link simulate}. */
export interface SimulationOptions<S extends ServiceRef = string> extends WeightOptions {
  /** Seed of the random walk: an integer from 0 to 2^32 - 1 (default 0). */
  seed?: number;
  /** The most transitions to take (default {@link DEFAULT_STEPS}); the walk also ends at a final status. */
  steps?: number;
  /** The status to start in (default the machine's initial status). */
  from?: StatusOf<S>;
  /** Time of the first observation: ISO 8601 text, epoch milliseconds or a Date (default {@link DEFAULT_START}). */
  start?: string | number | Date;
  /** How long statuses last. */
  durations?: DurationOptions;
  /** Enter a final status only when nothing else is possible, so the walk runs for all its steps (default false). */
  avoidFinal?: boolean;
  /** Also compute what a poller asking every `pollInterval` milliseconds sees, in `polled`. */
  pollInterval?: number;
  /** An instance id, copied into every observation. */
  instance?: string;
}

/** One observation: a status and when it was entered (or seen, for a poll). */
export interface SimulatedObservation {
  status: string;
  /** ISO 8601 time. */
  time: string;
  instance?: string;
}

/** One transition taken during a simulation. */
export interface SimulatedEvent {
  /** The machine's event type. */
  event: string;
  kind: EventKind;
  from: string;
  to: string;
  /** The leaf state left, where it is a hidden sub-state (`ERROR.whileDeleting`). */
  fromLeaf?: string;
  /** The leaf state entered, where it is a hidden sub-state. */
  toLeaf?: string;
  /** ISO 8601 time. */
  time: string;
}

/** The result of {@link simulate}. */
export interface Simulation {
  service: string;
  seed: number;
  /** The true history: every status when it was entered, one per transition (strictly legal). */
  observations: SimulatedObservation[];
  /** The transitions taken, in order (one fewer than observations). */
  events: SimulatedEvent[];
  /** When the simulation ends: the time of a final status, or when the last status's drawn duration is over. */
  end: string;
  /** True when the walk ended at a final status. */
  final: boolean;
  /** With `pollInterval`: what a poller sees (statuses repeat; statuses shorter than the interval may be missed). */
  polled?: SimulatedObservation[];
}

/**
 * A seeded, timed walk through a service's machine. Throws a RangeError for a bad option (unknown status, bad
 * seed, malformed duration or weight), naming what was wrong.
 *
 * The polled view is honest: it is exactly what a poller sees, so it may miss a stable status that lasted less
 * than the interval, and then sampled validation rejects it. Whenever every status that is not `transitional`
 * lasts at least the poll interval, the polled view validates in sampled mode: the default durations make stable
 * statuses last at least 10 minutes, so any interval up to 10 minutes is safe with them.
 *
 * @example
 * const { observations, polled } = simulate('kafka', { seed: 7, pollInterval: 60_000 });
 * validateHistory('kafka', observations, { fromStart: true }).ok // true
 * validateHistory('kafka', polled!, { mode: 'sampled' }).ok // true
 */
export function simulate<S extends ServiceRef>(service: S, options: SimulationOptions<S> = {}): Simulation {
  const model = lifecycleModel(service);
  const seed = options.seed ?? 0;
  const random = createRandom(seed);
  const steps = options.steps ?? DEFAULT_STEPS;
  if (!Number.isSafeInteger(steps) || steps < 0)
    throw new BadArgumentError(`steps must be a whole number >= 0, got ${steps}`);
  const from = knownStatus(model, options.from ?? model.initial);
  const startTime = toMillis(options.start ?? DEFAULT_START);
  const durations = durationTable(model, options.durations);
  const outgoing = weightedTransitions(model, options);
  const final = statusesTagged(model, 'final');

  const timeline: TimedStatus[] = [{ status: from, time: startTime }];
  const taken: (Omit<SimulatedEvent, 'time'> & { time: number })[] = [];
  let status = from;
  let leaf = initialLeaf(model, from);
  let time = startTime;
  let end: number | undefined;
  for (;;) {
    if (final.has(status)) break;
    const duration = drawDuration(random, durations.get(status)!);
    let candidates = outgoing.get(leaf) ?? [];
    if (options.avoidFinal) {
      const lasting = candidates.filter((c) => !final.has(c.transition.to));
      if (lasting.length > 0) candidates = lasting;
    }
    const transition = taken.length < steps ? chooseTransition(random, candidates) : undefined;
    if (transition === undefined) {
      end = time + duration;
      break;
    }
    time += duration;
    taken.push({ ...eventOf(transition), time });
    timeline.push({ status: transition.to, time });
    status = transition.to;
    leaf = transition.toLeaf;
  }

  const observe = ({ status, time }: TimedStatus): SimulatedObservation =>
    options.instance === undefined
      ? { status, time: iso(time) }
      : { status, time: iso(time), instance: options.instance };
  const simulation: Simulation = {
    service: model.service,
    seed,
    observations: timeline.map(observe),
    events: taken.map((e) => ({ ...e, time: iso(e.time) })),
    end: iso(end ?? time),
    final: end === undefined,
  };
  if (options.pollInterval !== undefined)
    simulation.polled = pollTimeline(timeline, options.pollInterval, end).map(observe);
  return simulation;
}

/** The leaf a status is entered at: itself, or its initial sub-state. */
export function initialLeaf(model: LifecycleModel, status: string): string {
  return model.states.find((s) => s.status === status)?.initialSubState ?? status;
}

/** A transition taken, as a simulated event (leaves named only where they are hidden sub-states). */
export function eventOf(transition: TransitionInfo): Omit<SimulatedEvent, 'time'> {
  const { event, kind, from, to, fromLeaf, toLeaf } = transition;
  return {
    event,
    kind,
    from,
    to,
    ...(fromLeaf === from ? {} : { fromLeaf }),
    ...(toLeaf === to ? {} : { toLeaf }),
  };
}

function toMillis(start: string | number | Date): number {
  const ms = typeof start === 'number' ? start : start instanceof Date ? start.getTime() : Date.parse(start);
  if (!Number.isFinite(ms)) throw new BadArgumentError(`start: unreadable time ${JSON.stringify(String(start))}`);
  return ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
