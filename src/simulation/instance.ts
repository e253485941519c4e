/**
 * `createSimulatedInstance`: a fake cloud instance for testing polling code without a cloud account. It holds a
 * status, moves on by itself on a {@link Clock} (a virtual one by default: no real sleeping), answers `status()`
 * like the API's query, and accepts the machine's operations only where the machine allows them.
 *
 * Time is read lazily: whenever the instance is asked anything, every outcome due by `clock.now()` happens first,
 * at the moment it was due. On entering a status the instance draws how long it stays there and which outcome
 * ends it (seeded), so the same seed, requests and request times give the same life.
 *
 * A hidden sub-state other than its status's initial one, which outcomes leave, is work in progress behind a status
 * that does not say so (Kafka's `ERROR.whileDeleting`, DCS's `RUNNING.deletionAccepted`): the instance leaves it by
 * itself, like a `transitional` status, after a duration from the `transitional` range.
 */

import {
  eventsOfKind,
  knownStatus,
  type LifecycleModel,
  lifecycleModel,
  type ServiceRef,
  type StatusOf,
  statusesTagged,
  type TransitionInfo,
  UnknownOperationError,
} from '../model/index.js';
import { type Clock, createVirtualClock } from '../time/clock.js';
import {
  DEFAULT_DURATIONS,
  type DurationOptions,
  type DurationSpec,
  drawDuration,
  durationTable,
} from './durations.js';
import { createRandom, type Random } from './random.js';
import { DEFAULT_START, eventOf, initialLeaf, type SimulatedEvent, type SimulatedObservation } from './simulate.js';
import { chooseTransition, type WeightedTransition, type WeightOptions, weightedTransitions } from './weights.js';

/** Options of {@link createSimulatedInstance}. */
export interface SimulatedInstanceOptions<S extends ServiceRef = string> extends WeightOptions {
  /** Where time comes from (default: a new virtual clock at {@link DEFAULT_START}). */
  clock?: Clock;
  /** Seed of the durations and outcomes drawn: an integer from 0 to 2^32 - 1 (default 0). */
  seed?: number;
  /** The status the instance starts in (default the machine's initial status). */
  from?: StatusOf<S>;
  /** How long statuses last before their outcome happens. */
  durations?: DurationOptions;
  /** The instance id (default `sim-<service>-<seed>`). */
  id?: string;
  /**
   * Let outcomes also leave statuses that are not `transitional` by themselves after their drawn duration (faults,
   * freezes, maintenance of a running instance). Default false: such statuses change only by request or `inject`.
   */
  spontaneous?: boolean;
  /**
   * Once the instance is in a final status, answer `status()` and requests with {@link InstanceNotFoundError}
   * (like an HTTP 404 for a deleted instance) instead of the final status. Default false.
   */
  notFoundWhenFinal?: boolean;
}

/** A simulated instance. Operation and outcome names are the machine's event types (`RESTART`, `FAULT`, ...). */
export interface SimulatedInstance {
  readonly id: string;
  /** Service id. */
  readonly service: string;
  /** The clock the instance lives on. */
  readonly clock: Clock;
  /** Every operation the service has (events of kind `operation`), in machine order. */
  readonly operations: readonly string[];
  /**
   * The status now, like the API's query. Rejects with {@link InstanceNotFoundError} in a final status when
   * `notFoundWhenFinal` is set.
   */
  status(): Promise<string>;
  /** The status now, synchronously and never "not found" (for assertions). */
  readonly current: string;
  /** The leaf state now: the status, or the hidden sub-state of it the instance is in (`ERROR.whileDeleting`). */
  readonly leaf: string;
  /**
   * The calls a real client makes: one method per operation, named after its event in camelCase (`RESTART` →
   * `restart()`, `TOP_UP` → `topUp()`), each the same as `request(EVENT)`. A null-prototype object, so only the
   * service's operations are on it.
   *
   * @example await instance.requests.restart?.(); // same as instance.request('RESTART')
   */
  readonly requests: Readonly<Record<string, () => Promise<void>>>;
  /** The operations the current status allows, in machine order. */
  allowedOperations(): string[];
  /**
   * Request an operation, like the API's call: the status changes at once to the transition's target. Rejects with
   * {@link OperationRejectedError} when the current status does not allow it, {@link UnknownOperationError} for a
   * name that is no operation of the service, and {@link InstanceNotFoundError} once the instance is gone.
   */
  request(operation: string): Promise<void>;
  /**
   * Make an outcome happen now, as the service would by itself (a fault, a failed restart): for tests of error
   * handling. Throws {@link OperationRejectedError} when the current status has no such outcome.
   */
  inject(outcome: string): void;
  /** When the next outcome happens by itself (epoch ms on the clock), or undefined when none is due. */
  readonly nextChangeAt: number | undefined;
  /** The true history so far: every status when it was entered (strictly legal). */
  history(): SimulatedObservation[];
  /** The transitions taken so far. */
  events(): SimulatedEvent[];
}

/** The instance is gone (a final status with `notFoundWhenFinal`): what an HTTP 404 means to an API client. */
export class InstanceNotFoundError extends Error {
  override name = 'InstanceNotFoundError';
  /** The HTTP status a real API answers with. */
  readonly statusCode = 404;
  constructor(
    readonly id: string,
    /** The final status the instance reached. */
    readonly status: string,
  ) {
    super(`instance ${id} not found (it is ${status})`);
  }
}

/** A request the current status does not allow, as the real API refuses it. */
export class OperationRejectedError extends Error {
  override name = 'OperationRejectedError';
  constructor(
    readonly operation: string,
    /** The status the instance was in. */
    readonly status: string,
    /** What the status allows (operations for `request`, outcomes for `inject`). */
    readonly allowed: readonly string[],
  ) {
    super(
      `cannot ${operation}: the instance is ${status}, which allows ${allowed.length > 0 ? allowed.join(', ') : 'nothing'}`,
    );
  }
}

/**
 * A new simulated instance of a service. Throws a RangeError for a bad option (unknown status, bad seed,
 * malformed duration or weight).
 *
 * @example
 * const clock = createVirtualClock(0);
 * const instance = createSimulatedInstance('kafka', { clock, seed: 1, from: 'RUNNING' });
 * await instance.request('RESTART'); // now RESTARTING
 * await clock.sleep(10 * 60_000);
 * await instance.status(); // 'RUNNING' (or, rarely, 'ERROR')
 * await instance.request('TOP_UP'); // rejects: OperationRejectedError naming the current status
 */
export function createSimulatedInstance<S extends ServiceRef>(
  service: S,
  options: SimulatedInstanceOptions<S> = {},
): SimulatedInstance {
  const model = lifecycleModel(service);
  const seed = options.seed ?? 0;
  return new Instance(
    model,
    options as SimulatedInstanceOptions,
    createRandom(seed),
    options.id ?? `sim-${model.service}-${seed}`,
  );
}

/**
 * The method name of an operation on {@link SimulatedInstance.requests}: its event type in camelCase.
 *
 * @example operationMethodName('TOP_UP') // 'topUp'
 */
export function operationMethodName(event: string): string {
  return event.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

interface Scheduled {
  at: number;
  transition: TransitionInfo;
}

class Instance implements SimulatedInstance {
  readonly service: string;
  readonly clock: Clock;
  readonly operations: readonly string[];
  readonly requests: Readonly<Record<string, () => Promise<void>>>;
  private readonly outcomes: readonly string[];
  private readonly durations: Map<string, DurationSpec>;
  private readonly outgoing: Map<string, WeightedTransition[]>;
  private readonly transitional: ReadonlySet<string>;
  /** Hidden sub-states in progress (see the module's comment), and how long they last. */
  private readonly inProgress: ReadonlySet<string>;
  private readonly inProgressDuration: DurationSpec;
  private readonly final: ReadonlySet<string>;
  /** The leaf state (the status, or one of its hidden sub-states). */
  private state: string;
  private scheduled: Scheduled | undefined;
  private readonly timeline: { status: string; time: number }[] = [];
  private readonly taken: (Omit<SimulatedEvent, 'time'> & { time: number })[] = [];

  constructor(
    private readonly model: LifecycleModel,
    private readonly options: SimulatedInstanceOptions,
    private readonly random: Random,
    readonly id: string,
  ) {
    this.service = model.service;
    this.clock = options.clock ?? createVirtualClock(Date.parse(DEFAULT_START));
    this.operations = eventsOfKind(model, 'operation');
    const requests: Record<string, () => Promise<void>> = Object.create(null);
    for (const operation of this.operations) requests[operationMethodName(operation)] = () => this.request(operation);
    this.requests = Object.freeze(requests);
    this.outcomes = eventsOfKind(model, 'outcome');
    this.durations = durationTable(model, options.durations);
    this.outgoing = weightedTransitions(model, options);
    this.transitional = statusesTagged(model, 'transitional');
    this.inProgress = subStatesInProgress(model);
    this.inProgressDuration = options.durations?.byTag?.transitional ?? DEFAULT_DURATIONS.transitional;
    this.final = statusesTagged(model, 'final');
    const from = knownStatus(model, options.from ?? model.initial);
    this.state = initialLeaf(model, from);
    this.enter(this.state, this.clock.now());
  }

  get current(): string {
    this.catchUp();
    return this.shown;
  }

  get leaf(): string {
    this.catchUp();
    return this.state;
  }

  /** The status the API shows: the top-level state of the leaf. */
  private get shown(): string {
    return this.state.split('.')[0]!;
  }

  get nextChangeAt(): number | undefined {
    this.catchUp();
    return this.scheduled?.at;
  }

  // The public methods are bound (arrow functions), so `waitFor(instance.status)` works without `.bind`.

  status = async (): Promise<string> => {
    this.catchUp();
    this.checkFound();
    return this.shown;
  };

  allowedOperations = (): string[] => {
    this.catchUp();
    return this.allowed('operation');
  };

  request = async (operation: string): Promise<void> => {
    this.catchUp();
    if (!this.operations.includes(operation))
      throw new UnknownOperationError(operation, this.service, this.operations, 'operation');
    this.checkFound();
    this.take(operation, 'operation');
  };

  inject = (outcome: string): void => {
    this.catchUp();
    if (!this.outcomes.includes(outcome))
      throw new UnknownOperationError(outcome, this.service, this.outcomes, 'outcome');
    this.take(outcome, 'outcome');
  };

  history = (): SimulatedObservation[] => {
    this.catchUp();
    return this.timeline.map(({ status, time }) => ({ status, time: iso(time), instance: this.id }));
  };

  events = (): SimulatedEvent[] => {
    this.catchUp();
    return this.taken.map((e) => ({ ...e, time: iso(e.time) }));
  };

  private take(event: string, kind: 'operation' | 'outcome'): void {
    const transition = this.model.transitions.find(
      (t) => t.fromLeaf === this.state && t.event === event && t.kind === kind,
    );
    if (!transition) throw new OperationRejectedError(event, this.shown, this.allowed(kind));
    this.apply(transition, this.clock.now());
  }

  private allowed(kind: 'operation' | 'outcome'): string[] {
    return [
      ...new Set(
        this.model.transitions.filter((t) => t.fromLeaf === this.state && t.kind === kind).map((t) => t.event),
      ),
    ];
  }

  private checkFound(): void {
    if (this.options.notFoundWhenFinal && this.final.has(this.shown))
      throw new InstanceNotFoundError(this.id, this.shown);
  }

  private catchUp(): void {
    const now = this.clock.now();
    while (this.scheduled !== undefined && this.scheduled.at <= now)
      this.apply(this.scheduled.transition, this.scheduled.at);
  }

  private apply(transition: TransitionInfo, time: number): void {
    this.taken.push({ ...eventOf(transition), time });
    this.state = transition.toLeaf;
    this.enter(transition.toLeaf, time);
  }

  /** Record the status and draw when and how the leaf state ends by itself (if it does). */
  private enter(leaf: string, time: number): void {
    const status = leaf.split('.')[0]!;
    this.timeline.push({ status, time });
    this.scheduled = undefined;
    const moving = this.transitional.has(status) || this.inProgress.has(leaf);
    if (!moving && !this.options.spontaneous) return;
    const outcomes = (this.outgoing.get(leaf) ?? []).filter((c) => c.transition.kind === 'outcome');
    if (outcomes.length === 0) return;
    const spec =
      this.inProgress.has(leaf) && !this.transitional.has(status)
        ? this.inProgressDuration
        : this.durations.get(status)!;
    const duration = drawDuration(this.random, spec);
    const transition = chooseTransition(this.random, outcomes)!;
    this.scheduled = { at: time + duration, transition };
  }
}

/** The hidden sub-states, other than their status's initial one, that outcomes leave: work in progress. */
function subStatesInProgress(model: LifecycleModel): Set<string> {
  const leaves = new Set<string>();
  for (const state of model.states)
    for (const leaf of state.subStates ?? [])
      if (leaf !== state.initialSubState && model.transitions.some((t) => t.fromLeaf === leaf && t.kind === 'outcome'))
        leaves.add(leaf);
  return leaves;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
