/**
 * `checkService` and `checkMachineConfig`: the rules every built-in machine follows, as a checker anyone can run on a
 * machine of their own. It reads the machine's config (what was written, also when xstate could not build a machine
 * from it) and returns one finding per broken rule, as plain data:
 * - tags only from the vocabulary (a misspelled tag is an error, not silently "not transitional"), and exactly one
 *   of `stable`, `transitional`, `final` per status, `final` exactly on final states;
 * - every transition has a `kind` (operation or outcome) and a `basis` with its source (documented) or reason
 *   (inferred), and each event one kind everywhere;
 * - every target exists, and every status is reachable from the initial one;
 * - every transitional status has an outcome that leads on, and final statuses have no way out.
 */
import type { Service } from '../../machines/index.js';
import { STATUS_TAGS } from '../../machines/vocabulary.js';
import { closestStatus } from './closestStatus.js';

/** Which rule a finding breaks. */
export type CheckRule =
  | 'not-a-machine'
  | 'unknown-initial'
  | 'unknown-tag'
  | 'status-kind'
  | 'final-tag'
  | 'missing-meta'
  | 'transition-kind'
  | 'transition-basis'
  | 'event-kinds'
  | 'unknown-target'
  | 'unreachable'
  | 'no-outcome'
  | 'way-out-of-final';

/** One broken rule. */
export interface ServiceFinding {
  rule: CheckRule;
  /** The status the finding is about, when it is about one. */
  status?: string;
  /** The event of the transition the finding is about, when it is about one. */
  event?: string;
  /** One line saying what is wrong (it starts with the status and event it is about). */
  message: string;
}

/**
 * The findings on a service's machine (empty when it follows every rule; the built-in machines do).
 *
 * @example checkService(defineService({ id: 'q', machine })).map((f) => f.message)
 * // ['RUNNING: unknown tag "stabel" (did you mean stable?); tags are stable, transitional, failed, final, undocumented']
 */
export function checkService(service: Service): ServiceFinding[] {
  return checkMachineConfig(service.machine.config);
}

/** A transition as written in a config: where it starts (a top-level status), its event, targets and meta. */
interface WrittenTransition {
  from: string;
  event: string;
  targets: string[];
  meta: unknown;
  /** Written on a sub-state of `from` (targets there may name its siblings). */
  nested: boolean;
}

/**
 * The findings on a machine config (an xstate machine's `config`, or the JSON the Stately editor exports), without
 * building the machine: this also checks a config xstate would reject, such as one with a missing target.
 *
 * @example checkMachineConfig(JSON.parse(readFileSync('machine.json', 'utf8')))
 */
export function checkMachineConfig(config: unknown): ServiceFinding[] {
  const findings: ServiceFinding[] = [];
  const root = asRecord(config);
  const states = asRecord(root?.states);
  if (!root || !states) {
    return [{ rule: 'not-a-machine', message: 'not a machine config: expected an object with "states"' }];
  }
  const machineId = typeof root.id === 'string' ? root.id : undefined;
  const statuses = Object.keys(states);
  const isStatus = (name: string) => Object.hasOwn(states, name);
  const initial = typeof root.initial === 'string' ? root.initial : undefined;
  if (initial === undefined || !isStatus(initial)) {
    findings.push({
      rule: 'unknown-initial',
      message: `the initial status ${initial === undefined ? 'is not given' : `"${initial}" is none of the statuses`}; statuses: ${statuses.join(', ')}`,
    });
  }

  const transitions: WrittenTransition[] = [];
  for (const status of statuses) {
    const node = asRecord(states[status]) ?? {};
    checkTags(status, node, findings);
    collectTransitions(status, node, false, transitions);
  }

  // transitions: metadata, targets, kinds per event
  const edges = new Map<string, Set<string>>(statuses.map((s) => [s, new Set<string>()]));
  const kindsByEvent = new Map<string, Set<string>>();
  const outcomesLeaving = new Set<string>();
  for (const t of transitions) {
    const where = `${t.from} --${t.event}-->`;
    for (const target of t.targets) {
      const top = topLevelTarget(target, machineId);
      if (top === undefined) continue; // a form only xstate resolves (a sub-state): not checked here
      if (!isStatus(top)) {
        if (t.nested) continue; // may name a sibling sub-state
        const suggestion = closestStatus(top, statuses);
        findings.push({
          rule: 'unknown-target',
          status: t.from,
          event: t.event,
          message: `${where} ${top}: the target is none of the statuses${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
        });
        continue;
      }
      edges.get(t.from)!.add(top);
      if (kindOf(t.meta) === 'outcome' && top !== t.from) outcomesLeaving.add(t.from);
    }
    checkMeta(t, where, findings);
    const kind = kindOf(t.meta);
    if (kind !== undefined) {
      const label = kind === 'outcome' && asRecord(t.meta)?.failure === true ? 'failure outcome' : kind;
      kindsByEvent.set(t.event, (kindsByEvent.get(t.event) ?? new Set()).add(label));
    }
  }
  for (const [event, kinds] of kindsByEvent) {
    if (kinds.size > 1)
      findings.push({
        rule: 'event-kinds',
        event,
        message: `${event}: one event must have one kind everywhere, found ${[...kinds].join(' and ')}`,
      });
  }

  // statuses: reachability, outcomes of transitional statuses, no way out of final ones
  const reached = new Set<string>();
  if (initial !== undefined && isStatus(initial)) {
    const queue = [initial];
    reached.add(initial);
    for (let i = 0; i < queue.length; i++) {
      for (const next of edges.get(queue[i]!) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const status of statuses) {
      if (!reached.has(status))
        findings.push({ rule: 'unreachable', status, message: `${status}: not reachable from ${initial}` });
    }
  }
  for (const status of statuses) {
    const node = asRecord(states[status]) ?? {};
    const tags = tagsOf(node);
    if (tags.includes('transitional') && !outcomesLeaving.has(status))
      findings.push({
        rule: 'no-outcome',
        status,
        message: `${status}: transitional, but no outcome leads on from it (the service could never move it on)`,
      });
    const leaving = [...(edges.get(status) ?? [])].filter((to) => to !== status);
    if ((node.type === 'final' || tags.includes('final')) && leaving.length > 0)
      findings.push({
        rule: 'way-out-of-final',
        status,
        message: `${status}: final, but transitions lead out of it (to ${leaving.join(', ')})`,
      });
  }
  return findings;
}

function checkTags(status: string, node: Record<string, unknown>, findings: ServiceFinding[]): void {
  const tags = tagsOf(node);
  const vocabulary: readonly string[] = STATUS_TAGS;
  for (const tag of tags) {
    if (vocabulary.includes(tag)) continue;
    const suggestion = closestStatus(tag, vocabulary);
    findings.push({
      rule: 'unknown-tag',
      status,
      message: `${status}: unknown tag ${JSON.stringify(tag)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; tags are ${vocabulary.join(', ')}`,
    });
  }
  const kinds = tags.filter((t) => t === 'stable' || t === 'transitional' || t === 'final');
  if (kinds.length !== 1)
    findings.push({
      rule: 'status-kind',
      status,
      message: `${status}: needs exactly one of the tags stable, transitional, final; has ${kinds.length === 0 ? 'none' : kinds.join(', ')}`,
    });
  if (tags.includes('final') !== (node.type === 'final'))
    findings.push({
      rule: 'final-tag',
      status,
      message: tags.includes('final')
        ? `${status}: tagged final, but not a final state (add type: "final")`
        : `${status}: a final state (type "final"), but not tagged final`,
    });
}

function checkMeta(t: WrittenTransition, where: string, findings: ServiceFinding[]): void {
  const about = { status: t.from, event: t.event };
  const meta = asRecord(t.meta);
  if (!meta) {
    findings.push({
      rule: 'missing-meta',
      ...about,
      message: `${where}: no meta (give { kind, basis, source } or { kind, basis: "inferred", note })`,
    });
    return;
  }
  if (meta.kind !== 'operation' && meta.kind !== 'outcome')
    findings.push({
      rule: 'transition-kind',
      ...about,
      message: `${where}: meta.kind is ${describe(meta.kind)}; expected "operation" or "outcome"`,
    });
  if (meta.failure !== undefined && (meta.failure !== true || meta.kind !== 'outcome'))
    findings.push({ rule: 'transition-kind', ...about, message: `${where}: only an outcome can be a failure (true)` });
  if (meta.basis === 'documented') {
    if (!nonEmpty(meta.source))
      findings.push({ rule: 'transition-basis', ...about, message: `${where}: documented, but names no source` });
  } else if (meta.basis === 'inferred') {
    if (!nonEmpty(meta.note))
      findings.push({ rule: 'transition-basis', ...about, message: `${where}: inferred, but gives no reason (note)` });
  } else {
    findings.push({
      rule: 'transition-basis',
      ...about,
      message: `${where}: meta.basis is ${describe(meta.basis)}; expected "documented" or "inferred"`,
    });
  }
}

/** The transitions written on a status and its sub-states. */
function collectTransitions(
  status: string,
  node: Record<string, unknown>,
  nested: boolean,
  out: WrittenTransition[],
): void {
  const on = asRecord(node.on);
  if (on) {
    for (const event of Object.keys(on)) {
      for (const definition of asList(on[event])) {
        if (typeof definition === 'string') {
          out.push({ from: status, event, targets: [definition], meta: undefined, nested });
          continue;
        }
        const record = asRecord(definition);
        if (!record) continue;
        const targets = asList(record.target).filter((t): t is string => typeof t === 'string');
        if (targets.length === 0) continue; // no change of status
        out.push({ from: status, event, targets, meta: record.meta, nested });
      }
    }
  }
  const children = asRecord(node.states);
  if (children)
    for (const child of Object.values(children)) collectTransitions(status, asRecord(child) ?? {}, true, out);
}

/** The top-level status a target names, or undefined for a form that names a sub-state. */
function topLevelTarget(target: string, machineId: string | undefined): string | undefined {
  if (target.startsWith('#')) {
    const prefix = machineId === undefined ? undefined : `#${machineId}.`;
    if (prefix === undefined || !target.startsWith(prefix)) return undefined;
    return target.slice(prefix.length).split('.')[0];
  }
  if (target.startsWith('.')) return undefined;
  return target.split('.')[0];
}

function tagsOf(node: Record<string, unknown>): string[] {
  return asList(node.tags).filter((t): t is string => typeof t === 'string');
}

function kindOf(meta: unknown): string | undefined {
  const kind = asRecord(meta)?.kind;
  return kind === 'operation' || kind === 'outcome' ? kind : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
