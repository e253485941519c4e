/**
 * Waiting for a status: the lists a wait needs (derived from the machine), the statuses a wait can observe, the
 * polling loop, its error, and its backoff policy.
 */
export { type BackoffBounds, backoffDelay } from './backoff.js';
export {
  type Expectations,
  type ExpectationsOptions,
  expectations,
  type FailureStatus,
  type OperationStart,
  type PendingStatus,
} from './expectations.js';
export {
  type LintFinding,
  type LintFindingKind,
  type LintReport,
  lintWait,
  type WaitLists,
} from './lintWait.js';
export { observableStatuses, type WaitScopeOptions } from './observableStatuses.js';
export {
  type StatusCount,
  WaitError,
  type WaitErrorDetails,
  type WaitFailureReason,
  type WaitObservation,
} from './waitError.js';
export {
  type BotocoreAcceptor,
  type BotocoreWaiters,
  botocoreWaiter,
  type SmithyAcceptor,
  type SmithyWaitable,
  smithyWaiter,
  terraformWaiter,
  type WaiterCodeOptions,
  type WaiterFailure,
  type WaiterLists,
  waiterLists,
} from './waiterCode/index.js';
export {
  NOT_FOUND,
  type NotFound,
  type PollContext,
  type PollReport,
  type StatusChange,
  type WaitForStatusOptions,
  type WaitResult,
  waitForStatus,
} from './waitForStatus.js';
