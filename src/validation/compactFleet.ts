/**
 * `CompactFleet`: the fleet validator's state, a few integers per instance. Instances are numbered by an
 * {@link InstanceTable}; per instance, typed arrays hold the set of leaf states, the count of observations, the last
 * readable time (with its index and line), the counts of violations and of steps with missed statuses. The problems
 * a compact instance can have (an illegal change, a history that does not start at the initial status, missed
 * statuses) are kept as tuples of integers in one shared pool; their texts are made when the report is. Anything
 * else (an unknown or oddly spelled status, a time problem, an operation, `explain`, live findings) moves the
 * instance to a full incremental validator seeded from its compact state, so every verdict is exactly that of one
 * validator per instance.
 */
import type { StatusGraph } from '../graph/statusGraph.js';
import { BadArgumentTypeError } from '../model/badArgument.js';
import { describeValue } from '../model/checkArgument.js';
import type { Observation } from '../model/index.js';
import { timeValue } from '../time/timeValue.js';
import type { FleetOptions, FleetReport, FleetReportStream, FleetValidator, HistoryReport } from './fleetValidator.js';
import { InstanceTable } from './instanceTable.js';
import {
  type HistoryValidator,
  type HistoryVerdict,
  illegalViolation,
  type MissedStates,
  missedStep,
  notInitialViolation,
  seededValidator,
  type ValidationMode,
  type ValidationOptions,
  type Violation,
} from './validator.js';

/** How a time was written, for the byte scanner's records: none, ISO 8601 UTC to the second, or to the millisecond. */
export enum TimeForm {
  None = 0,
  Seconds = 1,
  Millis = 2,
}

const ILLEGAL = 0;
const NOT_INITIAL = 1;
const MISSED = 2;
const NONE = -1;
/** Lines the compact state can hold (others go to a full validator). */
const MAX_LINE = 0x7ffffffe;

/** The totals of a fleet report. */
export type FleetSummary = FleetReport['summary'];

/**
 * What a caller that follows every step (the fleet report) is told: each violation and each change through missed
 * statuses, found on the compact state or by an instance's full validator, as the validator's `onViolation` and
 * `onMissed` are.
 */
export type StepListener = Pick<ValidationOptions, 'onViolation' | 'onMissed'>;

/**
 * The time text of a byte scanner's record (milliseconds written as `form`), as the input wrote it; undefined for
 * none.
 *
 * @example knownTimeText(Date.UTC(2026, 0, 1), TimeForm.Seconds) // '2026-01-01T00:00:00Z'
 */
export function knownTimeText(time: number, form: TimeForm): string | undefined {
  return form === TimeForm.None
    ? undefined
    : form === TimeForm.Millis
      ? new Date(time).toISOString()
      : `${new Date(time).toISOString().slice(0, 19)}Z`;
}

/** A fleet validator over compact per-instance state (see the module's comment). */
export class CompactFleet implements FleetValidator {
  /** The instances, numbered in the order first seen. */
  readonly table = new InstanceTable();
  private count = 0;
  private capacity = 1024;
  private current = new Int32Array(this.capacity);
  private seen = new Int32Array(this.capacity);
  private lastTime = new Float64Array(this.capacity);
  /** Where the last readable time was: its line (>= 0), or its observation index `i` as `-2 - i`, or NONE. */
  private lastTimeAt = new Int32Array(this.capacity);
  private violationCount = new Int32Array(this.capacity);
  private missedCount = new Int32Array(this.capacity);
  /** The latest problem of the instance in the pool (each links to the one before), or NONE. */
  private head = new Int32Array(this.capacity);
  /** The full validator of an instance that has one (index into `validators`), or NONE. */
  private full = new Int32Array(this.capacity);
  private readonly validators: HistoryValidator[] = [];
  // the pool of problems: kind, index, line, from set, to status, the instance's problem before (17 bytes each)
  private events = 0;
  private eventKind = new Uint8Array(256);
  private eventIndex = new Int32Array(256);
  private eventLine = new Int32Array(256);
  private eventFrom: Uint16Array | Int32Array;
  private eventTo: Uint16Array | Int32Array;
  private eventBefore = new Int32Array(256);

  private readonly n: number;
  private readonly step: Int32Array;
  private readonly next: Int32Array;
  private readonly why: Int32Array;
  private readonly mode: ValidationMode;
  private readonly fromStart: boolean;
  private readonly maxDetails: number;
  /** True when every instance needs a full validator (explain). */
  private readonly allFull: boolean;
  private readonly live: boolean;
  private readonly validatorOptions: ValidationOptions;

  /** Told of every problem (see {@link StepListener}); undefined for plain validation. */
  private readonly listener: StepListener | undefined;

  constructor(
    private readonly graph: StatusGraph,
    options: FleetOptions,
    listener?: StepListener,
  ) {
    this.listener = listener;
    this.mode = options.mode ?? 'strict';
    this.fromStart = options.fromStart ?? false;
    this.maxDetails = options.maxDetails ?? 100;
    this.allFull = options.explain ?? false;
    this.live = options.onFinding !== undefined;
    this.validatorOptions = {
      mode: this.mode,
      fromStart: this.fromStart,
      explain: this.allFull,
      maxDetails: this.maxDetails,
      ...(options.onFinding ? { onFinding: options.onFinding } : {}),
      ...(listener?.onViolation ? { onViolation: listener.onViolation } : {}),
      ...(listener?.onMissed ? { onMissed: listener.onMissed } : {}),
    };
    this.n = graph.statuses.length;
    const sampled = this.mode === 'sampled';
    this.step = sampled ? graph.stepSampled : graph.stepStrict;
    this.next = sampled ? graph.nextSampled : graph.nextStrict;
    this.why = sampled ? graph.whySampled : graph.whyStrict;
    this.small = graph.sets.length <= 0xffff && this.n <= 0xffff;
    this.eventFrom = this.small ? new Uint16Array(256) : new Int32Array(256);
    this.eventTo = this.small ? new Uint16Array(256) : new Int32Array(256);
  }

  /** True when set and status ids fit in 16 bits (the pool keeps them so). */
  private readonly small: boolean;

  get observations(): number {
    return this.count;
  }

  /** The statuses of the machine, by id (what {@link pushKnown} takes). */
  get statuses(): readonly string[] {
    return this.graph.statuses;
  }

  get histories(): number {
    return this.table.size;
  }

  push(observation: Observation): void {
    if (typeof observation !== 'object' || observation === null)
      throw new BadArgumentTypeError(
        `validator: an observation must be a status string or an object with "status", got ${describeValue(observation)}`,
      );
    const { instance, status, time, line } = observation;
    if (instance !== undefined && typeof instance !== 'string')
      throw new BadArgumentTypeError(`validator: "instance" must be a string, got ${describeValue(instance)}`);
    const id = this.instance(this.table.intern(instance));
    this.count++;
    if (observation.operation === undefined && this.full[id] === NONE && typeof status === 'string') {
      const to = this.graph.idOf(status);
      const lineOk = line === undefined || (Number.isInteger(line) && line >= 0 && line <= MAX_LINE);
      if (to >= 0 && lineOk) {
        const ms =
          time === undefined ? NaN : typeof time === 'string' || typeof time === 'number' ? timeValue(time) : NaN;
        const readable = time === undefined || !Number.isNaN(ms);
        if (readable && this.compactStep(id, to, ms, line ?? NONE)) return;
      }
    }
    const validator = this.validatorOf(id);
    if (observation.operation === undefined) validator.pushStatus(status, line, time);
    else validator.push(observation);
  }

  pushAll(observations: readonly Observation[]): void {
    for (const observation of observations) this.push(observation);
  }

  /**
   * One observation from the byte scanner: instance number (from {@link table}), a status id spelled exactly, the
   * time in milliseconds (NaN for none) and how it was written, the line (NONE for none).
   */
  pushKnown(instance: number, status: number, time: number, form: TimeForm, line: number): void {
    const id = this.instance(instance);
    this.count++;
    if (this.full[id] === NONE && this.compactStep(id, status, time, line)) return;
    this.validatorOf(id).pushStatus(
      this.graph.statuses[status]!,
      line === NONE ? undefined : line,
      knownTimeText(time, form),
    );
  }

  /**
   * {@link pushKnown} for a caller that follows each step (the fleet report; its {@link StepListener} is told what
   * the step found): true when the observation was checked on the compact state; false, with nothing done, when
   * instance number `instance` has or needs a full validator ({@link fullValidator}), which the caller pushes it to.
   * The time is in milliseconds (NaN for none, never an unreadable one); the line may be NONE (-1).
   */
  stepKnown(instance: number, status: number, time: number, line: number): boolean {
    const id = this.instance(instance);
    if (this.full[id] !== NONE || line > MAX_LINE || !this.compactStep(id, status, time, line)) return false;
    this.count++;
    return true;
  }

  /**
   * The full validator of instance number `instance` (made, seeded from its compact state, when it has none), for a
   * caller that pushes the next observation to it itself; that observation is counted here.
   */
  fullValidator(instance: number): HistoryValidator {
    const id = this.instance(instance);
    this.count++;
    return this.validatorOf(id);
  }

  report(): FleetReport {
    const stream = this.reportStream();
    return { ...stream, histories: [...stream.histories] };
  }

  reportStream(): FleetReportStream {
    const summary: FleetSummary = { histories: 0, observations: 0, violations: 0, illegal: 0, missed: 0, notes: 0 };
    for (let id = 0; id < this.table.size; id++) {
      const index = this.full[id]!;
      if (index === NONE) {
        summary.histories++;
        summary.observations += this.seen[id]!;
        summary.violations += this.violationCount[id]!;
        summary.missed += this.missedCount[id]!;
        if (this.violationCount[id]! > 0) summary.illegal++;
      } else addToSummary(summary, historyOf(this.table.nameOf(id), this.validators[index]!.verdict()));
    }
    const stream: FleetReportStream = {
      service: this.graph.service,
      mode: this.mode,
      fromStart: this.fromStart,
      ok: summary.illegal === 0,
      summary,
      histories: { [Symbol.iterator]: () => this.eachHistory(false) },
    };
    return withEventful(stream, { [Symbol.iterator]: () => this.eachHistory(true) });
  }

  /** The report entries, in the order instances were first seen; with `eventful`, only those with something to say. */
  private *eachHistory(eventful: boolean): Generator<HistoryReport, void, undefined> {
    const size = this.table.size;
    for (let id = 0; id < size; id++) {
      if (eventful && this.full[id] === NONE && this.violationCount[id] === 0 && this.missedCount[id] === 0) continue;
      const history = this.historyAt(id);
      if (!eventful || hasSomethingToSay(history)) yield history;
    }
  }

  /** The report entry of instance `id`. */
  private historyAt(id: number): HistoryReport {
    const instance = this.table.nameOf(id);
    const index = this.full[id]!;
    if (index !== NONE) return historyOf(instance, this.validators[index]!.verdict());
    const { violations, missed } = this.problems(id);
    const status = this.graph.setStatus[this.current[id]!]!;
    const omitted = {
      violations: this.violationCount[id]! - violations.length,
      missed: this.missedCount[id]! - missed.length,
      notes: 0,
    };
    return {
      instance: instance ?? null,
      ok: this.violationCount[id] === 0,
      observations: this.seen[id]!,
      ...(status < 0 ? {} : { status: this.graph.statuses[status]! }),
      violations,
      missed,
      notes: [],
      ...(omitted.violations + omitted.missed > 0 ? { omitted } : {}),
    };
  }

  /** The kept problems of a compact instance, as the validator would have made them. */
  private problems(id: number): { violations: Violation[]; missed: MissedStates[] } {
    const violations: Violation[] = [];
    const missed: MissedStates[] = [];
    for (let e = this.head[id]!; e !== NONE; e = this.eventBefore[e]!) {
      const index = this.eventIndex[e]!;
      const line = this.eventLine[e] === NONE ? undefined : this.eventLine[e];
      const from = this.eventFrom[e]!;
      const to = this.eventTo[e]!;
      const kind = this.eventKind[e];
      if (kind === MISSED) missed.push(missedStep(this.graph, index, line, from, to, this.why[from * this.n + to]!));
      else if (kind === NOT_INITIAL) violations.push(notInitialViolation(this.graph, index, line, to));
      else violations.push(illegalViolation(this.graph, this.mode, index, line, from, to));
    }
    return { violations: violations.reverse(), missed: missed.reverse() };
  }

  /**
   * Check status `to` (time `ms`, NaN for none, never unreadable) on the compact state of instance `id`; false
   * (and nothing changed) when it needs a full validator.
   */
  private compactStep(id: number, to: number, ms: number, line: number): boolean {
    if (this.allFull || ms < this.lastTime[id]!) return false;
    const index = this.seen[id]!;
    const from = this.current[id]!;
    const n = this.n;
    let next: number;
    let kind = NONE;
    if (this.fromStart && index === 0 && to !== this.graph.initial) {
      kind = NOT_INITIAL;
      next = this.next[this.graph.unknownSet * n + to]!;
    } else {
      const cell = from * n + to;
      const step = this.step[cell]!;
      if (step < 0) {
        kind = ILLEGAL;
        next = this.next[this.graph.unknownSet * n + to]!;
      } else {
        next = step >> 1;
        if ((step & 1) === 1) kind = MISSED;
      }
    }
    if (kind !== NONE && this.live) return false; // findings are told by the validator
    if (!Number.isNaN(ms)) {
      this.lastTime[id] = ms;
      this.lastTimeAt[id] = line === NONE ? -2 - index : line;
    }
    this.seen[id] = index + 1;
    this.current[id] = next;
    if (kind !== NONE) {
      this.problem(id, kind, index, line, from, to);
      if (this.listener !== undefined) this.tell(kind, index, line, from, to);
    }
    return true;
  }

  /** Tell the listener of a problem found on the compact state, as a validator tells its callbacks. */
  private tell(kind: number, index: number, line: number, from: number, to: number): void {
    const at = line === NONE ? undefined : line;
    const listener = this.listener!;
    if (kind === MISSED)
      listener.onMissed?.(missedStep(this.graph, index, at, from, to, this.why[from * this.n + to]!));
    else
      listener.onViolation?.(
        kind === NOT_INITIAL
          ? notInitialViolation(this.graph, index, at, to)
          : illegalViolation(this.graph, this.mode, index, at, from, to),
      );
  }

  /** Count a problem, and keep it unless `maxDetails` of its kind are kept already. */
  private problem(id: number, kind: number, index: number, line: number, from: number, to: number): void {
    const counts = kind === MISSED ? this.missedCount : this.violationCount;
    const before = counts[id]!;
    counts[id] = before + 1;
    if (before >= this.maxDetails) return;
    if (this.events === this.eventKind.length) this.growEvents();
    const e = this.events++;
    this.eventKind[e] = kind;
    this.eventIndex[e] = index;
    this.eventLine[e] = line;
    this.eventFrom[e] = from;
    this.eventTo[e] = to;
    this.eventBefore[e] = this.head[id]!;
    this.head[id] = e;
  }

  /** The compact state of instance `id`, made when it is first seen. */
  private instance(id: number): number {
    if (id < this.filled) return id;
    if (id >= this.capacity) this.grow();
    this.current[id] = this.fromStart ? this.graph.initialSet : this.graph.unknownSet;
    this.seen[id] = 0;
    this.lastTime[id] = NaN;
    this.lastTimeAt[id] = NONE;
    this.violationCount[id] = 0;
    this.missedCount[id] = 0;
    this.head[id] = NONE;
    this.full[id] = NONE;
    this.filled = id + 1;
    return id;
  }

  private filled = 0;

  /** The full validator of instance `id`, seeded from its compact state when it has none yet. */
  private validatorOf(id: number): HistoryValidator {
    const index = this.full[id]!;
    if (index !== NONE) return this.validators[index]!;
    const { violations, missed } = this.problems(id);
    const at = this.lastTimeAt[id]!;
    const validator = seededValidator(this.graph, this.validatorOptions, this.table.nameOf(id), {
      count: this.seen[id]!,
      current: this.current[id]!,
      lastTime: this.lastTime[id]!,
      lastTimeIndex: at <= -2 ? -2 - at : NONE,
      lastTimeLine: at >= 0 ? at : undefined,
      lastPushTime: NaN,
      violationCount: this.violationCount[id]!,
      violations,
      missedCount: this.missedCount[id]!,
      missed,
    });
    this.head[id] = NONE; // the pool's entries are the validator's now
    this.full[id] = this.validators.push(validator) - 1;
    return validator;
  }

  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.5);
    const size = this.capacity;
    const int = (old: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(old);
      return grown;
    };
    this.current = int(this.current);
    this.seen = int(this.seen);
    const lastTime = new Float64Array(size);
    lastTime.set(this.lastTime);
    this.lastTime = lastTime;
    this.lastTimeAt = int(this.lastTimeAt);
    this.violationCount = int(this.violationCount);
    this.missedCount = int(this.missedCount);
    this.head = int(this.head);
    this.full = int(this.full);
  }

  private growEvents(): void {
    const size = Math.ceil(this.eventKind.length * 1.5);
    const int = (old: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(old);
      return grown;
    };
    const id = (old: Uint16Array | Int32Array) => {
      const grown = this.small ? new Uint16Array(size) : new Int32Array(size);
      grown.set(old);
      return grown;
    };
    const kind = new Uint8Array(size);
    kind.set(this.eventKind);
    this.eventKind = kind;
    this.eventIndex = int(this.eventIndex);
    this.eventLine = int(this.eventLine);
    this.eventFrom = id(this.eventFrom);
    this.eventTo = id(this.eventTo);
    this.eventBefore = int(this.eventBefore);
  }
}

/**
 * One instance's report entry from its validator's verdict: the verdict without the fields the fleet report gives
 * once, with the instance id (null for records without one).
 */
export function historyOf(instance: string | undefined, verdict: HistoryVerdict): HistoryReport {
  const { ok, observations, status, violations, missed, notes, steps, omitted } = verdict;
  return {
    instance: instance ?? null,
    ok,
    observations,
    ...(status === undefined ? {} : { status }),
    violations,
    missed,
    notes,
    ...(steps ? { steps } : {}),
    ...(omitted ? { omitted } : {}),
  };
}

/**
 * True when a history has something a text report prints: a violation, missed statuses, a note or an explained step.
 *
 * @example hasSomethingToSay({ instance: 'a', ok: true, observations: 1, violations: [], missed: [], notes: [] }) // false
 */
export function hasSomethingToSay(history: HistoryReport): boolean {
  return !history.ok || history.missed.length > 0 || history.notes.length > 0 || (history.steps?.length ?? 0) > 0;
}

/**
 * `report` with `eventful` histories attached, not enumerable (so that copies and JSON leave it out: it is a way to
 * read the report, not a part of it).
 */
export function withEventful<T extends object>(report: T, eventful: Iterable<HistoryReport> | undefined): T {
  if (eventful !== undefined) Object.defineProperty(report, 'eventful', { value: eventful, enumerable: false });
  return report;
}

/** Add one history to the totals of a fleet report. */
export function addToSummary(summary: FleetSummary, history: HistoryReport): void {
  summary.histories++;
  summary.observations += history.observations;
  summary.violations += history.violations.length + (history.omitted?.violations ?? 0);
  summary.missed += history.missed.length + (history.omitted?.missed ?? 0);
  summary.notes += history.notes.length + (history.omitted?.notes ?? 0);
  if (!history.ok) summary.illegal++;
}
