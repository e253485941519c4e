/**
 * The roles statuses and operations play in any service's machine, derived from the model, so tests that need "the
 * running status" or "the deletion" run over every registered service without naming its statuses (RUNNING for
 * Kafka is ACTIVE for ECS and Available for CCE).
 */
import { type LifecycleModel, lifecycleModel } from '../../src/index.js';

/** The status a successful creation leads to: the target of the initial status's first non-failure outcome. */
export function settledStatus(service: string): string {
  const model = lifecycleModel(service);
  const created = model.transitions.find((t) => t.from === model.initial && t.kind === 'outcome' && !t.failure);
  if (!created) throw new Error(`${service}: no successful outcome leaves the initial status ${model.initial}`);
  return created.to;
}

/** The machine's one final status. */
export function finalStatus(service: string): string {
  const finals = lifecycleModel(service).states.filter((s) => s.tags.includes('final'));
  if (finals.length !== 1) throw new Error(`${service}: ${finals.length} final statuses`);
  return finals[0]!.status;
}

/**
 * The deletion: the operation that leaves the settled status and reaches the final status by non-failure outcomes
 * alone, and the statuses it passes on the way (empty where the operation leads straight to the final status).
 */
export function deletion(service: string): { from: string; operation: string; through: string[] } {
  const model = lifecycleModel(service);
  const from = settledStatus(service);
  const final = finalStatus(service);
  for (const t of model.transitions.filter((t) => t.from === from && t.kind === 'operation')) {
    const through = outcomePathTo(model, t.to, final);
    if (through) return { from, operation: t.event, through };
  }
  throw new Error(`${service}: no operation from ${from} leads to ${final}`);
}

/** The statuses from `start` (included) to `goal` (excluded) along non-failure outcomes, or undefined. */
function outcomePathTo(model: LifecycleModel, start: string, goal: string): string[] | undefined {
  const path: string[] = [];
  let at = start;
  while (at !== goal) {
    if (path.includes(at)) return undefined;
    path.push(at);
    const next = model.transitions.find((t) => t.from === at && t.kind === 'outcome' && !t.failure);
    if (!next) return undefined;
    at = next.to;
  }
  return path;
}
