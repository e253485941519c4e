/**
 * The validator of one instance's history: checks an observed sequence of statuses against a service's compiled
 * status graph. It is incremental (push one observation at a time and read the verdict so far), for streams and for
 * waiting code. `createValidator` and `validateHistory` (validateHistory.ts) make one for a service; the fleet
 * validator makes one per instance over a graph it already has (`validatorOf`, `seededValidator`).
 *
 * Rules:
 * - a repeated status (a poll that saw no change) is always legal;
 * - `strict`: every change must be one transition of the machine;
 * - `sampled`: a change A → C is legal when a path A → … → C exists whose intermediate statuses are all
 *   `transitional`; the statuses in between are reported as presumably missed;
 * - `fromStart`: the first observation must be the initial status (otherwise any status may start);
 * - a status may hide sub-states: the validator tracks the set of leaf states consistent with the history so far
 *   (hidden moves between sub-states of one status are free, and a change is judged from every possible leaf);
 * - a record may carry an operation the user requested: it is applied to that set (after a DELETE, Kafka's ERROR is
 *   the sub-state that goes on to DELETED); an operation the set does not allow is an `operation-not-allowed`
 *   violation; until another status shows, the status the request was made in may still show (the API has not
 *   caught up: `RUNNING`, DELETE, `RUNNING`, `DELETING` is legal), as `waitForStatus`'s `operationGrace` allows;
 * - a status that differs from a known one only in case or surrounding spaces, or that is one of its aliases, is
 *   accepted as that one, with a note;
 *   an unknown status is reported with the closest known status, and the next known status starts afresh;
 * - times that go backwards are reported; validation goes on after every violation.
 */
import type { StatusGraph, StepExplanation } from '../graph/statusGraph.js';
import { BadArgumentTypeError } from '../model/badArgument.js';
import { checkNumber, checkOneOf, checkString, describeValue } from '../model/checkArgument.js';
import { closestStatus } from '../model/closestStatus.js';
import type { Observation } from '../model/index.js';
import { escapeControls, QUOTED_LENGTH, quoteInput } from '../model/quoteInput.js';
import { timeValue } from '../time/timeValue.js';
import { detachString } from './detachString.js';
import { readStatus } from './readStatus.js';

/** How changes of status are judged: one transition each (`strict`), or allowing missed transitional statuses. */
export type ValidationMode = 'strict' | 'sampled';

/** Options of `createValidator` and `validateHistory`. */
export interface ValidationOptions {
  /** Default `strict`. */
  mode?: ValidationMode;
  /** Require the history to start at the machine's initial status (the full life). Default false. */
  fromStart?: boolean;
  /** Record every change of status with the events that explain it, in `steps`. Default false. */
  explain?: boolean;
  /** The instance the history belongs to, copied into the verdict. */
  instance?: string;
  /**
   * Keep at most this many violations, missed-state records and notes (each) in the verdict; the rest are only
   * counted, in `omitted`. Explained steps are kept up to the same number. Bounds the memory of long streams.
   * Default: keep everything.
   */
  maxDetails?: number;
  /**
   * Called with each finding (violation, missed statuses, spelling note) as soon as it is found, for live output;
   * only for findings that are kept (see `maxDetails`).
   */
  onFinding?: (finding: Finding) => void;
  /**
   * Called with every violation as it is found (kept or not), for callers that aggregate violations as they
   * stream (the fleet report). Default: none.
   */
  onViolation?(violation: Violation): void;
  /**
   * Called with every change that passed through missed statuses (kept or not), as {@link MissedStates} are
   * recorded, for callers that aggregate them as they stream (the fleet report). Default: none.
   */
  onMissed?(missed: MissedStates): void;
}

/** One finding, as `onFinding` gets it: what kind, the instance, and the finding itself. */
export type Finding = { instance?: string } & (
  | ({ type: 'violation' } & Violation)
  | ({ type: 'missed' } & MissedStates)
  | ({ type: 'note' } & SpellingNote)
);

/** What kind of problem a violation is. */
export type ViolationKind =
  | 'illegal-transition'
  | 'unknown-status'
  | 'not-initial'
  | 'time-backwards'
  | 'invalid-time'
  | 'operation-not-allowed';

/** One problem in a history. */
export interface Violation {
  /** 0-based position of the offending observation in the history. */
  index: number;
  /** Its input line, when known. */
  line?: number;
  /**
   * The last known status before it (absent for the first observation). After an operation whose possible
   * outcomes show different statuses, those statuses joined with "or".
   */
  from?: string;
  /** The status observed (as given, for an unknown status), or the operation requested. */
  to: string;
  kind: ViolationKind;
  /**
   * The statuses that could have followed `from` (empty when there is no `from`); for `operation-not-allowed`, the
   * operations the possible states allowed.
   */
  allowed: string[];
  /** One line saying what is wrong. */
  message: string;
  /** For an unknown status: the closest known status. */
  suggestion?: string;
}

/** A change of status that was legal only because statuses were missed between two polls (sampled mode). */
export interface MissedStates {
  index: number;
  line?: number;
  from: string;
  to: string;
  /** The statuses presumably passed through, in order. */
  missed: string[];
}

/** An observation accepted after normalising its spelling. */
export interface SpellingNote {
  index: number;
  line?: number;
  given: string;
  status: string;
  message: string;
}

/** A legal change of status and the events that explain it (recorded with `explain: true`). */
export interface ExplainedStep {
  index: number;
  line?: number;
  from: string;
  to: string;
  events: string[];
  missed: string[];
  /** Where the step involves hidden sub-states: the leaf states along it (one more than `events`). */
  leaves?: string[];
}

/** The verdict on a history (or on the part pushed so far). */
export interface HistoryVerdict {
  service: string;
  instance?: string;
  mode: ValidationMode;
  /** True when there is no violation. */
  ok: boolean;
  /** How many observations were checked. */
  observations: number;
  /** The last known status, if any. */
  status?: string;
  violations: Violation[];
  missed: MissedStates[];
  notes: SpellingNote[];
  /** Only with `explain: true`. */
  steps?: ExplainedStep[];
  /** How many were found but not kept, beyond `maxDetails` (present only when some were left out). */
  omitted?: { violations: number; missed: number; notes: number };
}

/** An incremental validator over one instance's history. */
export interface HistoryValidator {
  /**
   * Check one more observation (a status, an operation, or an operation then the status seen after it); returns
   * true when it added no violation.
   */
  push(observation: Observation): boolean;
  /** Check one more status (the fast path: no observation object needed); returns true when legal. */
  pushStatus(status: string, line?: number, time?: string | number | Date): boolean;
  /**
   * Apply an operation the user requested (an operation event, e.g. `DELETE`) to the states the instance may be
   * in. One the states do not allow is a violation of kind `operation-not-allowed` and changes nothing (the API
   * refuses it). Returns true when allowed.
   */
  pushOperation(operation: string, line?: number, time?: string | number | Date): boolean;
  /**
   * The last known status, or undefined (nothing pushed yet, an unknown status last, or an operation whose
   * possible outcomes show different statuses).
   */
  readonly status: string | undefined;
  /**
   * The leaf states (`ERROR.whileDeleting`, or plain statuses) consistent with the history so far, in machine
   * order; empty when nothing is known.
   */
  readonly leaves: string[];
  /** The most recent violation, if any. */
  readonly lastViolation: Violation | undefined;
  /** The time of the last observation pushed, as milliseconds (see `timeValue`); NaN when it had none or it was unreadable. */
  readonly time: number;
  /** The verdict so far (a snapshot: later pushes do not change it). */
  verdict(): HistoryVerdict;
}

/**
 * A validator over an already built graph with already checked options, for one instance (the fleet validator
 * makes one per instance: no look-up or check is repeated for each).
 */
export function validatorOf(graph: StatusGraph, options: ValidationOptions, instance?: string): HistoryValidator {
  return new Validator(graph, options, instance ?? options.instance);
}

/**
 * Where a validator takes over a history already checked elsewhere (the fleet validator's compact state of an
 * instance that now needs detail): everything a verdict and the next push depend on. No operation may be pending
 * (the compact state never holds one).
 */
export interface ValidatorSeed {
  /** Observations checked so far. */
  count: number;
  /** The set of leaf states (an id of the graph's `sets`). */
  current: number;
  /** The last readable time (NaN for none), its observation index and line. */
  lastTime: number;
  lastTimeIndex: number;
  lastTimeLine: number | undefined;
  /** The time of the last observation pushed (NaN for none or unreadable). */
  lastPushTime: number;
  /** Violations found (kept or not), and those kept, in order. */
  violationCount: number;
  violations: Violation[];
  /** Steps with missed statuses found (kept or not), and those kept. */
  missedCount: number;
  missed: MissedStates[];
}

/**
 * A validator that goes on from a seed, with already checked options: its verdicts and later pushes are those of
 * a validator that was pushed the history the seed sums up.
 */
export function seededValidator(
  graph: StatusGraph,
  options: ValidationOptions,
  instance: string | undefined,
  seed: ValidatorSeed,
): HistoryValidator {
  const validator = new Validator(graph, options, instance);
  validator.seed(seed);
  return validator;
}

const MODES: readonly ValidationMode[] = ['strict', 'sampled'];

/**
 * Throws a `TypeError` or `RangeError` naming the option when `options` are not {@link ValidationOptions}.
 *
 * @example checkValidationOptions('validateFleet', { mode: 'bogus' }) // throws: validateFleet: mode must be one of strict, sampled, got "bogus"
 */
export function checkValidationOptions(where: string, options: ValidationOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new BadArgumentTypeError(`${where}: options must be an object, got ${describeValue(options)}`);
  if (options.mode !== undefined) checkOneOf(where, 'mode', options.mode, MODES);
  if (options.maxDetails !== undefined)
    checkNumber(where, 'maxDetails', options.maxDetails, { min: 0, integer: true, infinite: true });
  if (options.instance !== undefined) checkString(where, 'instance', options.instance);
}

class Validator implements HistoryValidator {
  // the fields every push reads or writes come first, so that they share the object's first cache lines
  private count = 0;
  private violationCount = 0;
  /** The set of leaf states consistent with the history so far (an id of the graph's `sets`). */
  private current: number;
  private lastTime = NaN;
  private lastTimeIndex = -1;
  private lastTimeLine: number | undefined;
  private lastPushTime = NaN;
  private readonly n: number;
  /** The graph's packed step table of the mode (see `StatusGraph.stepStrict`). */
  private readonly step: Int32Array;
  /** True while every legal change needs a look at its explanation (`explain` on, or just after an operation). */
  private slow: boolean;
  /** True before the first record of a `fromStart` history. */
  private atStart: boolean;
  private readonly next: Int32Array;
  private readonly why: Int32Array;
  /** By explanation index: 1 when a step so explained is recorded (it missed statuses, or `explain` is on). */
  private readonly recorded: Uint8Array;
  private readonly fromStart: boolean;
  private readonly mode: ValidationMode;
  private readonly explain: boolean;
  private readonly instance: string | undefined;
  private readonly maxDetails: number;
  private readonly onViolation: ((violation: Violation) => void) | undefined;
  private readonly onMissed: ((missed: MissedStates) => void) | undefined;
  private readonly onFinding: ((finding: Finding) => void) | undefined;
  private missedCount = 0;
  private noteCount = 0;
  private last: Violation | undefined;
  // made on first use: most histories of a fleet have none, and a fleet may hold many histories
  private violations: Violation[] | undefined;
  private missed: MissedStates[] | undefined;
  private notes: SpellingNote[] | undefined;
  private steps: ExplainedStep[] | undefined;
  /** After an operation, until the next status: the status last observed before it (or null for none). */
  private beforeOperation: string | null | undefined;

  constructor(
    private readonly graph: StatusGraph,
    options: ValidationOptions,
    instance = options.instance,
  ) {
    this.n = graph.statuses.length;
    this.mode = options.mode ?? 'strict';
    this.next = this.mode === 'sampled' ? graph.nextSampled : graph.nextStrict;
    this.step = this.mode === 'sampled' ? graph.stepSampled : graph.stepStrict;
    this.why = this.mode === 'sampled' ? graph.whySampled : graph.whyStrict;
    this.fromStart = options.fromStart ?? false;
    this.current = this.fromStart ? graph.initialSet : graph.unknownSet;
    this.explain = options.explain ?? false;
    this.slow = this.explain;
    this.atStart = this.fromStart;
    this.instance = instance;
    this.maxDetails = options.maxDetails ?? Infinity;
    this.onViolation = options.onViolation;
    this.onMissed = options.onMissed;
    this.onFinding = options.onFinding;
    this.recorded = this.explain ? new Uint8Array(graph.explanations.length).fill(1) : missingSteps(graph);
  }

  /** Take over from a seed (see {@link seededValidator}); only right on a new validator. */
  seed(seed: ValidatorSeed): void {
    this.count = seed.count;
    this.current = seed.current;
    this.atStart = this.fromStart && seed.count === 0;
    this.lastTime = seed.lastTime;
    this.lastTimeIndex = seed.lastTimeIndex;
    this.lastTimeLine = seed.lastTimeLine;
    this.lastPushTime = seed.lastPushTime;
    this.violationCount = seed.violationCount;
    this.missedCount = seed.missedCount;
    if (seed.violations.length > 0) {
      this.violations = seed.violations;
      this.last = seed.violations[seed.violations.length - 1];
    }
    if (seed.missed.length > 0) this.missed = seed.missed;
  }

  get status(): string | undefined {
    const status = this.graph.setStatus[this.current]!;
    return this.count === 0 || status < 0 ? undefined : this.graph.statuses[status];
  }

  get leaves(): string[] {
    if (this.count === 0 || this.current === this.graph.unknownSet) return [];
    return this.graph.sets[this.current]!.map((leaf) => this.graph.leaves[leaf]!);
  }

  get lastViolation(): Violation | undefined {
    return this.last;
  }

  get time(): number {
    return this.lastPushTime;
  }

  push(observation: Observation): boolean {
    if (typeof observation !== 'object' || observation === null)
      throw new BadArgumentTypeError(
        `validator: an observation must be a status string or an object with "status", got ${describeValue(observation)}`,
      );
    const { operation, status, line, time } = observation;
    if (operation === undefined) return this.pushStatus(status, line, time);
    if (typeof operation !== 'string')
      throw new BadArgumentTypeError(`validator: "operation" must be a string, got ${describeValue(operation)}`);
    const index = this.count++;
    const before = this.violationCount;
    if (time !== undefined) this.checkTime(index, line, status || operation, time);
    else this.lastPushTime = NaN;
    this.operation(index, line, operation);
    if (status !== '') this.observe(index, line, status);
    return this.violationCount === before;
  }

  pushOperation(operation: string, line?: number, time?: string | number | Date): boolean {
    if (typeof operation !== 'string')
      throw new BadArgumentTypeError(`validator: an operation must be a string, got ${describeValue(operation)}`);
    const index = this.count++;
    const before = this.violationCount;
    if (time !== undefined) this.checkTime(index, line, operation, time);
    else this.lastPushTime = NaN;
    this.operation(index, line, operation);
    return this.violationCount === before;
  }

  pushStatus(status: string, line?: number, time?: string | number | Date): boolean {
    if (typeof status !== 'string')
      throw new BadArgumentTypeError(`validator: status must be a string, got ${describeValue(status)}`);
    if (time !== undefined && typeof time !== 'string' && typeof time !== 'number' && !(time instanceof Date))
      throw new BadArgumentTypeError(
        `validator: time must be ISO 8601 text, a number of milliseconds or a Date (or left out), got ${describeValue(time)}`,
      );
    const index = this.count++;
    const before = this.violationCount;
    if (time !== undefined) this.checkTime(index, line, status, time);
    else this.lastPushTime = NaN;
    this.observe(index, line, status);
    return this.violationCount === before;
  }

  private observe(index: number, line: number | undefined, status: string): void {
    let to = this.graph.idOf(status);
    if (to < 0) {
      to = this.normalise(index, line, status);
      if (to < 0) {
        this.unknown(index, line, status);
        return;
      }
    }
    const from = this.current;
    if (this.atStart) {
      this.atStart = false;
      if (index === 0 && to !== this.graph.initial) {
        this.notInitial(index, line, to);
        this.current = this.next[this.graph.unknownSet * this.n + to]!;
        return;
      }
    }
    const cell = from * this.n + to;
    const step = this.step[cell]!;
    if (step < 0) {
      // right after a request the API may still show the status it was made in, until another status shows
      if (this.beforeOperation === this.graph.statuses[to]) return;
      this.illegal(index, line, from, to);
      this.current = this.next[this.graph.unknownSet * this.n + to]!;
      this.afterward(undefined);
      return;
    }
    if ((step & 1) === 1 || this.slow) this.record(index, line, from, to, cell);
    this.current = step >> 1;
  }

  /** A legal change that may need recording: it missed statuses, `explain` is on, or it follows an operation. */
  private record(index: number, line: number | undefined, from: number, to: number, cell: number): void {
    const why = this.why[cell]!;
    if (this.beforeOperation !== undefined) this.afterOperation(index, line, from, to, why);
    else if (why >= 0 && this.recorded[why] === 1) this.legal(index, line, from, to, why);
  }

  /** Set (or clear, with undefined) the status seen before the operations not yet followed by a status. */
  private afterward(seen: string | null | undefined): void {
    this.beforeOperation = seen;
    this.slow = this.explain || seen !== undefined;
  }

  /**
   * The first status after operations: the status the operations led to was not observed, so a change from the
   * status seen before them missed it (`RUNNING`, DELETE, `DELETED` missed DELETING).
   */
  private afterOperation(index: number, line: number | undefined, from: number, to: number, why: number): void {
    const seen = this.beforeOperation ?? undefined;
    this.afterward(undefined);
    const reached = this.graph.setStatus[from]!;
    const missed: string[] = [];
    const status = this.graph.statuses[to]!;
    const unobserved = reached >= 0 ? this.graph.statuses[reached]! : undefined;
    if (unobserved !== undefined && unobserved !== status && unobserved !== seen) missed.push(unobserved);
    const explanation = why >= 0 ? this.graph.explanations[why]! : { events: [], missed: [] };
    missed.push(...explanation.missed);
    const step = { index, ...at(line), from: seen ?? this.label(from), to: status };
    if (missed.length > 0) this.recordMissed({ ...step, missed });
    if (this.explain && why >= 0)
      this.steps = kept(this.steps, explained({ ...step, from: this.label(from) }, explanation), this.maxDetails);
  }

  private operation(index: number, line: number | undefined, operation: string): void {
    const graph = this.graph;
    const id = graph.operationIdOf(operation);
    const from = this.current;
    const next = id < 0 ? -1 : graph.nextOperation[from * graph.operations.length + id]!;
    if (next < 0) {
      this.notAllowed(index, line, operation, id >= 0);
      return; // a refused request changes nothing
    }
    if (this.explain)
      this.steps = kept(
        this.steps,
        { index, ...at(line), from: this.label(from), to: this.label(next), events: [operation], missed: [] },
        this.maxDetails,
      );
    if (this.beforeOperation === undefined) this.afterward(this.status ?? null);
    this.atStart = false;
    this.current = next;
  }

  verdict(): HistoryVerdict {
    const verdict: HistoryVerdict = {
      service: this.graph.service,
      mode: this.mode,
      ok: this.violationCount === 0,
      observations: this.count,
      violations: [...(this.violations ?? [])],
      missed: [...(this.missed ?? [])],
      notes: [...(this.notes ?? [])],
    };
    if (this.instance !== undefined) verdict.instance = this.instance;
    const status = this.status;
    if (status !== undefined) verdict.status = status;
    if (this.explain) verdict.steps = [...(this.steps ?? [])];
    const omitted = {
      violations: this.violationCount - (this.violations?.length ?? 0),
      missed: this.missedCount - (this.missed?.length ?? 0),
      notes: this.noteCount - (this.notes?.length ?? 0),
    };
    if (omitted.violations + omitted.missed + omitted.notes > 0) verdict.omitted = omitted;
    return verdict;
  }

  /** What a set of leaf states shows: its status, or its statuses joined with "or" (after an operation). */
  private label(set: number): string {
    return setLabel(this.graph, set);
  }

  private legal(index: number, line: number | undefined, from: number, to: number, why: number): void {
    const explanation = this.graph.explanations[why]!;
    if (explanation.missed.length > 0) this.recordMissed(missedStep(this.graph, index, line, from, to, why));
    if (this.explain) {
      const step = { index, ...at(line), from: this.label(from), to: this.graph.statuses[to]! };
      this.steps = kept(this.steps, explained(step, explanation), this.maxDetails);
    }
  }

  private recordMissed(missed: MissedStates): void {
    this.missedCount++;
    if (this.onFinding && (this.missed?.length ?? 0) < this.maxDetails) this.tell({ type: 'missed', ...missed });
    this.missed = kept(this.missed, missed, this.maxDetails);
    this.onMissed?.(missed);
  }

  private normalise(index: number, line: number | undefined, given: string): number {
    const { id, how } = readStatus(this.graph, given);
    if (id >= 0) {
      const status = this.graph.statuses[id]!;
      const message = `${quoteInput(given)} read as ${status}${how === 'alias' ? ' (an alias)' : ''}`;
      this.noteCount++;
      const note = { index, ...at(line), given: detachString(given), status, message: detachString(message) };
      if (this.onFinding && (this.notes?.length ?? 0) < this.maxDetails) this.tell({ type: 'note', ...note });
      this.notes = kept(this.notes, note, this.maxDetails);
    }
    return id;
  }

  private unknown(index: number, line: number | undefined, given: string): void {
    const suggestion = closestStatus(given, this.graph.statuses);
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
    const violation: Violation = {
      index,
      ...at(line),
      ...this.fromField(),
      to: detachString(given),
      kind: 'unknown-status',
      allowed: this.allowedFrom(),
      message: detachString(
        `unknown status ${quoteInput(given)} for ${this.graph.service}${hint}; known: ${this.graph.statuses.join(', ')}`,
      ),
    };
    if (suggestion) violation.suggestion = suggestion;
    this.report(violation);
    this.current = this.graph.unknownSet; // the next known status starts afresh: nothing is known of this one
    this.atStart = false;
    this.afterward(undefined);
  }

  private notInitial(index: number, line: number | undefined, to: number): void {
    this.report(notInitialViolation(this.graph, index, line, to));
  }

  private illegal(index: number, line: number | undefined, from: number, to: number): void {
    this.report(illegalViolation(this.graph, this.mode, index, line, from, to));
  }

  private notAllowed(index: number, line: number | undefined, operation: string, known: boolean): void {
    const graph = this.graph;
    const allowed = graph.operations.filter(
      (_, id) => graph.nextOperation[this.current * graph.operations.length + id]! >= 0,
    );
    const unknown = this.current === graph.unknownSet;
    const where = unknown ? '' : ` in ${this.label(this.current)}`;
    const message = known
      ? `${operation}: not allowed${where}; allowed${where}: ${allowed.join(', ') || 'none'}`
      : `unknown operation ${quoteInput(operation)} for ${graph.service}; operations: ${graph.operations.join(', ')}`;
    this.report({
      index,
      ...at(line),
      ...this.fromField(),
      to: operation,
      kind: 'operation-not-allowed',
      allowed,
      message,
    });
  }

  private checkTime(index: number, line: number | undefined, status: string, time: string | number | Date): void {
    const ms = timeValue(time);
    this.lastPushTime = ms;
    if (Number.isNaN(ms)) {
      const message = `unreadable time ${quoteInput(String(time))}: expected ISO 8601 text or a number`;
      this.report({
        index,
        ...at(line),
        ...this.fromField(),
        to: detachString(status),
        kind: 'invalid-time',
        allowed: this.allowedFrom(),
        message: detachString(message),
      });
      return;
    }
    if (ms < this.lastTime) {
      const where = this.lastTimeLine === undefined ? `observation ${this.lastTimeIndex}` : `line ${this.lastTimeLine}`;
      // numbers and dates as ISO 8601; text as written when short and harmless, quoted (escaped, cut) otherwise
      const shown =
        typeof time !== 'string'
          ? new Date(ms).toISOString()
          : time.length <= QUOTED_LENGTH && escapeControls(time) === time
            ? time
            : quoteInput(time);
      const message = `time goes backwards: ${shown} is earlier than the time of ${where}`;
      this.report({
        index,
        ...at(line),
        ...this.fromField(),
        to: detachString(status),
        kind: 'time-backwards',
        allowed: this.allowedFrom(),
        message: detachString(message),
      });
    }
    this.lastTime = ms;
    this.lastTimeIndex = index;
    this.lastTimeLine = line;
  }

  /** Record a violation (its texts from the input already detached, see {@link detachString}). */
  private report(violation: Violation): void {
    this.violationCount++;
    this.last = violation;
    if (this.onFinding && (this.violations?.length ?? 0) < this.maxDetails)
      this.tell({ type: 'violation', ...violation });
    this.violations = kept(this.violations, violation, this.maxDetails);
    this.onViolation?.(violation);
  }

  private tell(finding: Finding): void {
    if (this.instance !== undefined) finding.instance = this.instance;
    this.onFinding!(finding);
  }

  private fromField(): { from?: string } {
    return this.count <= 1 || this.current === this.graph.unknownSet ? {} : { from: this.label(this.current) };
  }

  /** The statuses that may be observed next (the current status left out: a repeat is always legal). */
  private allowedFrom(): string[] {
    return this.count <= 1 ? [] : allowedAfter(this.graph, this.mode, this.current);
  }
}

/** What a set of leaf states shows: its status, or its statuses joined with "or" (after an operation). */
function setLabel(graph: StatusGraph, set: number): string {
  const status = graph.setStatus[set]!;
  if (status >= 0) return graph.statuses[status]!;
  const shown = new Set(graph.sets[set]!.map((leaf) => graph.statuses[graph.leafStatus[leaf]!]!));
  return [...shown].join(' or ');
}

/** The statuses that may be observed after the set (its own status left out: a repeat is always legal). */
function allowedAfter(graph: StatusGraph, mode: ValidationMode, set: number): string[] {
  if (set === graph.unknownSet) return [];
  const next = mode === 'sampled' ? graph.nextSampled : graph.nextStrict;
  const n = graph.statuses.length;
  const own = graph.setStatus[set]!;
  const row = set * n;
  return graph.statuses.filter((_, to) => to !== own && next[row + to]! >= 0);
}

/**
 * The violation of observing status `to` after the set `from` where the machine allows no such change (never the
 * first observation of a history). Shared by the validator and the fleet validator's compact state.
 */
export function illegalViolation(
  graph: StatusGraph,
  mode: ValidationMode,
  index: number,
  line: number | undefined,
  from: number,
  to: number,
): Violation {
  const shared = sharedTexts(graph, mode);
  const fromStatus = setLabel(graph, from);
  const toStatus = graph.statuses[to]!;
  const allowed = allowedAfter(graph, mode, from);
  const key = from * graph.statuses.length + to;
  let message = shared.messages.get(key);
  if (message === undefined) {
    const how = mode === 'sampled' ? 'no path through transitional statuses' : 'no transition';
    const final = graph.sets[from]!.every((leaf) => graph.final[graph.leafStatus[leaf]!] === 1);
    message = final
      ? `${fromStatus} → ${toStatus}: ${fromStatus} is final, nothing may follow it`
      : `${fromStatus} → ${toStatus}: ${how} of ${graph.service} leads there; allowed from ${fromStatus}: ${allowed.join(', ') || 'none'}`;
    shared.messages.set(key, message);
  }
  // the texts are shared by every such violation: a fleet of illegal histories holds each once
  return { index, ...at(line), from: fromStatus, to: toStatus, kind: 'illegal-transition', allowed, message };
}

/** The violation of a `fromStart` history whose first observation, status `to`, is not the initial status. */
export function notInitialViolation(
  graph: StatusGraph,
  index: number,
  line: number | undefined,
  to: number,
): Violation {
  const initial = graph.statuses[graph.initial]!;
  const status = graph.statuses[to]!;
  return {
    index,
    ...at(line),
    to: status,
    kind: 'not-initial',
    allowed: [initial],
    message: `the history starts at ${status}, but a full life starts at ${initial}`,
  };
}

/** The record of a legal change from set `from` to status `to` that passed statuses unobserved (explanation `why`). */
export function missedStep(
  graph: StatusGraph,
  index: number,
  line: number | undefined,
  from: number,
  to: number,
  why: number,
): MissedStates {
  return {
    index,
    ...at(line),
    from: setLabel(graph, from),
    to: graph.statuses[to]!,
    missed: [...graph.explanations[why]!.missed],
  };
}

/** Texts every validator of a graph and mode shares: messages of illegal steps, and the allowed statuses. */
interface SharedTexts {
  /** By `from * n + to`. */
  messages: Map<number, string>;
  /** By status id: the statuses allowed after it, frozen (shared by every violation that lists them). */
  allowed: readonly (readonly string[])[];
}

const sharedTextsCache = new WeakMap<StatusGraph, Map<ValidationMode, SharedTexts>>();

function sharedTexts(graph: StatusGraph, mode: ValidationMode): SharedTexts {
  let byMode = sharedTextsCache.get(graph);
  if (byMode === undefined) {
    byMode = new Map();
    sharedTextsCache.set(graph, byMode);
  }
  let texts = byMode.get(mode);
  if (texts === undefined) {
    const allowed = mode === 'sampled' ? graph.allowedSampled : graph.allowedStrict;
    texts = { messages: new Map(), allowed: allowed.map((list) => Object.freeze([...list])) };
    byMode.set(mode, texts);
  }
  return texts;
}

const missingStepsCache = new WeakMap<StatusGraph, Uint8Array>();

/** By explanation index of a graph: 1 when the explained step passes through missed statuses. */
function missingSteps(graph: StatusGraph): Uint8Array {
  let flags = missingStepsCache.get(graph);
  if (flags === undefined) {
    flags = Uint8Array.from(graph.explanations, (e) => (e.missed.length > 0 ? 1 : 0));
    missingStepsCache.set(graph, flags);
  }
  return flags;
}

/** A step with its explanation, as recorded in `steps`. */
function explained(step: Omit<ExplainedStep, 'events' | 'missed'>, explanation: StepExplanation): ExplainedStep {
  const recorded: ExplainedStep = { ...step, events: [...explanation.events], missed: [...explanation.missed] };
  if (explanation.leaves !== undefined) recorded.leaves = [...explanation.leaves];
  return recorded;
}

/** `list` (a new one when there is none) with `item` added, unless it already holds `max` items. */
function kept<T>(list: T[] | undefined, item: T, max: number): T[] {
  const items = list ?? [];
  if (items.length < max) items.push(item);
  return items;
}

function at(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
