/**
 * `CompactReporter`: the fleet conformance report of NDJSON files, fed by the byte scanner (`NdjsonByteReader`:
 * instance numbers, status ids, times and lines, no string or object per record) and, for the lines it leaves to
 * the ordinary parser, by observations. Changes are judged by the compact fleet validator `validate` uses
 * (`CompactFleet`: a few integers per instance, a full validator only where an instance needs one: operations,
 * spellings, time problems), which tells the report each violation and each change through missed statuses; what
 * the report keeps per instance (the status shown, since when, whether it was entered, an operation in progress,
 * where it was first seen) lies in typed arrays keyed by the instance number. The report is exactly that of the
 * reporter of observations (`fleetReporter.ts`, one validator per instance), which the tests hold it to.
 */
import type { StatusGraph } from '../graph/statusGraph.js';
import type { FastTimeForm, NdjsonByteSink } from '../input/ndjsonBytes.js';
import type { Observation } from '../model/index.js';
import { timeValue } from '../time/timeValue.js';
import { CompactFleet, knownTimeText } from '../validation/compactFleet.js';
import type { HistoryValidator, Violation } from '../validation/validator.js';
import type { FleetReportOptions } from './fleetReporter.js';
import { FleetTallies } from './fleetTallies.js';
import type { InstanceEnd } from './stuck.js';
import type { ConformanceReport } from './types.js';
import type { InstanceGroups } from './violationGroups.js';

/** Per-instance flags: the instance has a record, has shown a status, the change into its status was seen. */
const RECORDED = 1;
const SEEN = 2;
const ENTERED = 4;
/** No line. */
const NONE = -1;

/** The fleet report over compact per-instance state (see the module's comment). */
export class CompactReporter {
  private readonly fleet: CompactFleet;
  private readonly tallies: FleetTallies;
  private readonly n: number;
  // per instance, by its number in the fleet's instance table
  private capacity = 1024;
  private filled = 0;
  /** The status shown (id), or -1 before any and after an unknown status. */
  private current = new Int32Array(this.capacity);
  /** Time of the first observation of the current status (NaN when unreadable). */
  private since = new Float64Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  /** Span of the operation in progress, or -1; and when it started. */
  private operation = new Int32Array(this.capacity);
  private operationStart = new Float64Array(this.capacity);
  /** Input (index) and line (NaN for none) of the first observation of the current status. */
  private file = new Int32Array(this.capacity);
  private line = new Float64Array(this.capacity);
  /** The violation groups of each instance that has a violation. */
  private readonly groupsOf = new Map<number, InstanceGroups>();
  /** What the record being read was found to be: any violation, an illegal transition, statuses missed. */
  private stepViolated = false;
  private stepIllegal = false;
  private stepMissed: readonly string[] | undefined;
  /** The instance of the record being read. */
  private active = 0;
  /** Whether the report lists every history's verdict. */
  private readonly withHistories: boolean;

  constructor(
    private readonly graph: StatusGraph,
    options: FleetReportOptions,
  ) {
    this.tallies = new FleetTallies(graph, options);
    this.withHistories = options.histories ?? false;
    this.n = graph.statuses.length;
    this.fleet = new CompactFleet(
      graph,
      { mode: this.tallies.mode, fromStart: this.tallies.fromStart, maxDetails: 100 },
      {
        onViolation: (violation) => this.violation(violation),
        onMissed: (missed) => {
          this.stepMissed = missed.missed;
        },
      },
    );
  }

  /** Name the input the next records come from; its format is NDJSON. */
  startInput(file: string): void {
    this.tallies.startInput(file);
    this.tallies.setFormat('ndjson');
  }

  get observations(): number {
    return this.tallies.total;
  }

  /** The statuses of the machine, by id (what {@link record} takes). */
  get statuses(): readonly string[] {
    return this.graph.statuses;
  }

  get histories(): number {
    return this.fleet.table.size;
  }

  /** Where the byte scanner puts what it reads. */
  sink(): NdjsonByteSink {
    const table = this.fleet.table;
    return {
      intern: (bytes, start, end) => (start < 0 ? table.intern(undefined) : table.internBytes(bytes, start, end)),
      record: (instance, status, time, form, line) => this.record(instance, status, time, form, line),
      observation: (observation) => this.push(observation),
    };
  }

  /** A record of the byte scanner: instance number, a status id spelled exactly, time (ms, NaN for none), line. */
  record(instance: number, status: number, time: number, form: FastTimeForm, line: number): void {
    const id = this.start(instance);
    const current = this.current[id]!;
    const flags = this.flags[id]!;
    this.flags[id] = flags | RECORDED;
    if (this.fleet.stepKnown(id, status, time, line)) {
      if (time > this.tallies.newest) this.tallies.newest = time;
      // the common case: a poll that saw no change
      if (status === current && !this.stepViolated && this.stepMissed === undefined) {
        this.tallies.repeats++;
        this.tallies.byStatus[current]!++;
        return;
      }
      this.after(id, flags, !this.stepViolated, status, time, line === NONE ? undefined : line);
      return;
    }
    const validator = this.fleet.fullValidator(id);
    const ok = validator.pushStatus(
      this.graph.statuses[status]!,
      line === NONE ? undefined : line,
      knownTimeText(time, form),
    );
    this.judged(id, current, flags, validator, ok, status === current, line === NONE ? undefined : line);
  }

  /** An observation (a line the byte scanner left to the ordinary parser). */
  push(o: Observation): void {
    const id = this.start(this.fleet.table.intern(o.instance));
    const current = this.current[id]!;
    const flags = this.flags[id]!;
    this.flags[id] = flags | RECORDED;
    const operation = o.operation !== undefined;
    if (!operation) {
      // on the compact state when the fleet validator would be: a status spelled exactly, a readable time or none
      const status = this.graph.idOf(o.status);
      const { time: given, line } = o;
      const time =
        given === undefined ? NaN : typeof given === 'string' || typeof given === 'number' ? timeValue(given) : NaN;
      if (
        status >= 0 &&
        (given === undefined || !Number.isNaN(time)) &&
        (line === undefined || (Number.isInteger(line) && line >= 0)) &&
        this.fleet.stepKnown(id, status, time, line ?? NONE)
      ) {
        if (time > this.tallies.newest) this.tallies.newest = time;
        if (status === current && !this.stepViolated && this.stepMissed === undefined) {
          this.tallies.repeats++;
          this.tallies.byStatus[current]!++;
          return;
        }
        this.after(id, flags, !this.stepViolated, status, time, line);
        return;
      }
    }
    const validator = this.fleet.fullValidator(id);
    // an operation record goes through the validator as `validate` pushes it (applied to the possible states)
    const ok = operation ? validator.push(o) : validator.pushStatus(o.status, o.line, o.time);
    if (operation && o.status === '') {
      // a request, not a status: the status shown goes on (the change it leads to is judged at the next status)
      const time = validator.time;
      if (time > this.tallies.newest) this.tallies.newest = time;
      this.tallies.operationRecords++;
      if (!ok && (flags & RECORDED) !== 0) this.tallies.illegalSteps++;
      return;
    }
    this.judged(id, current, flags, validator, ok, current >= 0 && o.status === this.graph.statuses[current], o.line);
  }

  /** The start of a record of instance number `id` (its state made when it is first seen). */
  private start(id: number): number {
    if (id >= this.filled) this.add(id);
    this.tallies.total++;
    this.stepViolated = false;
    this.stepIllegal = false;
    this.stepMissed = undefined;
    this.active = id;
    return id;
  }

  /** A status record its full validator judged (`repeat`: spelled as the status shown now). */
  private judged(
    id: number,
    current: number,
    flags: number,
    validator: HistoryValidator,
    ok: boolean,
    repeat: boolean,
    line: number | undefined,
  ): void {
    const time = validator.time;
    if (time > this.tallies.newest) this.tallies.newest = time;
    if (ok && repeat && this.stepMissed === undefined) {
      this.tallies.repeats++;
      this.tallies.byStatus[current]!++;
      return;
    }
    const after = validator.status;
    this.after(id, flags, ok, after === undefined ? -1 : this.graph.idOf(after), time, line);
  }

  /** A status record that is not a plain repeat: the status shown is `to` (-1: unknown) from time `time`. */
  private after(id: number, flags: number, ok: boolean, to: number, time: number, line: number | undefined): void {
    const tallies = this.tallies;
    const first = (flags & SEEN) === 0;
    let state = flags | RECORDED | SEEN;
    if (!ok && (flags & RECORDED) !== 0) tallies.illegalSteps++;
    const from = this.current[id]!;
    const since = this.since[id]!;
    // the status shown until now ended: its dwell time, when its start was seen
    if (from !== to && from >= 0 && (flags & ENTERED) !== 0 && time >= since) tallies.dwell[from]!.add(time - since);
    if (to < 0) {
      tallies.unknown++;
      if (this.operation[id]! >= 0) this.endOperation(id, -1, time, false);
      this.current[id] = -1;
      this.since[id] = time;
      this.flags[id] = state | ENTERED;
      this.mark(id, line);
      return;
    }
    this.flags[id] = state;
    tallies.byStatus[to]!++;
    // the same status again is a repeat, unless the validator found it illegal or left and back through missed
    // statuses (after an operation record: RUNNING, RESTART, RUNNING missed RESTARTING)
    if (from === to && !this.stepIllegal && this.stepMissed === undefined) {
      tallies.repeats++;
      return;
    }
    const cell = from * this.n + to;
    if (from < 0) tallies.starts++;
    else if (this.stepIllegal) tallies.illegalPairs[cell]!++;
    else if (this.stepMissed !== undefined) tallies.missedPath(from, to, this.stepMissed);
    else tallies.pairs[cell]!++;
    if (from === to) return;
    if (this.operation[id]! >= 0) this.endOperation(id, to, time, ok);
    if (this.operation[id]! < 0) {
      const span = from >= 0 ? tallies.spans.byPair[cell]! : first ? tallies.creationAt(to) : -1;
      if (span >= 0 && ok && !Number.isNaN(time)) {
        this.operation[id] = span;
        this.operationStart[id] = time;
      }
    }
    this.current[id] = to;
    this.since[id] = time;
    // a history's first status was entered before it was seen, unless it is the initial one: then the life starts
    state &= ~ENTERED;
    if (!first || to === this.graph.initial) state |= ENTERED;
    this.flags[id] = state;
    this.mark(id, line);
  }

  /** Where the current status was first seen (for the stuck list). */
  private mark(id: number, line: number | undefined): void {
    this.file[id] = this.tallies.input;
    this.line[id] = line ?? NaN;
  }

  /** An operation in progress meets status `to` (-1: unknown): it ends there, goes on, or is cut short. */
  private endOperation(id: number, to: number, time: number, ok: boolean): void {
    const span = this.operation[id]!;
    if (to >= 0 && ok && this.tallies.spans.transitional[to] === 1) return; // still in progress
    this.operation[id] = -1;
    const start = this.operationStart[id]!;
    this.tallies.operationEnded(span, to >= 0 && ok && time >= start ? to : -1, time - start);
  }

  private violation(violation: Violation): void {
    this.stepViolated = true;
    if (violation.kind === 'illegal-transition') this.stepIllegal = true;
    const id = this.active;
    const tallies = this.tallies;
    const groups = tallies.groups.add(
      violation,
      () => this.fleet.table.nameOf(id) ?? null,
      tallies.fileOf(tallies.input),
      this.groupsOf.get(id),
    );
    if (groups !== undefined) this.groupsOf.set(id, groups);
  }

  /** The report so far. */
  report(): ConformanceReport {
    const stream = this.fleet.reportStream();
    const validation = {
      ok: stream.ok,
      summary: stream.summary,
      ...(this.withHistories ? { histories: [...stream.histories] } : {}),
    };
    const open = new Float64Array(this.tallies.spans.spans.length);
    for (let id = 0; id < this.filled; id++) if (this.operation[id]! >= 0) open[this.operation[id]!]!++;
    return this.tallies.report(validation, this.ends(), open);
  }

  /** Where the instances whose last status is transitional (the only ones that can be stuck) ended. */
  private *ends(): Generator<InstanceEnd, void, undefined> {
    const transitional = this.tallies.spans.transitional;
    for (let id = 0; id < this.filled; id++) {
      const current = this.current[id]!;
      if (current < 0 || transitional[current] !== 1 || Number.isNaN(this.since[id])) continue;
      const line = this.line[id]!;
      yield {
        instance: this.fleet.table.nameOf(id) ?? null,
        current,
        since: this.since[id]!,
        entered: (this.flags[id]! & ENTERED) !== 0,
        file: this.tallies.fileOf(this.file[id]!),
        line: Number.isNaN(line) ? undefined : line,
      };
    }
  }

  /** State for instance number `id` (numbers come in order: `id` is the next one). */
  private add(id: number): void {
    if (id >= this.capacity) this.grow(Math.max(id + 1, Math.ceil(this.capacity * 1.5)));
    this.current[id] = -1;
    this.since[id] = NaN;
    this.flags[id] = 0;
    this.operation[id] = -1;
    this.operationStart[id] = NaN;
    this.file[id] = 0;
    this.line[id] = NaN;
    this.filled = id + 1;
  }

  private grow(size: number): void {
    this.capacity = size;
    const int = (old: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(old);
      return grown;
    };
    const float = (old: Float64Array) => {
      const grown = new Float64Array(size);
      grown.set(old);
      return grown;
    };
    this.current = int(this.current);
    this.since = float(this.since);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
    this.operation = int(this.operation);
    this.operationStart = float(this.operationStart);
    this.file = int(this.file);
    this.line = float(this.line);
  }
}
