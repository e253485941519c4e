/**
 * `FleetTallies`: the fleet report's figures that do not belong to one instance (counts per status and per status
 * pair, changes through missed statuses, dwell-time and operation sketches, violation groups, the inputs), and the
 * report made of them. Both ways of building a report keep theirs here: the reporter of observations
 * (`fleetReporter.ts`, a validator per instance) and the compact one of NDJSON files (`compactReporter.ts`).
 */
import type { StatusGraph } from '../graph/statusGraph.js';
import type { InputFormat } from '../input/format.js';
import { DEFAULT_ALPHA, QuantileSketch } from '../stats/quantileSketch.js';
import { detachString } from '../validation/detachString.js';
import type { FleetReport, HistoryReport } from '../validation/fleetValidator.js';
import type { ValidationMode } from '../validation/validator.js';
import { driftFindings } from './drift.js';
import { durationStats } from './durationStats.js';
import type { FleetReportOptions } from './fleetReporter.js';
import { type OperationTable, operationTable } from './operations.js';
import { type InstanceEnd, stuckInstances } from './stuck.js';
import { type MissedPath, transitionReport } from './transitionCounts.js';
import type { ConformanceReport, ObservationCounts } from './types.js';
import { ViolationGroups } from './violationGroups.js';

/** Drift needs a violation in at least this many instances, unless told otherwise. */
export const DEFAULT_DRIFT_MIN = 3;

/** What the validation of the fleet found: its verdict and totals, and each history when the report lists them. */
export interface FleetVerdicts {
  ok: boolean;
  summary: FleetReport['summary'];
  histories?: HistoryReport[];
}

/** The figures of a fleet report that are not per instance (see the module's comment). */
export class FleetTallies {
  readonly n: number;
  /** Legal changes of one transition, per status pair (`from * n + to`). */
  readonly pairs: Float64Array;
  /** Changes the validator judged illegal, per status pair. */
  readonly illegalPairs: Float64Array;
  /** Observations showing each status (repeats included). */
  readonly byStatus: Float64Array;
  readonly dwell: QuantileSketch[];
  readonly spans: OperationTable;
  readonly groups = new ViolationGroups();
  readonly mode: ValidationMode;
  readonly fromStart: boolean;
  total = 0;
  starts = 0;
  repeats = 0;
  unknown = 0;
  operationRecords = 0;
  illegalSteps = 0;
  /** The newest readable time in the input. */
  newest = -Infinity;
  /** Legal changes through missed statuses, by pair and the statuses missed. */
  private readonly missedPaths = new Map<string, MissedPath>();
  private readonly spanSketches: QuantileSketch[];
  /** Per span: the statuses it ended in (by id), and in the last slot those cut short or still open. */
  private readonly spanOutcomes: Float64Array[];
  private readonly inputs: { file: string; format: InputFormat | undefined }[] = [];

  constructor(
    readonly graph: StatusGraph,
    private readonly options: FleetReportOptions,
  ) {
    const n = graph.statuses.length;
    this.n = n;
    this.pairs = new Float64Array(n * n);
    this.illegalPairs = new Float64Array(n * n);
    this.byStatus = new Float64Array(n);
    const alpha = options.alpha ?? DEFAULT_ALPHA;
    this.dwell = graph.statuses.map(() => new QuantileSketch(alpha));
    this.spans = operationTable(graph);
    this.spanSketches = this.spans.spans.map(() => new QuantileSketch(alpha));
    this.spanOutcomes = this.spans.spans.map(() => new Float64Array(n + 1));
    this.mode = options.mode ?? 'strict';
    this.fromStart = options.fromStart ?? false;
  }

  /** A new input starts (its name, for evidence). */
  startInput(file: string): void {
    this.inputs.push({ file: detachString(file), format: undefined });
  }

  /** The format the current input was read as. */
  setFormat(format: InputFormat | undefined): void {
    const input = this.inputs[this.inputs.length - 1];
    if (input) input.format = format;
  }

  /** The index of the input being read (-1 before any). */
  get input(): number {
    return this.inputs.length - 1;
  }

  /** The name of input `index` (`<input>` for observations pushed before any input was named). */
  fileOf(index: number): string {
    return this.inputs[index]?.file ?? '<input>';
  }

  /** Count a legal change through missed statuses, by its pair and the statuses missed. */
  missedPath(from: number, to: number, missed: readonly string[]): void {
    const key = `${from} ${to} ${missed.join(' ')}`; // machine statuses only: the key is not from the input
    const path = this.missedPaths.get(key);
    if (path) path.count++;
    else this.missedPaths.set(key, { from, to, missed: [...missed], count: 1 });
  }

  /** The operation span a history's first status starts (creation, at the initial status), or -1. */
  creationAt(status: number): number {
    return status === this.graph.initial ? this.spans.creation : -1;
  }

  /** An operation of span `span` ended at status `to` after `duration`, or (to -1) was cut short. */
  operationEnded(span: number, to: number, duration: number): void {
    if (to < 0) {
      this.spanOutcomes[span]![this.n]!++; // cut short: counted as open
      return;
    }
    this.spanSketches[span]!.add(duration);
    this.spanOutcomes[span]![to]!++;
  }

  /**
   * The report: these figures with the fleet's verdicts, where each instance ended (only those whose last status
   * is transitional need be given), and how many instances each operation span is still open in.
   */
  report(validation: FleetVerdicts, ends: Iterable<InstanceEnd>, open: ArrayLike<number>): ConformanceReport {
    const graph = this.graph;
    const statuses = graph.statuses;
    const summary = validation.summary;
    const steps = summary.observations - summary.histories;
    const missedPaths = [...this.missedPaths.values()];
    const observations: ObservationCounts = {
      total: this.total,
      starts: this.starts,
      repeats: this.repeats,
      changes:
        this.pairs.reduce((a, b) => a + b, 0) +
        this.illegalPairs.reduce((a, b) => a + b, 0) +
        missedPaths.reduce((a, p) => a + p.count, 0),
      unknown: this.unknown,
      operations: this.operationRecords,
      byStatus: statuses.map((status, id) => ({ status, count: this.byStatus[id]! })),
    };
    const dwell = statuses.flatMap((status, id) =>
      this.dwell[id]!.count === 0 ? [] : [{ status, ...durationStats(this.dwell[id]!) }],
    );
    const operations = this.spans.spans.map((span, index) => {
      const outcomes = this.spanOutcomes[index]!;
      return {
        operation: span.name,
        starts: [...span.starts],
        ...durationStats(this.spanSketches[index]!),
        outcomes: statuses.flatMap((status, id) => (outcomes[id]! > 0 ? [{ status, count: outcomes[id]! }] : [])),
        open: outcomes[this.n]! + open[index]!,
      };
    });
    const newest = this.newest;
    const violations = this.groups.list();
    const driftMin = this.options.driftMin ?? DEFAULT_DRIFT_MIN;
    const report: ConformanceReport = {
      service: graph.service,
      mode: this.mode,
      fromStart: this.fromStart,
      inputs: this.inputs.map((input) => ({ ...input })),
      ok: validation.ok,
      summary,
      fitness: {
        histories: summary.histories,
        legalHistories: summary.histories - summary.illegal,
        historyFitness: summary.histories === 0 ? 1 : (summary.histories - summary.illegal) / summary.histories,
        steps,
        legalSteps: steps - this.illegalSteps,
        stepFitness: steps === 0 ? 1 : (steps - this.illegalSteps) / steps,
        violations,
        ungrouped: this.groups.ungrouped,
      },
      observations,
      transitions: transitionReport(graph, {
        pairs: this.pairs,
        missed: missedPaths,
        illegal: this.illegalPairs,
      }),
      dwell,
      operations,
      stuck: stuckInstances(graph, ends, this.dwell, {
        newest: Number.isFinite(newest) ? newest : null,
        ...(this.options.stuckAfter === undefined ? {} : { stuckAfter: this.options.stuckAfter }),
        transitional: this.spans.transitional,
      }),
      drift: { minInstances: driftMin, findings: driftFindings(violations, driftMin) },
    };
    if (this.options.histories && validation.histories) report.histories = validation.histories;
    return report;
  }
}
