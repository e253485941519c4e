/** `goneStatus`: the status an instance that is gone is observed as (`--absent-is-gone`). */
import type { Service } from '../../machines/index.js';
import { BadArgumentError } from '../model/badArgument.js';
import { lifecycleModel } from '../model/lifecycleModel.js';
import { statusesTagged } from '../model/statusesTagged.js';

/**
 * The status an instance that is gone (HTTP 404) is observed as: the service's final status. Throws a
 * `BadArgumentError` when the service has none, or several (then name one).
 *
 * @example goneStatus('kafka') // 'DELETED'
 */
export function goneStatus(service: string | Service): string {
  const model = lifecycleModel(service);
  const finals = [...statusesTagged(model, 'final')];
  if (finals.length !== 1)
    throw new BadArgumentError(
      `${model.service} has ${finals.length === 0 ? 'no final status' : `several final statuses (${finals.join(', ')})`}: name the status a gone instance is observed as`,
    );
  return finals[0]!;
}
