/**
 * `validateFleet`: validate a log of many instances in one pass. Observations are routed by instance id to one
 * incremental validator each, so memory grows with the number of instances (and the problems kept per instance,
 * at most `maxDetails` of each kind), not with the number of observations. Interleaved instances are fine.
 */
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/statusGraph.js';
import type { Observation } from '../model/index.js';
import { detachString } from './detachString.js';
import {
  checkValidationOptions,
  type Finding,
  type HistoryValidator,
  type HistoryVerdict,
  type ValidationMode,
  type ValidationOptions,
  validatorOf,
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
}

/**
 * A new fleet validator.
 *
 * @example
 * const fleet = createFleetValidator('kafka', { mode: 'sampled' });
 * fleet.push({ instance: 'a', status: 'RUNNING' });
 * fleet.push({ instance: 'a', status: 'DELETED' });
 * fleet.report().ok // true (DELETING was missed)
 */
export function createFleetValidator(service: string | Service, options: FleetOptions = {}): FleetValidator {
  checkValidationOptions('createFleetValidator', options);
  const graph = statusGraph(service); // resolves the service (and fails on an unknown one) before any input is read
  const mode = options.mode ?? 'strict';
  const fromStart = options.fromStart ?? false;
  const validatorOptions: ValidationOptions = {
    mode,
    fromStart,
    explain: options.explain ?? false,
    maxDetails: options.maxDetails ?? 100,
    ...(options.onFinding ? { onFinding: options.onFinding } : {}),
  };
  const byInstance = new Map<string | undefined, HistoryValidator>();
  let count = 0;

  const validatorFor = (instance: string | undefined): HistoryValidator => {
    let validator = byInstance.get(instance);
    if (validator === undefined) {
      const key = instance === undefined ? undefined : detachString(instance); // kept for the whole run
      validator = validatorOf(graph, validatorOptions, key);
      byInstance.set(key, validator);
    }
    return validator;
  };

  return {
    push(observation) {
      count++;
      validatorFor(observation.instance).pushStatus(observation.status, observation.line, observation.time);
    },
    pushAll(observations) {
      count += observations.length;
      for (const o of observations) validatorFor(o.instance).pushStatus(o.status, o.line, o.time);
    },
    get observations() {
      return count;
    },
    get histories() {
      return byInstance.size;
    },
    report() {
      return fleetReportOf(graph.service, mode, fromStart, byInstance);
    },
  };
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
    const verdict = validator.verdict();
    const { ok, observations, status, violations, missed, notes, steps, omitted } = verdict;
    const history: HistoryReport = {
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
    histories.push(history);
    summary.histories++;
    summary.observations += verdict.observations;
    summary.violations += verdict.violations.length + (verdict.omitted?.violations ?? 0);
    summary.missed += verdict.missed.length + (verdict.omitted?.missed ?? 0);
    summary.notes += verdict.notes.length + (verdict.omitted?.notes ?? 0);
    if (!verdict.ok) summary.illegal++;
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
  const fleet = createFleetValidator(service, options);
  for await (const item of observations) {
    if (Array.isArray(item)) fleet.pushAll(item as readonly Observation[]);
    else fleet.push(item as Observation);
  }
  return fleet.report();
}
