/** `perMachine`: a function of a service that is computed once per machine and cached. */
import type { AnyStateMachine } from 'xstate';
import type { Service } from '../../machines/index.js';
import { resolveService } from './lifecycleModel.js';

/**
 * Wrap `build` so that it runs once per machine: later calls for the same service (by id or entry) return the same
 * value. The cache is keyed by the machine object, so it is freed with it.
 *
 * @example const graphOf = perMachine((entry) => compile(entry)); graphOf('kafka') === graphOf('kafka') // true
 */
export function perMachine<T>(build: (entry: Service) => T): (service: string | Service) => T {
  const cache = new WeakMap<AnyStateMachine, T>();
  return (service) => {
    const entry = resolveService(service);
    if (cache.has(entry.machine)) return cache.get(entry.machine)!;
    const value = build(entry);
    cache.set(entry.machine, value);
    return value;
  };
}
