/** `perService`: a function of a service that is computed once per service and cached. */
import type { Service } from '../../machines/index.js';
import { resolveService } from './resolveService.js';

/**
 * Wrap `build` so that it runs once per service: later calls for the same service (by id or entry) return the
 * same value. The cache is keyed by the service object (two services sharing a machine keep their own values),
 * so it is freed with it. This is the one cache of per-service derived data in the library.
 *
 * @example const graphOf = perService((entry) => compile(entry)); graphOf('kafka') === graphOf('kafka') // true
 */
export function perService<T>(build: (entry: Service) => T): (service: string | Service) => T {
  const cache = new WeakMap<Service, T>();
  return (service) => {
    const entry = resolveService(service);
    if (cache.has(entry)) return cache.get(entry) as T;
    const value = build(entry);
    cache.set(entry, value);
    return value;
  };
}
