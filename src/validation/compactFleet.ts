/**
 * `CompactFleet`: the fleet validator's state, 32 bytes per instance. Instances are numbered by an
 * {@link InstanceTable}; per instance, a record holds the set of leaf states, the count of observations, the last
 * readable time (with its index and line), the counts of violations and of steps with missed statuses. The problems
 * a compact instance can have (an illegal change, a history that does not start at the initial status, missed
 * statuses) are kept as records of four integers in one shared pool; their texts are made when the report is. Both
 * are kept in {@link RecordChunks}, so growing copies nothing. Anything else (an unknown or oddly spelled status, a
 * time problem, an operation, `explain`, live findings) moves the instance to a full incremental validator seeded
 * from its compact state, so every verdict is exactly that of one validator per instance.
 */
import type { StatusGraph } from '../graph/statusGraph.js';
import { BadArgumentTypeError } from '../model/badArgument.js';
import { describeValue } from '../model/checkArgument.js';
import type { Observation } from '../model/index.js';
import { timeValue } from '../time/timeValue.js';
import type { FleetOptions, FleetReport, FleetReportStream, FleetValidator, HistoryReport } from './fleetValidator.js';
import { InstanceTable } from './instanceTable.js';
import { type RecordChunk, RecordChunks } from './recordChunks.js';
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

const NONE = -1;
// an instance's record: six integers, then its last readable time as a float (integers 6 and 7)
const CURRENT = 0;
const SEEN = 1;
/** Where the last readable time was: its line (>= 0), or its observation index `i` as `-2 - i`, or NONE. */
const LAST_AT = 2;
const VIOLATIONS = 3;
const MISSED_COUNT = 4;
/** The instance's latest problem in the pool (each links to the one before), NONE, or `-2 - v`: its validator is v. */
const HEAD = 5;
/** The float after the six integers (its index in the record's floats). */
const LAST_TIME = 3;
const STATE_STRIDE = 8;
// a problem's record: its observation index, its line, the instance's problem before, and `from * n + to` (or
// `-1 - to`: not the initial status); whether it is an illegal change or missed statuses, the step table says
const INDEX = 0;
const LINE = 1;
const BEFORE = 2;
const CELL = 3;
const PROBLEM_STRIDE = 4;
/** The bytes a compact fleet keeps per kept problem (an illegal change, a wrong start, missed statuses). */
export const KEPT_PROBLEM_BYTES = 4 * PROBLEM_STRIDE;
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
  /** Per instance (by number), the record described above. */
  private readonly state: RecordChunks;
  // the state's chunks and their shape, read straight by the hot path (as fields of this object they cost less)
  private readonly stateChunks: RecordChunk[];
  private readonly bits: number;
  private readonly mask: number;
  private readonly validators: HistoryValidator[] = [];
  /** The problems kept (16 bytes each), numbered in the order found. */
  private readonly pool: RecordChunks;
  private problemCount = 0;

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

  /**
   * @param listener told of every problem (the fleet report)
   * @param chunkBits instance records are kept in chunks of `2 ** chunkBits`, problems in chunks of twice as many
   * (small values let tests cross chunk boundaries often)
   */
  constructor(
    private readonly graph: StatusGraph,
    options: FleetOptions,
    listener?: StepListener,
    chunkBits = 13,
  ) {
    this.listener = listener;
    this.state = new RecordChunks(STATE_STRIDE, chunkBits);
    this.stateChunks = this.state.chunks;
    this.bits = chunkBits;
    this.mask = this.state.mask;
    this.pool = new RecordChunks(PROBLEM_STRIDE, chunkBits + 1);
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
  }

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
    if (observation.operation === undefined && this.state.get(id, HEAD) >= NONE && typeof status === 'string') {
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
    if (this.compactStep(id, status, time, line)) return;
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
    if (line > MAX_LINE || !this.compactStep(id, status, time, line)) return false;
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
    const state = this.state;
    for (let id = 0; id < this.table.size; id++) {
      const head = state.get(id, HEAD);
      if (head >= NONE) {
        const violations = state.get(id, VIOLATIONS);
        summary.histories++;
        summary.observations += state.get(id, SEEN);
        summary.violations += violations;
        summary.missed += state.get(id, MISSED_COUNT);
        if (violations > 0) summary.illegal++;
      } else addToSummary(summary, historyOf(this.table.nameOf(id), this.validators[-2 - head]!.verdict()));
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
    const state = this.state;
    for (let id = 0; id < size; id++) {
      if (
        eventful &&
        state.get(id, HEAD) >= NONE &&
        state.get(id, VIOLATIONS) === 0 &&
        state.get(id, MISSED_COUNT) === 0
      )
        continue;
      const history = this.historyAt(id);
      if (!eventful || hasSomethingToSay(history)) yield history;
    }
  }

  /** The report entry of instance `id`. */
  private historyAt(id: number): HistoryReport {
    const instance = this.table.nameOf(id);
    const state = this.state;
    const head = state.get(id, HEAD);
    if (head < NONE) return historyOf(instance, this.validators[-2 - head]!.verdict());
    const { violations, missed } = this.problems(id);
    const status = this.graph.setStatus[state.get(id, CURRENT)]!;
    const violationCount = state.get(id, VIOLATIONS);
    const omitted = {
      violations: violationCount - violations.length,
      missed: state.get(id, MISSED_COUNT) - missed.length,
      notes: 0,
    };
    return {
      instance: instance ?? null,
      ok: violationCount === 0,
      observations: state.get(id, SEEN),
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
    const pool = this.pool;
    for (let e = this.state.get(id, HEAD); e >= 0; e = pool.get(e, BEFORE)) {
      const index = pool.get(e, INDEX);
      const at = pool.get(e, LINE);
      const line = at === NONE ? undefined : at;
      const cell = pool.get(e, CELL);
      if (this.isMissed(cell)) missed.push(this.missedAt(index, line, cell));
      else violations.push(this.violationAt(index, line, cell));
    }
    return { violations: violations.reverse(), missed: missed.reverse() };
  }

  /** True when a problem's step (`cell`, as {@link compactStep} gives it) is a legal one through missed statuses. */
  private isMissed(cell: number): boolean {
    return cell >= 0 && this.step[cell]! >= 0;
  }

  /** The missed statuses of a step (`cell`), as the validator reports them. */
  private missedAt(index: number, line: number | undefined, cell: number): MissedStates {
    const from = Math.floor(cell / this.n);
    return missedStep(this.graph, index, line, from, cell - from * this.n, this.why[cell]!);
  }

  /** The violation of a step (`cell`: an illegal change, or `-1 - to` for a wrong start), as the validator makes it. */
  private violationAt(index: number, line: number | undefined, cell: number): Violation {
    if (cell < 0) return notInitialViolation(this.graph, index, line, -1 - cell);
    const from = Math.floor(cell / this.n);
    return illegalViolation(this.graph, this.mode, index, line, from, cell - from * this.n);
  }

  /**
   * Check status `to` (time `ms`, NaN for none, never unreadable) on the compact state of instance `id`; false
   * (and nothing changed) when it needs a full validator (or has one).
   */
  private compactStep(id: number, to: number, ms: number, line: number): boolean {
    // kept short: it is inlined into the readers' loops
    const chunk = this.stateChunks[id >>> this.bits]!;
    const ints = chunk.ints;
    const at = (id & this.mask) * STATE_STRIDE;
    // NaN (no time) is never before the last time
    if (this.allFull || ints[at + HEAD]! < NONE || ms < chunk.floats[(at >> 1) + LAST_TIME]!) return false;
    const index = ints[at + SEEN]!;
    // the step as a problem keeps it: `from * n + to`, or `-1 - to` for a wrong start
    const cell =
      this.fromStart && index === 0 && to !== this.graph.initial ? -1 - to : ints[at + CURRENT]! * this.n + to;
    const step = cell < 0 ? NONE : this.step[cell]!;
    const problem = step < 0 || (step & 1) === 1; // illegal (or a wrong start), or missed statuses
    if (problem && this.live) return false; // findings are told by the validator
    if (!Number.isNaN(ms)) {
      chunk.floats[(at >> 1) + LAST_TIME] = ms;
      ints[at + LAST_AT] = line === NONE ? -2 - index : line;
    }
    ints[at + SEEN] = index + 1;
    ints[at + CURRENT] = step < 0 ? this.next[this.graph.unknownSet * this.n + to]! : step >> 1;
    if (problem) this.problem(ints, at, index, line, cell);
    return true;
  }

  /**
   * Count a problem (step `cell`, as {@link compactStep} gives it) of the instance whose record is at `ints[at]`,
   * and keep it unless `maxDetails` of its kind are kept already.
   */
  private problem(ints: Int32Array, at: number, index: number, line: number, cell: number): void {
    const missed = this.isMissed(cell);
    const count = at + (missed ? MISSED_COUNT : VIOLATIONS);
    const before = ints[count]!;
    ints[count] = before + 1;
    const listener = this.listener;
    if (listener !== undefined) {
      // told as a validator tells its callbacks
      const shown = line === NONE ? undefined : line;
      if (missed) listener.onMissed?.(this.missedAt(index, shown, cell));
      else listener.onViolation?.(this.violationAt(index, shown, cell));
    }
    if (before >= this.maxDetails) return;
    const e = this.problemCount++;
    const pool = this.pool;
    pool.reserve(e + 1);
    const problems = pool.chunk(e).ints;
    const p = (e & pool.mask) * PROBLEM_STRIDE;
    problems[p + INDEX] = index;
    problems[p + LINE] = line;
    problems[p + BEFORE] = ints[at + HEAD]!;
    problems[p + CELL] = cell;
    ints[at + HEAD] = e;
  }

  /** The compact state of instance `id`, made when it is first seen. */
  private instance(id: number): number {
    return id < this.filled ? id : this.firstSeen(id);
  }

  /** Make the compact state of instance `id`. */
  private firstSeen(id: number): number {
    const state = this.state;
    state.reserve(id + 1);
    const { ints, floats } = state.chunk(id);
    const at = (id & state.mask) * STATE_STRIDE;
    ints[at + CURRENT] = this.fromStart ? this.graph.initialSet : this.graph.unknownSet;
    ints[at + SEEN] = 0;
    ints[at + LAST_AT] = NONE;
    ints[at + VIOLATIONS] = 0;
    ints[at + MISSED_COUNT] = 0;
    ints[at + HEAD] = NONE;
    floats[(at >> 1) + LAST_TIME] = NaN;
    this.filled = id + 1;
    return id;
  }

  private filled = 0;

  /** The full validator of instance `id`, seeded from its compact state when it has none yet. */
  private validatorOf(id: number): HistoryValidator {
    const state = this.state;
    const head = state.get(id, HEAD);
    if (head < NONE) return this.validators[-2 - head]!;
    const { violations, missed } = this.problems(id);
    const at = state.get(id, LAST_AT);
    const validator = seededValidator(this.graph, this.validatorOptions, this.table.nameOf(id), {
      count: state.get(id, SEEN),
      current: state.get(id, CURRENT),
      lastTime: state.chunk(id).floats[(state.offset(id) >> 1) + LAST_TIME]!,
      lastTimeIndex: at <= -2 ? -2 - at : NONE,
      lastTimeLine: at >= 0 ? at : undefined,
      lastPushTime: NaN,
      violationCount: state.get(id, VIOLATIONS),
      violations,
      missedCount: state.get(id, MISSED_COUNT),
      missed,
    });
    // the pool's entries are the validator's now
    state.set(id, HEAD, -2 - (this.validators.push(validator) - 1));
    return validator;
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
