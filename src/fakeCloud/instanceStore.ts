/**
 * The fake cloud's instances: each one a simulated instance of its service's machine (so its lifecycle is the
 * machine's), with the fields its API shows, the jobs it runs, and chaos drawn at its creation. Memory is bounded:
 * at most `maxInstances` instances are kept (the oldest deleted ones make room; without any, creation is refused
 * as the quota error), and each accepts at most `maxOperations` operations.
 */
import { type LifecycleModel, lifecycleModel, statusesTagged } from '../model/index.js';
import {
  createRandom,
  createSimulatedInstance,
  type DurationOptions,
  OperationRejectedError,
  type Random,
  type SimulatedInstance,
} from '../simulation/index.js';
import type { Clock } from '../time/index.js';
import { ApiError, type ErrorTable } from './apiError.js';
import type { ChaosSettings } from './chaos.js';
import { instanceChaos } from './outcomeChaos.js';

/** A background job an operation started (what a resize's `job_id` names). */
export interface Job {
  id: string;
  /** The operation event. */
  event: string;
  /** Index, in the instance's events, of the operation's transition. */
  index: number;
  /** Fields that change when the job succeeds (a resize's new size). */
  changes?: Record<string, unknown>;
  /** Set once the changes were applied or dropped. */
  settled?: boolean;
}

/** How a job is doing, as the task API reports it. */
export type JobStatus = 'EXECUTING' | 'SUCCESS' | 'FAILED';

/** One instance of the fake cloud. */
export interface CloudInstance {
  readonly id: string;
  readonly service: string;
  readonly project: string;
  readonly sim: SimulatedInstance;
  /** Creation time, ms on the cloud's clock. */
  readonly createdAt: number;
  /** The fields the API shows besides status and times (from the create request, changed by resizes). */
  readonly fields: Record<string, unknown>;
  /** Polls left that answer 404 (chaos: eventual consistency after create). */
  hiddenPolls: number;
  readonly jobs: Job[];
  operations: number;
  /** Statuses this instance is stuck in (chaos). */
  readonly stuck: ReadonlySet<string>;
}

/** Options of {@link InstanceStore}. */
export interface InstanceStoreOptions {
  clock: Clock;
  seed: number;
  maxInstances: number;
  maxOperations: number;
  durations?: DurationOptions;
  /** Let stable statuses change by themselves (faults...), as the simulated instance's `spontaneous`. */
  spontaneous?: boolean;
}

/** Every instance of the fake cloud, and what can be done to them. */
export class InstanceStore {
  private readonly instances = new Map<string, CloudInstance>();
  private readonly random: Random;
  private readonly models = new Map<string, { model: LifecycleModel; final: ReadonlySet<string> }>();

  constructor(private readonly options: InstanceStoreOptions) {
    this.random = createRandom(options.seed);
  }

  /** The clock the instances live on. */
  get clock(): Clock {
    return this.options.clock;
  }

  /** A new instance of `service`, with the chaos in force now. Throws the quota error when the store is full. */
  create(
    service: string,
    project: string,
    fields: Record<string, unknown>,
    chaos: ChaosSettings,
    errors: ErrorTable,
  ): CloudInstance {
    if (this.instances.size >= this.options.maxInstances && !this.evictOneDeleted())
      throw ApiError.of(errors.quota, `(the fake cloud keeps at most ${this.options.maxInstances} instances)`);
    const { model } = this.model(service);
    const id = this.uuid();
    const seed = this.random.uint32();
    const extra = instanceChaos(model, chaos, this.options.durations, this.random);
    const sim = createSimulatedInstance(service, {
      id,
      seed,
      clock: this.options.clock,
      durations: extra.durations,
      weight: extra.weight,
      spontaneous: this.options.spontaneous ?? false,
    });
    const instance: CloudInstance = {
      id,
      service,
      project,
      sim,
      createdAt: this.options.clock.now(),
      fields,
      hiddenPolls: chaos.notFoundAfterCreate ?? 0,
      jobs: [],
      operations: 0,
      stuck: extra.stuck,
    };
    this.instances.set(id, instance);
    return instance;
  }

  /** The instance if it exists, is not deleted, belongs to the project and service; undefined otherwise. */
  get(service: string, project: string, id: string): CloudInstance | undefined {
    const instance = this.instances.get(id);
    if (!instance || instance.service !== service || instance.project !== project) return undefined;
    if (this.isGone(instance)) return undefined;
    this.settleJobs(instance);
    return instance;
  }

  /**
   * The instance for a request about it; throws the service's not-found error when there is none. A poll (`show`)
   * of an instance still hidden by chaos uses one of its hidden polls.
   */
  find(service: string, project: string, id: string, errors: ErrorTable, poll = false): CloudInstance {
    const instance = this.get(service, project, id);
    if (!instance || instance.hiddenPolls > 0) {
      if (instance && poll) instance.hiddenPolls--;
      throw ApiError.of(errors.notFound);
    }
    return instance;
  }

  /** The visible instances of a service in a project, oldest first. */
  list(service: string, project: string): CloudInstance[] {
    const found = [...this.instances.values()].filter(
      (i) => i.service === service && i.project === project && i.hiddenPolls === 0 && !this.isGone(i),
    );
    for (const instance of found) this.settleJobs(instance);
    return found;
  }

  /** Every instance kept (deleted ones too), oldest first. */
  all(): CloudInstance[] {
    return [...this.instances.values()];
  }

  /** The instance with this id, whatever its state (for the control API). */
  byId(id: string): CloudInstance | undefined {
    return this.instances.get(id);
  }

  /** True when the instance is in a final status (deleted): the API answers 404 for it. */
  isGone(instance: CloudInstance): boolean {
    return this.model(instance.service).final.has(instance.sim.current);
  }

  /**
   * Request an operation event on an instance; refused with the service's error (`deleteNotAllowed` for the
   * deletion, `notAllowed` otherwise) when its status does not allow it. Returns the job it started.
   */
  async operate(
    instance: CloudInstance,
    event: string,
    errors: ErrorTable,
    refusal: 'notAllowed' | 'deleteNotAllowed' = 'notAllowed',
    changes?: Record<string, unknown>,
  ): Promise<Job> {
    if (instance.operations >= this.options.maxOperations)
      throw ApiError.of(
        errors.notAllowed,
        `(the fake cloud accepts at most ${this.options.maxOperations} operations per instance)`,
      );
    try {
      await instance.sim.request(event);
    } catch (error) {
      if (error instanceof OperationRejectedError)
        throw ApiError.of(
          refusal === 'deleteNotAllowed' ? errors.deleteNotAllowed : errors.notAllowed,
          `(${instance.id})`,
        );
      throw error;
    }
    instance.operations++;
    // The operation's transition is the last event: request() catches up with due outcomes before taking it.
    const job: Job = {
      id: this.uuid(),
      event,
      index: instance.sim.events().length - 1,
      ...(changes ? { changes } : {}),
    };
    instance.jobs.push(job);
    return job;
  }

  /** Whether the operation of a job is still running, succeeded or failed (read from the instance's events). */
  jobStatus(instance: CloudInstance, job: Job): JobStatus {
    const events = instance.sim.events();
    const next = events[job.index + 1];
    if (next === undefined) return 'EXECUTING';
    const { model } = this.model(instance.service);
    const failed = statusesTagged(model, 'failed');
    const transition = model.transitions.find((t) => t.from === next.from && t.event === next.event);
    return transition?.failure === true || failed.has(next.to) ? 'FAILED' : 'SUCCESS';
  }

  /** Apply the changes of jobs that succeeded (and drop those of failed ones) to the fields the API shows. */
  settleJobs(instance: CloudInstance): void {
    for (const job of instance.jobs) {
      if (job.settled || !job.changes) continue;
      const status = this.jobStatus(instance, job);
      if (status === 'EXECUTING') continue;
      if (status === 'SUCCESS') Object.assign(instance.fields, job.changes);
      job.settled = true;
    }
  }

  /** The time of the instance's last change of status (ms on the cloud's clock). */
  updatedAt(instance: CloudInstance): number {
    const history = instance.sim.history();
    return Date.parse(history[history.length - 1]!.time);
  }

  private model(service: string): { model: LifecycleModel; final: ReadonlySet<string> } {
    let entry = this.models.get(service);
    if (!entry) {
      const model = lifecycleModel(service);
      entry = { model, final: statusesTagged(model, 'final') };
      this.models.set(service, entry);
    }
    return entry;
  }

  private evictOneDeleted(): boolean {
    for (const [id, instance] of this.instances) {
      if (this.isGone(instance)) {
        this.instances.delete(id);
        return true;
      }
    }
    return false;
  }

  /** A version-4 UUID from the seeded generator (the same ids on every run with the same seed). */
  private uuid(): string {
    const hex = [0, 1, 2, 3].map(() => this.random.uint32().toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
