/**
 * `waiterLists`: the derived expectations of a wait, arranged as a state-change waiter needs them: what succeeds,
 * what fails (with why), what is polled on, and which status an HTTP 404 stands for.
 *
 * A waiter of another tool has no grace period after a request: the statuses the operation leaves from (RUNNING
 * right after a DELETE, say) are polled on rather than failed, or the waiter would fail at its first poll when the
 * API still shows the old status. They are listed apart (`until`), so the generated code can say so.
 */
import { lifecycleModel, statusesTagged } from '../../model/index.js';
import type { Expectations } from '../expectations.js';

/** A failure status and why the target cannot come from it. */
export interface WaiterFailure {
  status: string;
  reason: string;
}

/** The lists of a generated waiter. */
export interface WaiterLists {
  service: string;
  /** The statuses waited for. */
  target: string[];
  /** Polled on: the derived pending statuses, then those the operation leaves from (`until`). */
  pending: string[];
  /** The statuses the operation leaves from, polled on until the request shows (in `pending` too). */
  until: string[];
  /** Stop with an error: the derived failure statuses the operation does not leave from. */
  failure: WaiterFailure[];
  /** The status an HTTP 404 stands for: the service's final status among the targets, or its only final one. */
  notFound: string | undefined;
  /** One line: the wait in words ("kafka: waiting for DELETED after DELETE, from RUNNING"). */
  title: string;
  /** The operation just requested, if any. */
  after: string | undefined;
}

/**
 * The waiter lists of derived expectations.
 *
 * @example waiterLists(expectations('dcs', 'DELETED', { from: 'RUNNING', after: 'DELETE' })).pending // ['DELETING', 'RUNNING', 'ERROR']
 */
export function waiterLists(e: Expectations): WaiterLists {
  const model = lifecycleModel(e.service);
  const targets = new Set(e.target);
  const until = (e.before?.from ?? []).filter((s) => !targets.has(s));
  const pending = [...e.pending.map((p) => p.status)];
  for (const status of until) if (!pending.includes(status)) pending.push(status);
  const finals = statusesTagged(model, 'final');
  const finalTargets = e.target.filter((s) => finals.has(s));
  const notFound = finalTargets[0] ?? (finals.size === 1 ? [...finals][0] : undefined);
  const after = e.before ? ` after ${e.before.operation}` : '';
  const from = e.from ? `, from ${e.from.join(' or ')}` : '';
  return {
    service: e.service,
    target: [...e.target],
    pending,
    until,
    failure: e.failure.filter((f) => !until.includes(f.status)).map((f) => ({ status: f.status, reason: f.reason })),
    notFound,
    title: `${e.service}: waiting for ${e.target.join(' or ')}${after}${from}`,
    after: e.before?.operation,
  };
}

/**
 * A name made of the words of its parts, each capitalized: `InstanceDeleted`, `KafkaDeleted`.
 *
 * @example pascalCase('kafka', 'DELETED') // 'KafkaDeleted'
 */
export function pascalCase(...parts: string[]): string {
  return parts
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}
