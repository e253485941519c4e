/**
 * `replayHistory`: run an observed history through a real xstate actor of the service's machine, one change of
 * status at a time, sending the events that explain each change (several events when statuses were missed in
 * sampled mode, or hidden sub-states moved; an operation record sends its operation). Where a status hides
 * sub-states, one path of leaf states consistent with the whole history is chosen first, so every event sent is
 * one the actor's state accepts. Attach an inspector (`inspect`) to watch the replay. The replay
 * stops at the first violation the validator finds, and reports it.
 */
import { type AnyActorRef, createActor, type InspectionEvent, type Observer } from 'xstate';
import type { Service } from '../../machines/index.js';
import { leafGraph, searchSteps } from '../graph/compileStatusGraph.js';
import { statusGraph } from '../graph/statusGraph.js';
import { checkNumber, leafOf, leafValue, lifecycleModel, type Observation, resolveService } from '../model/index.js';
import { type Clock, systemClock } from '../time/clock.js';
import { checkHistory, validateHistory } from '../validation/validateHistory.js';
import { checkValidationOptions, type ValidationMode, type Violation } from '../validation/validator.js';

/** Options of {@link replayHistory}. */
export interface ReplayOptions {
  /** How changes of status are judged (default `strict`). */
  mode?: ValidationMode;
  /** Require the history to start at the initial status (default false). */
  fromStart?: boolean;
  /** Milliseconds to wait before each change of status (default 0). */
  pace?: number;
  /** Where waiting happens (default the system clock; tests pass a virtual clock). */
  clock?: Clock;
  /** The xstate inspection observer to attach to the actor (e.g. a Stately inspector's `inspect`). */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** The actor's id (default: the service id). */
  id?: string;
  /** Called after each observation is replayed, with the events sent for it (empty for a repeat). */
  onStep?: (step: ReplayedStep) => void;
  /** Stops the replay between steps (the promise then rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** One replayed observation. */
export interface ReplayedStep {
  /** Position in the history. */
  index: number;
  /** The actor's status after it. */
  status: string;
  /** The events sent to the actor for it, in order. */
  events: string[];
}

/** What a replay did. */
export interface ReplayResult {
  /** True when the whole history was replayed. */
  ok: boolean;
  /** How many observations were replayed. */
  replayed: number;
  /** Every event sent to the actor, in order. */
  events: string[];
  /** The actor's status at the end (undefined when nothing could be replayed). */
  status?: string;
  /** The violation that stopped the replay. */
  stoppedBy?: Violation;
  /** The actor (still running; stop it when done). Undefined when the first observation already failed. */
  actor?: AnyActorRef;
}

/**
 * Replay a history (observations, or plain status strings) through an actor of the service's machine.
 *
 * @example
 * const result = await replayHistory('kafka', [{ status: 'RUNNING' }, { status: 'RESTARTING' }]);
 * result.events // ['RESTART']
 */
export async function replayHistory(
  service: string | Service,
  history: readonly (Observation | string)[],
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const entry = resolveService(service);
  checkHistory('replayHistory', history);
  checkValidationOptions('replayHistory', options.mode === undefined ? {} : { mode: options.mode });
  if (options.pace !== undefined) checkNumber('replayHistory', 'pace', options.pace, { min: 0 });
  const observations: Observation[] = [...history].map((item) => (typeof item === 'string' ? { status: item } : item));
  const verdict = validateHistory(entry, observations, {
    mode: options.mode ?? 'strict',
    fromStart: options.fromStart ?? false,
    explain: true,
  });
  const firstViolation = verdict.violations.reduce<Violation | undefined>(
    (first, v) => (first === undefined || v.index < first.index ? v : first),
    undefined,
  );
  const stopAt = firstViolation?.index ?? observations.length;
  const result: ReplayResult = { ok: firstViolation === undefined, replayed: 0, events: [] };
  if (firstViolation !== undefined) result.stoppedBy = firstViolation;
  if (stopAt === 0 || observations.length === 0) return result;

  const observed = observations.slice(0, stopAt);
  const witness = witnessPath(entry, observed, verdict.notes, options.mode ?? 'strict', options.fromStart ?? false);
  const machine = entry.machine;
  const actor = createActor(machine, {
    id: options.id ?? entry.id,
    snapshot: machine.resolveState({ value: leafValue(witness.start), context: undefined }),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  actor.start();
  result.actor = actor;
  result.status = statusOfLeaf(witness.start);

  const clock = options.clock ?? systemClock;
  const pace = options.pace ?? 0;
  for (let index = 0; index < stopAt; index++) {
    const events = witness.events[index]!;
    if (index > 0 && events.length > 0 && pace > 0) await clock.sleep(pace, options.signal);
    options.signal?.throwIfAborted();
    for (const type of events) actor.send({ type });
    const leaf = leafOf(actor.getSnapshot().value);
    if (leaf !== witness.leaves[index]) {
      throw new Error(
        `replay of ${entry.id}: events ${events.join(', ')} led to ${leaf}, not to ${witness.leaves[index]}`,
      );
    }
    const status = statusOfLeaf(leaf);
    result.events.push(...events);
    result.status = status;
    result.replayed = index + 1;
    options.onStep?.({ index, status, events: [...events] });
  }
  return result;
}

/** One path of leaf states through a legal history, with the events that lead from each to the next. */
interface Witness {
  /** Where the actor starts. */
  start: string;
  /** The leaf state after each record. */
  leaves: string[];
  /** The events sent for each record. */
  events: string[][];
}

/** How a leaf of a set was reached: from which leaf of the set before, by which events. */
type Reached = Map<number, { from: number; events: string[] }>;

/**
 * A path of leaf states consistent with a legal history: forward, the sets of leaf states the validator tracks;
 * backward, one leaf of each set from which the next chosen leaf is reached. Where a status hides sub-states, the
 * events of a step depend on which sub-state the instance was in, so the validator's explanations (shortest paths
 * from any possible leaf) cannot simply be chained.
 */
function witnessPath(
  entry: Service,
  observations: readonly Observation[],
  notes: readonly { index: number; status: string }[],
  mode: ValidationMode,
  fromStart: boolean,
): Witness {
  const graph = statusGraph(entry);
  const leaves = leafGraph(entry);
  const model = lifecycleModel(entry);
  const statusAt = (index: number) => graph.idOf(canonicalStatus(notes, observations[index]!.status, index));
  const step = (from: readonly number[], index: number): Reached => {
    const { operation, status } = observations[index]!;
    let current: Reached = new Map(from.map((leaf) => [leaf, { from: leaf, events: [] }]));
    if (operation !== undefined) {
      const next: Reached = new Map();
      for (const [leaf, how] of current)
        for (const t of model.transitions)
          if (t.kind === 'operation' && t.event === operation && t.fromLeaf === graph.leaves[leaf]) {
            const to = graph.leaves.indexOf(t.toLeaf);
            if (!next.has(to)) next.set(to, { from: how.from, events: [...how.events, operation] });
          }
      current = next;
    }
    if (status === '' && operation !== undefined) return current;
    const target = statusAt(index);
    const next: Reached = new Map();
    for (const [leaf, how] of current) if (graph.leafStatus[leaf] === target) next.set(leaf, how); // a repeat first
    for (const [leaf, how] of current)
      for (const [to, path] of searchSteps(leaves, [leaf], target, mode === 'sampled'))
        if (!next.has(to)) next.set(to, { from: how.from, events: [...how.events, ...path.events] });
    return next;
  };
  const first = observations[0]!;
  const start = fromStart
    ? [graph.sets[graph.initialSet]![0]!]
    : first.operation === undefined
      ? graph.leaves.flatMap((_, leaf) => (graph.leafStatus[leaf] === statusAt(0) ? [leaf] : []))
      : graph.leaves.map((_, leaf) => leaf);
  const sets: Reached[] = [];
  let previous: readonly number[] = start;
  for (let index = 0; index < observations.length; index++) {
    const reached = step(previous, index);
    sets.push(reached);
    previous = [...reached.keys()];
  }
  const chosen: number[] = new Array(observations.length);
  const events: string[][] = new Array(observations.length);
  let leaf = [...sets[sets.length - 1]!.keys()][0]!;
  for (let index = observations.length - 1; index >= 0; index--) {
    const how = sets[index]!.get(leaf)!;
    chosen[index] = leaf;
    events[index] = how.events;
    leaf = how.from;
  }
  return { start: graph.leaves[leaf]!, leaves: chosen.map((l) => graph.leaves[l]!), events };
}

function statusOfLeaf(leaf: string): string {
  return leaf.split('.')[0]!;
}

/** The model's spelling of an observed status (the validator's note when it normalised the spelling). */
function canonicalStatus(notes: readonly { index: number; status: string }[], given: string, index: number): string {
  return notes.find((note) => note.index === index)?.status ?? given;
}
