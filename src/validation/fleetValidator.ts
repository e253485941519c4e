/**
 * `validateFleet`: validate a log of many instances in one pass. Observations are routed by instance id to one
 * incremental validator each, so memory grows with the number of instances (and the problems kept per instance,
 * at most `maxDetails` of each kind), not with the number of observations. Interleaved instances are fine.
 */
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/statusGraph.js';
import type { Observation } from '../model/index.js';
import { addToSummary, CompactFleet, historyOf } from './compactFleet.js';
import {
  checkValidationOptions,
  type Finding,
  type HistoryValidator,
  type HistoryVerdict,
  type ValidationMode,
} from './validator.js';

/** Options of {@link validateFleet} and {@link createFleetValidator}. */
export interface FleetOptions {
  /** Default `strict`. */
  mode?: ValidationMode;
  /** Every history must start at the initial status. Default false. */
  fromStart?: boolean;
  /** Record each legal change of status with the events that explain it (`steps` of each history). Default false. */
  explain?: boolean;
  /** Keep at most this many violations, missed-state records, notes and steps (each) per history. Default 100. */
  maxDetails?: number;
  /** Called with each finding as soon as it is found (for live output; see `ValidationOptions.onFinding`). */
  onFinding?: (finding: Finding) => void;
}

/**
 * The verdict on one instance's history, as plain data (what `validate --json` prints per history): the
 * validator's verdict without the fields the fleet report already gives once (service, mode), and with the
 * instance id, or null for records that carried none.
 */
export type HistoryReport = Omit<HistoryVerdict, 'service' | 'mode' | 'instance'> & { instance: string | null };

/** The verdict on a whole input: every history, and totals. This is the `validate --json` output. */
export interface FleetReport {
  service: string;
  mode: ValidationMode;
  fromStart: boolean;
  /** True when every history is legal. */
  ok: boolean;
  summary: {
    histories: number;
    observations: number;
    /** Violations in all histories (kept or omitted). */
    violations: number;
    /** Histories with at least one violation. */
    illegal: number;
    /** Changes explained by missed statuses (sampled mode). */
    missed: number;
    notes: number;
  };
  /** One per instance, in the order instances were first seen. */
  histories: HistoryReport[];
}

/**
 * A fleet report whose histories are made one at a time, as they are iterated (in the order instances were first
 * seen): what a big fleet's output is written from, without a report entry per instance in memory at once.
 */
export interface FleetReportStream extends Omit<FleetReport, 'histories'> {
  /** One per instance; may be iterated more than once (each time they are made anew). */
  histories: Iterable<HistoryReport>;
  /**
   * Only the histories with something to say (a violation, missed statuses, a note or an explained step), in the
   * same order, when the report can give them without making the others (what a text report prints). Not
   * enumerable: copies of the report and its JSON leave it out.
   */
  eventful?: Iterable<HistoryReport>;
}

/** Validates a stream of observations of many instances; push observations, then read the report. */
export interface FleetValidator {
  /** Check one observation against its instance's history so far. */
  push(observation: Observation): void;
  /** Check several observations, in order. */
  pushAll(observations: readonly Observation[]): void;
  /** Observations pushed so far. */
  readonly observations: number;
  /** Instances seen so far (records without an id count as one). */
  readonly histories: number;
  /** The report so far. */
  report(): FleetReport;
  /** The report so far, its histories made as they are iterated (see {@link FleetReportStream}). */
  reportStream(): FleetReportStream;
}

/**
 * A new fleet validator.
 *
 * Instances are kept compactly (a few integers each, in typed arrays, and their ids in one byte arena); an
 * instance gets a full incremental validator only when it needs detail that the compact state cannot hold (an
 * unknown or oddly spelled status, a time problem, an operation, `explain`, live findings), seeded from its compact
 * state, so the verdicts are exactly those of one validator per instance.
 *
 * @example
 * const fleet = createFleetValidator('kafka', { mode: 'sampled' });
 * fleet.push({ instance: 'a', status: 'RUNNING' });
 * fleet.push({ instance: 'a', status: 'DELETED' });
 * fleet.report().ok // true (DELETING was missed)
 */
export function createFleetValidator(service: string | Service, options: FleetOptions = {}): FleetValidator {
  return compactFleet(service, options);
}

/** The fleet validator with its internal entry points (for the NDJSON byte scanner and the workers). */
export function compactFleet(service: string | Service, options: FleetOptions = {}): CompactFleet {
  checkValidationOptions('createFleetValidator', options);
  const graph = statusGraph(service); // resolves the service (and fails on an unknown one) before any input is read
  return new CompactFleet(graph, options);
}

/**
 * The fleet report made of each instance's validator (in the order given): the verdicts, and the totals. Shared by
 * the fleet validator and the fleet conformance report, which keeps validators of its own.
 *
 * @example fleetReportOf('kafka', 'strict', false, [['a', createValidator('kafka')]]).summary.histories // 1
 */
export function fleetReportOf(
  service: string,
  mode: ValidationMode,
  fromStart: boolean,
  validators: Iterable<readonly [string | undefined, HistoryValidator]>,
): FleetReport {
  const histories: HistoryReport[] = [];
  const summary = { histories: 0, observations: 0, violations: 0, illegal: 0, missed: 0, notes: 0 };
  for (const [instance, validator] of validators) {
    const history = historyOf(instance, validator.verdict());
    histories.push(history);
    addToSummary(summary, history);
  }
  return { service, mode, fromStart, ok: summary.illegal === 0, summary, histories };
}

/**
 * Validate every instance's history in a stream of observations (or of batches of them, as
 * `readObservations(...).batches()` gives), in one pass.
 *
 * @example
 * const report = await validateFleet('kafka', readObservations('fleet.ndjson').batches(), { mode: 'sampled' });
 * report.summary // { histories, observations, violations, illegal, missed, notes }
 */
export async function validateFleet(
  service: string | Service,
  observations: AsyncIterable<Observation | readonly Observation[]> | Iterable<Observation | readonly Observation[]>,
  options: FleetOptions = {},
): Promise<FleetReport> {
  const fleet = compactFleet(service, options);
  for await (const item of observations) {
    if (Array.isArray(item)) fleet.pushAll(item as readonly Observation[]);
    else fleet.push(item as Observation);
  }
  return fleet.report();
}
