/**
 * Waiter code: the derived lists of a wait as code for other tools (a Terraform provider's state-change wait, a
 * Smithy waiter, a botocore waiters document).
 */
export { type BotocoreAcceptor, type BotocoreWaiters, botocoreWaiter, READ_OPERATION } from './botocore.js';
export { jmesPath } from './jmesPath.js';
export { pascalCase, type WaiterFailure, type WaiterLists, waiterLists } from './lists.js';
export {
  NOT_FOUND_ERROR,
  type SmithyAcceptor,
  type SmithyWaitable,
  smithyWaiter,
  type WaiterCodeOptions,
} from './smithy.js';
export { terraformWaiter } from './terraform.js';
