/**
 * `botocoreWaiter`: the derived lists of a wait as a botocore `waiters-2.json` document (the waiter format of the
 * AWS SDK for Python and the AWS CLI): `path` acceptors on the status, success on each target, a `status` acceptor
 * (HTTP 404) for the final status, failure on each failure status, retry on each pending one.
 */
import { jmesPath } from './jmesPath.js';
import { pascalCase, type WaiterLists } from './lists.js';
import type { WaiterCodeOptions } from './smithy.js';

/** A botocore waiter acceptor. */
export type BotocoreAcceptor =
  | { state: 'success' | 'failure' | 'retry'; matcher: 'path'; argument: string; expected: string }
  | { state: 'success'; matcher: 'status'; expected: number };

/** A `waiters-2.json` document with one waiter. */
export interface BotocoreWaiters {
  version: 2;
  waiters: Record<
    string,
    { description: string; operation: string; delay: number; maxAttempts: number; acceptors: BotocoreAcceptor[] }
  >;
}

/** The operation the generated waiters call (rename it to your service's). */
export const READ_OPERATION = 'GetInstance';

/**
 * The botocore waiters document of these lists: one waiter named `Instance<Target>`, polling every 15 s for 30 min.
 *
 * @example botocoreWaiter(waiterLists(expectations('dcs', 'DELETED'))).waiters.InstanceDeleted?.acceptors[1] // { state: 'success', matcher: 'status', expected: 404 }
 */
export function botocoreWaiter(lists: WaiterLists, options: WaiterCodeOptions = {}): BotocoreWaiters {
  const argument = jmesPath(options.statusPath ?? 'status');
  const on = (state: 'success' | 'failure' | 'retry', expected: string): BotocoreAcceptor => ({
    state,
    matcher: 'path',
    argument,
    expected,
  });
  const acceptors: BotocoreAcceptor[] = [
    ...lists.target.map((s) => on('success', s)),
    ...(lists.notFound !== undefined && lists.target.includes(lists.notFound)
      ? [{ state: 'success' as const, matcher: 'status' as const, expected: 404 }]
      : []),
    ...lists.failure.map((f) => on('failure', f.status)),
    ...lists.pending.map((s) => on('retry', s)),
  ];
  return {
    version: 2,
    waiters: {
      [`Instance${pascalCase(...lists.target)}`]: {
        description: `Derived by instance-lifecycle: ${lists.title}.`,
        operation: READ_OPERATION,
        delay: 15,
        maxAttempts: 120,
        acceptors,
      },
    },
  };
}
