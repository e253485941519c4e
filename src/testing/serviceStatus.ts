/** `serviceStatus`: a fast-check arbitrary of the statuses of a service. */
import type { Arbitrary } from 'fast-check';
import type { Service } from '../../machines/index.js';
import { BadArgumentError, lifecycleModel, type StatusTag } from '../model/index.js';
import { fastCheck } from './fastCheck.js';

/** Options of {@link serviceStatus}. */
export interface ServiceStatusOptions {
  /** Only statuses with this tag (e.g. `transitional`). */
  tag?: StatusTag;
}

/**
 * One of the statuses of a service (optionally only those with a tag), shrinking towards the machine's first
 * status. Throws a RangeError when no status has the tag.
 *
 * @example fc.assert(fc.property(serviceStatus('kafka', { tag: 'transitional' }), (s) => myPoller.keepsWaitingOn(s)))
 */
export function serviceStatus(service: string | Service, options: ServiceStatusOptions = {}): Arbitrary<string> {
  const fc = fastCheck();
  const model = lifecycleModel(service);
  const statuses = model.states
    .filter((s) => options.tag === undefined || s.tags.includes(options.tag))
    .map((s) => s.status);
  if (statuses.length === 0) throw new BadArgumentError(`${model.service} has no status tagged ${options.tag}`);
  return fc.constantFrom(...statuses);
}
