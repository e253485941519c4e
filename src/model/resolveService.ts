/** `resolveService`: a service given by id or as an object, checked against the registry. */
import type { Service } from '../../machines/index.js';
import { BadArgumentError, BadArgumentTypeError } from './badArgument.js';
import { builtInServices } from './builtInServices.js';
import { describeValue } from './checkArgument.js';
import { quoteInput } from './quoteInput.js';

/** Thrown by {@link resolveService} for an id that names no registered service. */
export class UnknownServiceError extends BadArgumentError {
  override name = 'UnknownServiceError';
  constructor(readonly service: string) {
    super(
      `unknown service ${quoteInput(service)}; known services: ${builtInServices()
        .services.map((s) => s.id)
        .join(', ')}`,
    );
  }
}

/**
 * The registered service for an id (or the service itself); throws {@link UnknownServiceError} for an unknown id.
 *
 * @example resolveService('dcs').name // 'DCS (Distributed Cache Service)'
 */
export function resolveService(service: string | Service): Service {
  if (typeof service !== 'string') {
    const candidate = service as Partial<Service> | null | undefined;
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      typeof candidate.id !== 'string' ||
      typeof candidate.machine !== 'object' ||
      candidate.machine === null
    )
      throw new BadArgumentTypeError(
        `service must be a service id (one of ${builtInServices()
          .services.map((s) => s.id)
          .join(', ')}) or a Service object (id, machine), got ${describeValue(service)}`,
      );
    return service;
  }
  const found = builtInServices().findService(service);
  if (!found) throw new UnknownServiceError(service);
  return found;
}
