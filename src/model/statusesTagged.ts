/** `statusesTagged`: the statuses of a model that carry a tag. */
import type { LifecycleModel, StatusTag } from './types.js';

/**
 * The statuses of `model` tagged `tag`, in machine order (a set, for membership tests).
 *
 * @example [...statusesTagged(lifecycleModel('kafka'), 'final')] // ['DELETED']
 */
export function statusesTagged(model: LifecycleModel, tag: StatusTag): ReadonlySet<string> {
  return new Set(model.states.filter((state) => state.tags.includes(tag)).map((state) => state.status));
}
