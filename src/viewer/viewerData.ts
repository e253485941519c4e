/**
 * `viewerData`: everything the offline viewer page shows, as plain JSON-ready data: the service's statuses and
 * transitions (in model order, so index `i` is the diagram's `state-i` / `transition-i`), and for each history its
 * observations with the validator's verdict (with `explain: true`, so each change carries the events that explain
 * it). Histories with violations come first.
 */
import type { Service } from '../../machines/index.js';
import { lifecycleModel, type Observation, resolveService, type StatusTag } from '../model/index.js';
import { validateHistory } from '../validation/validateHistory.js';
import type { HistoryVerdict, ValidationMode } from '../validation/validator.js';

/** One history to show: the observations of one instance. */
export interface ViewerHistory {
  /** The instance id, when known. */
  instance?: string;
  observations: Observation[];
}

/** Options of {@link viewerData} and `viewerHtml`. */
export interface ViewerOptions {
  /** How changes of status are judged (default `strict`). */
  mode?: ValidationMode;
  /** Require each history to start at the initial status (default false). */
  fromStart?: boolean;
  /** What the input had beyond the histories given (see `selectHistories`), for the page to say. */
  omitted?: { instances: number; observations: number };
}

/** An observation as the page shows it (times as text). */
export interface ViewerObservation {
  /** The status seen (empty for an operation record). */
  status: string;
  /** The operation the user requested, for an operation record. */
  operation?: string;
  time?: string | number;
  line?: number;
}

/** One history in the page, with its verdict. */
export interface ViewerInstance {
  /** What the picker shows: the instance id, or `history N`. */
  label: string;
  instance?: string;
  observations: ViewerObservation[];
  verdict: HistoryVerdict;
}

/** The data embedded in the viewer page. */
export interface ViewerData {
  service: { id: string; name: string; page: string };
  mode: ValidationMode;
  fromStart: boolean;
  initial: string;
  /** Statuses in model order (index = diagram element `state-<index>`). */
  statuses: string[];
  tags: StatusTag[][];
  /**
   * Transitions in model order (index = diagram element `transition-<index>`), between leaf states (`fromLeaf`,
   * `toLeaf` differ from the statuses for a hidden sub-state).
   */
  transitions: {
    from: string;
    to: string;
    fromLeaf: string;
    toLeaf: string;
    event: string;
    kind: string;
    basis: string;
  }[];
  /** The histories, those with violations first (otherwise in input order). */
  instances: ViewerInstance[];
  /** What the input had beyond these histories (absent when nothing was left out). */
  omitted?: { instances: number; observations: number };
}

/**
 * The viewer's data for a service and its histories (none: the page shows the diagram only).
 *
 * @example viewerData('kafka', [{ observations: [{ status: 'RUNNING' }, { status: 'DELETED' }] }]).instances[0].verdict.ok // false
 */
export function viewerData(
  service: string | Service,
  histories: readonly ViewerHistory[] = [],
  options: ViewerOptions = {},
): ViewerData {
  const entry = resolveService(service); // the service itself from here on: a custom one may share a built-in id
  const model = lifecycleModel(entry);
  const mode = options.mode ?? 'strict';
  const fromStart = options.fromStart ?? false;
  const instances = histories.map((history, index): ViewerInstance => {
    const verdict = validateHistory(entry, history.observations, {
      mode,
      fromStart,
      explain: true,
      ...(history.instance === undefined ? {} : { instance: history.instance }),
    });
    const item: ViewerInstance = {
      label: history.instance ?? `history ${index + 1}`,
      observations: history.observations.map(viewerObservation),
      verdict,
    };
    if (history.instance !== undefined) item.instance = history.instance;
    return item;
  });
  const illegalFirst = [...instances.filter((i) => !i.verdict.ok), ...instances.filter((i) => i.verdict.ok)];
  return {
    service: { id: model.service, name: model.name, page: model.page },
    mode,
    fromStart,
    initial: model.initial,
    statuses: model.states.map((s) => s.status),
    tags: model.states.map((s) => [...s.tags]),
    transitions: model.transitions.map(({ from, to, fromLeaf, toLeaf, event, kind, basis }) => ({
      from,
      to,
      fromLeaf,
      toLeaf,
      event,
      kind,
      basis,
    })),
    instances: illegalFirst,
    ...(options.omitted && options.omitted.instances + options.omitted.observations > 0
      ? { omitted: options.omitted }
      : {}),
  };
}

function viewerObservation(observation: Observation): ViewerObservation {
  const shown: ViewerObservation = { status: observation.status };
  if (observation.operation !== undefined) shown.operation = observation.operation;
  const time = observation.time;
  if (time instanceof Date) shown.time = Number.isNaN(time.getTime()) ? String(time) : time.toISOString();
  else if (typeof time === 'number') shown.time = Number.isFinite(time) ? new Date(time).toISOString() : String(time);
  else if (time !== undefined) shown.time = time; // text as given (the readers turn epoch times into ISO 8601)
  if (observation.line !== undefined) shown.line = observation.line;
  return shown;
}
