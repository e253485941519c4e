/** `serviceSummary`: a registered service in a few figures, for listings (`instance-lifecycle services`). */
import type { Service } from '../../machines/index.js';
import { lifecycleModel } from './lifecycleModel.js';

/** A service's id, name, status page and statuses, with counts of what its machine holds. */
export interface ServiceSummary {
  id: string;
  name: string;
  /** Id of the documentation page of the status table. */
  page: string;
  /** Every status, in machine order, spelled as the API spells it. */
  statuses: string[];
  counts: {
    /** All statuses; `documented` of them are in the status table, `undocumented` are not. */
    statuses: number;
    documented: number;
    undocumented: number;
    /** All transitions; by basis. */
    transitions: number;
    documentedTransitions: number;
    inferredTransitions: number;
    /** Distinct operation events (a user's requests) and outcome events (reported by the service). */
    operations: number;
    outcomes: number;
  };
}

/**
 * The summary of a service.
 *
 * @example serviceSummary('dcs').counts.undocumented // 2 (DELETING and DELETED)
 */
export function serviceSummary(service: string | Service): ServiceSummary {
  const model = lifecycleModel(service);
  const undocumented = model.states.filter((s) => s.tags.includes('undocumented')).length;
  const documentedTransitions = model.transitions.filter((t) => t.basis === 'documented').length;
  const events = (kind: string) => new Set(model.transitions.filter((t) => t.kind === kind).map((t) => t.event)).size;
  return {
    id: model.service,
    name: model.name,
    page: model.page,
    statuses: model.states.map((s) => s.status),
    counts: {
      statuses: model.states.length,
      documented: model.states.length - undocumented,
      undocumented,
      transitions: model.transitions.length,
      documentedTransitions,
      inferredTransitions: model.transitions.length - documentedTransitions,
      operations: events('operation'),
      outcomes: events('outcome'),
    },
  };
}
