/** The fleet conformance report as plain data: what `report --json` prints and `fleetReport` returns. */
import type { InputFormat } from '../input/format.js';
import type { SketchData } from '../stats/quantileSketch.js';
import type { FleetReport, HistoryReport, ValidationMode, ViolationKind } from '../validation/index.js';

/** Where a violation was seen: an instance, its input, and the first lines of it there. */
export interface Evidence {
  /** The instance id, or null for records without one. */
  instance: string | null;
  /** The input the lines are in. */
  file: string;
  /** Up to {@link MAX_EVIDENCE_LINES} input lines (1-based; absent for inputs without lines). */
  lines: number[];
  /** How many times the instance showed this violation (all of them, also beyond the lines kept). */
  count: number;
}

/** The violations of one kind between one pair of statuses, across the fleet: one model gap, one line. */
export interface ViolationGroup {
  kind: ViolationKind;
  /** The last known status before (absent for the first observation of a history). */
  from?: string;
  /** The status observed (as given, for an unknown status). */
  to: string;
  /** Violations in the group (every one). */
  count: number;
  /** Distinct instances that showed it. */
  instances: number;
  /** The validator's message of the first one. */
  message: string;
  /** The first instances that showed it (at most a few), with lines. */
  examples: Evidence[];
}

/** How well the fleet fits the machine. */
export interface Fitness {
  histories: number;
  legalHistories: number;
  /** legalHistories / histories (1 for no history). */
  historyFitness: number;
  /** Changes between consecutive observations of one instance: observations minus histories. */
  steps: number;
  /** Steps that added no violation. */
  legalSteps: number;
  /** legalSteps / steps (1 for no step). */
  stepFitness: number;
  /** Every violation, grouped by kind and (from, to) pair, most frequent first. */
  violations: ViolationGroup[];
  /** Violations not grouped because there were more than {@link MAX_GROUPS} distinct groups (counted only). */
  ungrouped: number;
}

/** What each observation was; the parts add up to the number of observations. */
export interface ObservationCounts {
  total: number;
  /** The first known status of a history, or the first after an unknown one. */
  starts: number;
  /** The same status as the observation before (a poll that saw no change). */
  repeats: number;
  /**
   * A different status than the one before (legal or not), or the same one after an operation record that left
   * it (judged illegal, or left and back through missed statuses): every change counted in `transitions`
   * (modelled, through missed statuses, illegal).
   */
  changes: number;
  /** An unknown status. */
  unknown: number;
  /** A record of an operation a user requested, without a status: applied by the validator, no change of status. */
  operations: number;
  /** Observations per known status (their sum is total minus unknown). */
  byStatus: { status: string; count: number }[];
}

/** One status pair of the machine, with how often the fleet took it. */
export interface TransitionCount {
  from: string;
  to: string;
  /** The events that lead from `from` to `to` (the machine's order). */
  events: string[];
  /** Changes observed as this pair. */
  count: number;
  /** Times it was passed between two observations (sampled mode: on a path through missed statuses). */
  inferred: number;
}

/** Which changes of status the fleet showed. */
export interface TransitionReport {
  /** Every status pair the machine has a transition for, with counts. */
  modelled: TransitionCount[];
  /** Modelled pairs neither observed nor inferred. */
  neverObserved: { from: string; to: string; events: string[] }[];
  /**
   * Observed changes explained by missed statuses (sampled mode, or the status an operation record led to and no
   * poll showed), per pair and statuses missed: the validator's `missed` records.
   */
  throughMissed: { from: string; to: string; missed: string[]; count: number }[];
  /** How often each status was presumably missed. */
  missed: { status: string; count: number }[];
  /**
   * Observed changes the validator judged illegal, per pair (their violations are in `fitness.violations`). A pair
   * can be illegal in one history and legal in another: with hidden sub-states and operations, what may follow a
   * status depends on the history before it.
   */
  illegal: { from: string; to: string; count: number }[];
}

/** Summary figures of a set of durations, from a quantile sketch. */
export interface DurationStats {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** The sketch itself (mergeable; `simulate --durations-from` reads it). */
  sketch: SketchData;
}

/** How long instances stayed in a status. */
export interface DwellTimes extends DurationStats {
  status: string;
}

/** How long an operation took, from its start status to the first status that is not transitional. */
export interface OperationDurations extends DurationStats {
  /** The operation event, or `creation`. */
  operation: string;
  /** The statuses it starts in. */
  starts: string[];
  /** How many ended in each status. */
  outcomes: { status: string; count: number }[];
  /** Started but not ended by the end of the input (or cut short by a violation): not measured. */
  open: number;
}

/** An instance whose last status is transitional and has lasted longer than the threshold. */
export interface StuckInstance {
  instance: string | null;
  status: string;
  /** When the status was first seen (time value, milliseconds for ISO 8601 text). */
  since: number;
  /** `newest - since`. */
  age: number;
  /** The threshold it passed: `--stuck-after`, or the status's p99 dwell time. */
  threshold: number;
  /** False when the history starts with the status: it may have been entered earlier (age is then a lower bound). */
  entered: boolean;
  file: string;
  line?: number;
}

/** Stuck instances, judged relative to the newest time in the input. */
export interface StuckReport {
  /** The newest time in the input (null when no observation had a readable time). */
  newest: number | null;
  /** The fixed threshold, or `p99` (each status's own p99 dwell time). */
  threshold: number | 'p99';
  instances: StuckInstance[];
  /** With the p99 default: transitional statuses some instance ended in that have no dwell time to judge by. */
  unjudged: { status: string; instances: number }[];
}

/** A violation seen in at least `minInstances` instances: a likely drift of the service from the model. */
export interface DriftFinding {
  kind: ViolationKind;
  from?: string;
  to: string;
  count: number;
  instances: number;
  message: string;
  evidence: Evidence[];
}

/** The conformance of a fleet's histories to a service's machine. */
export interface ConformanceReport {
  service: string;
  mode: ValidationMode;
  fromStart: boolean;
  /** The inputs read, in order. */
  inputs: { file: string; format: InputFormat | undefined }[];
  /** True when every history is legal. */
  ok: boolean;
  /** The same totals as `validate`. */
  summary: FleetReport['summary'];
  fitness: Fitness;
  observations: ObservationCounts;
  transitions: TransitionReport;
  /** Dwell time per status: from the first observation showing it to the first showing another status. */
  dwell: DwellTimes[];
  operations: OperationDurations[];
  stuck: StuckReport;
  drift: { minInstances: number; findings: DriftFinding[] };
  /** Each instance's verdict, as `validate --json` gives it (only with `histories: true`). */
  histories?: HistoryReport[];
}
