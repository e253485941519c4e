/**
 * `createFleetReporter`: the fleet conformance report in the same single streaming pass as `validate`. Every
 * observation (a status, or an operation record) goes to its instance's incremental validator (the one `validate`
 * uses, with the same options), and a few numbers per instance (current status, since when, an operation in
 * progress) feed counters and quantile sketches. Each change of status is classed by what that validator found
 * (legal, through missed statuses, or illegal), never by its status pair alone: with hidden sub-states and
 * operations, the same pair can be legal in one history and illegal in another. Memory grows with the number of
 * instances and of distinct violation groups and missed-status paths, not with the records. This is the report of
 * observations (every input but regular NDJSON files, which `compactReporter.ts` reads as bytes), and the reference
 * the compact reporter is tested against.
 */
import type { Service } from '../../machines/index.js';
import { type StatusGraph, statusGraph } from '../graph/statusGraph.js';
import type { InputFormat } from '../input/format.js';
import type { Observation } from '../model/index.js';
import { detachString } from '../validation/detachString.js';
import { fleetReportOf } from '../validation/fleetValidator.js';
import { createValidator } from '../validation/validateHistory.js';
import type { HistoryValidator, ValidationMode, ValidationOptions, Violation } from '../validation/validator.js';
import { FleetTallies } from './fleetTallies.js';
import type { ConformanceReport } from './types.js';
import type { InstanceGroups } from './violationGroups.js';

/** Options of {@link createFleetReporter} and the functions built on it. */
export interface FleetReportOptions {
  /** Default `strict`. */
  mode?: ValidationMode;
  /** Every history must start at the initial status. Default false. */
  fromStart?: boolean;
  /** A transitional last status older than this (in time units: ms for ISO 8601 text) is stuck. Default: its p99. */
  stuckAfter?: number;
  /** A violation seen in at least this many instances is drift. Default `DEFAULT_DRIFT_MIN` (3). */
  driftMin?: number;
  /** Relative accuracy of the quantile sketches. Default {@link DEFAULT_ALPHA}. */
  alpha?: number;
  /** Include each instance's verdict (`histories`), as `validate --json` gives it. Default false. */
  histories?: boolean;
}

/** A fleet report being built: name each input, push its observations, then read the report. */
export interface FleetReporter {
  /** Say which input the next observations come from (for evidence); its format once known. */
  startInput(file: string): void;
  /** Record the format the current input was read as. */
  setFormat(format: InputFormat | undefined): void;
  push(observation: Observation): void;
  pushAll(observations: readonly Observation[]): void;
  readonly observations: number;
  readonly histories: number;
  report(): ConformanceReport;
}

/** What the reporter keeps per instance. */
class Track {
  /** Index of the status being shown (status id), or -1 before any and after an unknown status. */
  current = -1;
  /** Time of the first observation of the current status (NaN when unreadable). */
  since = NaN;
  /** Whether the change into the current status was seen (false for a history's first status, unless initial). */
  entered = false;
  /** Span of the operation in progress, or -1. */
  operation = -1;
  operationStart = NaN;
  /** Whether the instance has shown any status yet. */
  seen = false;
  /** Records of the instance so far (statuses and operations): every one after the first is a step. */
  records = 0;
  /** Input (index) and line of the first observation of the current status. */
  file = 0;
  line: number | undefined = undefined;
  groups: InstanceGroups | undefined = undefined;

  constructor(
    readonly key: string | undefined,
    readonly validator: HistoryValidator,
  ) {}
}

/**
 * A new fleet reporter for a service.
 *
 * @example
 * const reporter = createFleetReporter('kafka', { mode: 'sampled' });
 * reporter.pushAll([{ instance: 'a', status: 'RUNNING', time: 0 }, { instance: 'a', status: 'DELETED', time: 60_000 }]);
 * reporter.report().transitions.missed // [{ status: 'DELETING', count: 1 }]
 */
export function createFleetReporter(service: string | Service, options: FleetReportOptions = {}): FleetReporter {
  return new Reporter(statusGraph(service), service, options);
}

class Reporter implements FleetReporter {
  private readonly tracks = new Map<string | undefined, Track>();
  private readonly tallies: FleetTallies;
  private readonly n: number;
  /** What the validator found on the record being pushed: an illegal transition, and statuses missed. */
  private stepIllegal = false;
  private stepMissed: readonly string[] | undefined;
  private readonly validatorOptions: ValidationOptions;
  private readonly mode: ValidationMode;
  private readonly fromStart: boolean;
  private active: Track | undefined;

  constructor(
    private readonly graph: StatusGraph,
    private readonly service: string | Service,
    options: FleetReportOptions,
  ) {
    this.tallies = new FleetTallies(graph, options);
    this.n = graph.statuses.length;
    this.mode = this.tallies.mode;
    this.fromStart = this.tallies.fromStart;
    this.validatorOptions = {
      mode: this.mode,
      fromStart: this.fromStart,
      maxDetails: 100,
      onViolation: (violation) => this.violation(violation),
      onMissed: (missed) => {
        this.stepMissed = missed.missed;
      },
    };
  }

  startInput(file: string): void {
    this.tallies.startInput(file);
  }

  setFormat(format: InputFormat | undefined): void {
    this.tallies.setFormat(format);
  }

  get observations(): number {
    return this.tallies.total;
  }

  get histories(): number {
    return this.tracks.size;
  }

  push(observation: Observation): void {
    this.observe(observation);
  }

  pushAll(observations: readonly Observation[]): void {
    for (const o of observations) this.observe(o);
  }

  private trackOf(instance: string | undefined): Track {
    let track = this.tracks.get(instance);
    if (track === undefined) {
      const key = instance === undefined ? undefined : detachString(instance); // kept for the whole run
      const validator = createValidator(
        this.service,
        key === undefined ? this.validatorOptions : { ...this.validatorOptions, instance: key },
      );
      track = new Track(key, validator);
      this.tracks.set(key, track);
    }
    return track;
  }

  private observe(o: Observation): void {
    const tallies = this.tallies;
    const track = this.trackOf(o.instance);
    const validator = track.validator;
    this.active = track;
    tallies.total++;
    const current = track.current;
    this.stepIllegal = false;
    this.stepMissed = undefined;
    const operation = o.operation !== undefined;
    const step = track.records++ > 0;
    // an operation record goes through the validator as `validate` pushes it (applied to the possible states)
    const ok = operation ? validator.push(o) : validator.pushStatus(o.status, o.line, o.time);
    const time = validator.time;
    if (time > tallies.newest) tallies.newest = time;
    if (operation && o.status === '') {
      // a request, not a status: the status shown goes on (the change it leads to is judged at the next status)
      tallies.operationRecords++;
      if (!ok && step) tallies.illegalSteps++;
      return;
    }
    // the common case: a poll that saw no change, spelled as the machine spells it
    if (ok && current >= 0 && this.stepMissed === undefined && o.status === this.graph.statuses[current]) {
      tallies.repeats++;
      tallies.byStatus[current]!++;
      return;
    }
    const first = !track.seen;
    track.seen = true;
    if (!ok && step) tallies.illegalSteps++;
    this.change(track, validator.status, time, ok, first, o.line);
  }

  private change(
    track: Track,
    after: string | undefined,
    time: number,
    ok: boolean,
    first: boolean,
    line: number | undefined,
  ): void {
    const tallies = this.tallies;
    const from = track.current;
    const to = after === undefined ? -1 : this.graph.idOf(after);
    // the status shown until now ended: its dwell time, when its start was seen
    if (from !== to && from >= 0 && track.entered && time >= track.since) tallies.dwell[from]!.add(time - track.since);
    if (to < 0) {
      tallies.unknown++;
      if (track.operation >= 0) this.endOperation(track, -1, time, false);
      track.current = -1;
      track.since = time;
      track.entered = true;
      this.mark(track, line);
      return;
    }
    tallies.byStatus[to]!++;
    // the same status again is a repeat, unless the validator found it illegal or left and back through missed
    // statuses (after an operation record: RUNNING, RESTART, RUNNING missed RESTARTING)
    if (from === to && !this.stepIllegal && this.stepMissed === undefined) {
      tallies.repeats++;
      return;
    }
    if (from < 0) tallies.starts++;
    else if (this.stepIllegal) tallies.illegalPairs[from * this.n + to]!++;
    else if (this.stepMissed !== undefined) tallies.missedPath(from, to, this.stepMissed);
    else tallies.pairs[from * this.n + to]!++;
    if (from === to) return;
    if (track.operation >= 0) this.endOperation(track, to, time, ok);
    if (track.operation < 0) {
      const span = from >= 0 ? tallies.spans.byPair[from * this.n + to]! : first ? tallies.creationAt(to) : -1;
      if (span >= 0 && ok && !Number.isNaN(time)) {
        track.operation = span;
        track.operationStart = time;
      }
    }
    track.current = to;
    track.since = time;
    // a history's first status was entered before it was seen, unless it is the initial one: then the life starts
    track.entered = !first || to === this.graph.initial;
    this.mark(track, line);
  }

  /** Where the current status was first seen (for the stuck list). */
  private mark(track: Track, line: number | undefined): void {
    track.file = this.tallies.input;
    track.line = line;
  }

  /** An operation in progress meets status `to` (-1: unknown): it ends there, goes on, or is cut short. */
  private endOperation(track: Track, to: number, time: number, ok: boolean): void {
    const span = track.operation;
    if (to >= 0 && ok && this.tallies.spans.transitional[to] === 1) return; // still in progress
    track.operation = -1;
    const done = to >= 0 && ok && time >= track.operationStart;
    this.tallies.operationEnded(span, done ? to : -1, time - track.operationStart);
  }

  private violation(violation: Violation): void {
    if (violation.kind === 'illegal-transition') this.stepIllegal = true;
    const track = this.active!;
    const tallies = this.tallies;
    track.groups = tallies.groups.add(violation, track.key ?? null, tallies.fileOf(tallies.input), track.groups);
  }

  report(): ConformanceReport {
    const validation = fleetReportOf(
      this.graph.service,
      this.mode,
      this.fromStart,
      (function* (tracks) {
        for (const [key, track] of tracks) yield [key, track.validator] as const;
      })(this.tracks),
    );
    const open = new Float64Array(this.tallies.spans.spans.length);
    for (const track of this.tracks.values()) if (track.operation >= 0) open[track.operation]!++;
    return this.tallies.report(validation, this.tracksForStuck(), open);
  }

  private *tracksForStuck() {
    for (const track of this.tracks.values()) {
      yield {
        instance: track.key ?? null,
        current: track.current,
        since: track.since,
        entered: track.entered,
        file: this.tallies.fileOf(track.file),
        line: track.line,
      };
    }
  }
}
