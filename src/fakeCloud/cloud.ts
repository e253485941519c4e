/**
 * The fake cloud's state, without HTTP: its instances, its clock, its chaos, and what the control API does with
 * them (advance the clock, inject an outcome, set chaos, read the true histories).
 */
import { BadArgumentError, eventsOfKind, lifecycleModel } from '../model/index.js';
import type { DurationOptions } from '../simulation/index.js';
import { isSeed, MAX_SEED, OperationRejectedError } from '../simulation/index.js';
import { type ChaosSettings, CREATE, parseChaos, RequestChaosSource } from './chaos.js';
import { type CloudInstance, InstanceStore } from './instanceStore.js';
import { type CloudClock, cloudClock, DEFAULT_SPEED, type Progression, settle } from './progression.js';
import type { ServiceApi } from './serviceApi.js';
import { checkServiceApi, SERVICE_APIS } from './services/index.js';

/** Options of the fake cloud's state (see `startFakeCloud` for the server's own). */
export interface CloudOptions {
  /** Seed of instance ids, lifecycles and chaos (default 0). */
  seed?: number;
  /** How time moves (default `scaled`). */
  progression?: Progression;
  /** With `scaled` progression: simulated ms per real ms (default {@link DEFAULT_SPEED}). */
  speed?: number;
  /** The clock's first time, epoch ms (default: now for `scaled`, 2026-01-01T00:00:00Z otherwise). */
  start?: number;
  /** Chaos from the start (default none). */
  chaos?: ChaosSettings;
  /** How long statuses last (the simulated instance's durations). */
  durations?: DurationOptions;
  /**
   * Let stable statuses change by themselves (faults, freezes), as the simulated instance's `spontaneous`. Then
   * histories also grow with time, not only with requests.
   */
  spontaneous?: boolean;
  /** Most instances kept, deleted ones included (default 1000). */
  maxInstances?: number;
  /** Most operations one instance accepts (default 1000). */
  maxOperations?: number;
}

/** One record of an instance's true history: what `instance-lifecycle validate` reads as NDJSON. */
export interface HistoryRecord {
  instance_id: string;
  service: string;
  status: string;
  time: string;
}

/** An instance as the control API lists it: its true status, whatever the API shows. */
export interface InstanceSummary {
  instance_id: string;
  service: string;
  project: string;
  status: string;
  /** Its true leaf state: the status, or the hidden sub-state of it the instance is in (`RUNNING.deletionAccepted`). */
  state: string;
  created_at: string;
  /** Statuses chaos made it stuck in. */
  stuck: string[];
  /** Polls still answered 404 (chaos). */
  hidden_polls: number;
}

/** The fake cloud's state. */
export class Cloud {
  readonly apis: readonly ServiceApi[] = SERVICE_APIS;
  readonly store: InstanceStore;
  readonly clock: CloudClock;
  /** The names chaos's `failures` and `stuck` take: CREATE and the operations of the served machines. */
  readonly chaosOperations: readonly string[];
  private readonly seed: number;
  private requestChaos: RequestChaosSource;

  constructor(options: CloudOptions = {}) {
    for (const api of this.apis) checkServiceApi(api);
    this.seed = options.seed ?? 0;
    if (!isSeed(this.seed)) throw new BadArgumentError(`seed must be a whole number from 0 to ${MAX_SEED}`);
    this.clock = cloudClock(options.progression ?? 'scaled', options.speed ?? DEFAULT_SPEED, options.start);
    this.chaosOperations = [
      CREATE,
      ...new Set(this.apis.flatMap((api) => eventsOfKind(lifecycleModel(api.service), 'operation'))),
    ];
    this.requestChaos = new RequestChaosSource(this.checkChaos(options.chaos ?? {}, 'chaos'), this.seed);
    this.store = new InstanceStore({
      clock: this.clock.clock,
      seed: this.seed,
      maxInstances: limit('maxInstances', options.maxInstances ?? 1000),
      maxOperations: limit('maxOperations', options.maxOperations ?? 1000),
      ...(options.durations ? { durations: options.durations } : {}),
      spontaneous: options.spontaneous ?? false,
    });
  }

  /** The chaos in force. */
  get chaos(): ChaosSettings {
    return this.requestChaos.settings;
  }

  /** The per-request chaos draws. */
  get requests(): RequestChaosSource {
    return this.requestChaos;
  }

  /**
   * Replace the chaos (checked like a chaos file; `where` names the source in errors). Per-request chaos starts
   * again from its seed; lifecycle chaos applies to instances created from now on.
   */
  setChaos(value: unknown, where = 'chaos'): ChaosSettings {
    this.requestChaos = new RequestChaosSource(this.checkChaos(value, where), this.seed);
    return this.requestChaos.settings;
  }

  /** Move time forward by `ms` (manual progression only). */
  advance(ms: number): number {
    if (this.clock.progression !== 'manual')
      throw new BadArgumentError(`the clock moves by itself (progression ${this.clock.progression}), not by request`);
    if (!Number.isSafeInteger(ms) || ms < 0) throw new BadArgumentError(`advance: expected ms >= 0, got ${ms}`);
    this.clock.advance?.(ms);
    return this.clock.clock.now();
  }

  /** Immediate progression: let every instance finish what it is doing (except statuses it is stuck in). */
  settle(): void {
    const virtual = this.clock.virtual;
    if (this.clock.progression !== 'immediate' || !virtual) return;
    settle(virtual, () =>
      this.store
        .all()
        .filter((i) => !i.stuck.has(i.sim.current))
        .map((i) => i.sim.nextChangeAt),
    );
  }

  /**
   * Make an outcome happen now to an instance (the machine's outcome event, e.g. `RESIZE_FAILED`); returns the
   * status it is in then. Throws a {@link BadArgumentError} for an unknown instance or outcome, and
   * `OperationRejectedError` when its status has no such outcome.
   */
  inject(id: string, outcome: string): string {
    this.settle();
    const instance = this.instance(id);
    instance.sim.inject(outcome);
    return instance.sim.current;
  }

  /** Every instance's true status. */
  instances(): InstanceSummary[] {
    this.settle();
    return this.store.all().map((i) => ({
      instance_id: i.id,
      service: i.service,
      project: i.project,
      status: i.sim.current,
      state: i.sim.leaf,
      created_at: new Date(i.createdAt).toISOString(),
      stuck: [...i.stuck],
      hidden_polls: i.hiddenPolls,
    }));
  }

  /**
   * The true histories (every status each instance entered, when), oldest instance first, optionally of one
   * service or one instance: each history is strictly legal for its service's machine.
   */
  histories(filter: { service?: string; instance?: string } = {}): HistoryRecord[] {
    this.settle();
    if (filter.service !== undefined && !this.apis.some((a) => a.service === filter.service))
      throw new BadArgumentError(
        `unknown service ${JSON.stringify(filter.service.slice(0, 100))}; served: ${this.apis.map((a) => a.service).join(', ')}`,
      );
    const selected = filter.instance === undefined ? this.store.all() : [this.instance(filter.instance)];
    return selected
      .filter((i) => filter.service === undefined || i.service === filter.service)
      .flatMap((i) =>
        i.sim.history().map((o) => ({ instance_id: i.id, service: i.service, status: o.status, time: o.time })),
      );
  }

  private instance(id: string): CloudInstance {
    const instance = this.store.byId(id);
    if (!instance) throw new BadArgumentError(`no instance ${JSON.stringify(id.slice(0, 100))}`);
    return instance;
  }

  private checkChaos(value: unknown, where: string): ChaosSettings {
    return parseChaos(value, where, this.chaosOperations);
  }
}

/** Whether an error is the simulated instance refusing an injected outcome. */
export function isRejected(error: unknown): error is OperationRejectedError {
  return error instanceof OperationRejectedError;
}

function limit(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new BadArgumentError(`${name} must be a whole number >= 1`);
  return value;
}
