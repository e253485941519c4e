/**
 * `smithyWaiter`: the derived lists of a wait as a Smithy waiter definition (the `smithy.waiters#waitable` trait of
 * the operation that reads an instance, https://smithy.io/2.0/additional-specs/waiters.html), as plain data to print
 * as JSON: acceptors in order, success on each target, success on the not-found error when a target is the final
 * status, failure on each failure status, retry on each pending one. Delays are `waitForStatus`'s defaults.
 */
import { jmesPath } from './jmesPath.js';
import { pascalCase, type WaiterLists } from './lists.js';

/** Options of {@link smithyWaiter}. */
export interface WaiterCodeOptions {
  /** Where the status is in the response, dotted (`status`, `instances.0.status`). Default `status`. */
  statusPath?: string;
}

/** A Smithy waiter acceptor. */
export interface SmithyAcceptor {
  state: 'success' | 'failure' | 'retry';
  matcher: { output: { path: string; expected: string; comparator: 'stringEquals' } } | { errorType: string };
}

/** The value of a `smithy.waiters#waitable` trait with one waiter. */
export type SmithyWaitable = Record<
  string,
  { documentation: string; minDelay: number; maxDelay: number; acceptors: SmithyAcceptor[] }
>;

/** The error shape a 404 is modelled as in the generated waiter (rename it to your service's). */
export const NOT_FOUND_ERROR = 'ResourceNotFound';

/**
 * The Smithy waiter of these lists, named `Instance<Target>`.
 *
 * @example Object.keys(smithyWaiter(waiterLists(expectations('dcs', 'RUNNING')))) // ['InstanceRunning']
 */
export function smithyWaiter(lists: WaiterLists, options: WaiterCodeOptions = {}): SmithyWaitable {
  const path = jmesPath(options.statusPath ?? 'status');
  const on = (state: SmithyAcceptor['state'], expected: string): SmithyAcceptor => ({
    state,
    matcher: { output: { path, expected, comparator: 'stringEquals' } },
  });
  const acceptors = [
    ...lists.target.map((s) => on('success', s)),
    ...(lists.notFound !== undefined && lists.target.includes(lists.notFound)
      ? [{ state: 'success' as const, matcher: { errorType: NOT_FOUND_ERROR } }]
      : []),
    ...lists.failure.map((f) => on('failure', f.status)),
    ...lists.pending.map((s) => on('retry', s)),
  ];
  const notes = [
    `Derived by instance-lifecycle: ${lists.title}.`,
    ...lists.failure.map((f) => `${f.status} fails: ${f.reason}.`),
    ...(lists.until.length > 0
      ? [`${lists.until.join(', ')} retried: ${lists.after} leaves from there, and the API may still show it.`]
      : []),
    ...(acceptors.some((a) => 'errorType' in a.matcher)
      ? [`${NOT_FOUND_ERROR} stands for the HTTP 404 error of your service.`]
      : []),
  ];
  return {
    [`Instance${pascalCase(...lists.target)}`]: {
      documentation: notes.join(' '),
      minDelay: 2,
      maxDelay: 120,
      acceptors,
    },
  };
}
