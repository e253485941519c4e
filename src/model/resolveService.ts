/** `resolveService`: a service given by id or as an object, checked against the registry. */
import { findService, type Service, services } from '../../machines/index.js';
import { BadArgumentError } from './badArgument.js';
import { quoteInput } from './quoteInput.js';

/** Thrown by {@link resolveService} for an id that names no registered service. */
export class UnknownServiceError extends BadArgumentError {
  override name = 'UnknownServiceError';
  constructor(readonly service: string) {
    super(`unknown service ${quoteInput(service)}; known services: ${services.map((s) => s.id).join(', ')}`);
  }
}

/**
 * The registered service for an id (or the service itself); throws {@link UnknownServiceError} for an unknown id.
 *
 * @example resolveService('dcs').name // 'DCS (Distributed Cache Service)'
 */
export function resolveService(service: string | Service): Service {
  if (typeof service !== 'string') return service;
  const found = findService(service);
  if (!found) throw new UnknownServiceError(service);
  return found;
}
