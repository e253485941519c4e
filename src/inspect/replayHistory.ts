/**
 * `replayHistory`: run an observed history through a real xstate actor of the service's machine, one change of
 * status at a time, sending the events the validator gives as the explanation of each change (several events
 * when statuses were missed in sampled mode). Attach an inspector (`inspect`) to watch the replay. The replay
 * stops at the first violation the validator finds, and reports it.
 */
import { type AnyActorRef, createActor, type InspectionEvent, type Observer } from 'xstate';
import type { Service } from '../../machines/index.js';
import { checkNumber, type Observation, resolveService } from '../model/index.js';
import { type Clock, systemClock } from '../time/clock.js';
import {
  checkHistory,
  checkValidationOptions,
  type ValidationMode,
  type Violation,
  validateHistory,
} from '../validation/validator.js';

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

  const start = canonicalStatus(verdict.notes, observations[0]!.status, 0);
  const machine = entry.machine;
  const actor = createActor(machine, {
    id: options.id ?? entry.id,
    snapshot: machine.resolveState({ value: start, context: undefined }),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  actor.start();
  result.actor = actor;
  result.status = start;
  result.replayed = 1;
  options.onStep?.({ index: 0, status: start, events: [] });

  const explained = new Map((verdict.steps ?? []).map((step) => [step.index, step]));
  const clock = options.clock ?? systemClock;
  const pace = options.pace ?? 0;
  for (let index = 1; index < stopAt; index++) {
    const step = explained.get(index);
    const events = step ? step.events : [];
    if (events.length > 0 && pace > 0) await clock.sleep(pace, options.signal);
    options.signal?.throwIfAborted();
    for (const type of events) actor.send({ type });
    const status = String(actor.getSnapshot().value);
    if (step && status !== step.to) {
      throw new Error(`replay of ${entry.id}: events ${events.join(', ')} led to ${status}, not to ${step.to}`);
    }
    result.events.push(...events);
    result.status = status;
    result.replayed = index + 1;
    options.onStep?.({ index, status, events: [...events] });
  }
  return result;
}

/** The model's spelling of an observed status (the validator's note when it normalised the spelling). */
function canonicalStatus(notes: readonly { index: number; status: string }[], given: string, index: number): string {
  return notes.find((note) => note.index === index)?.status ?? given;
}
