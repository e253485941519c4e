/**
 * `builtInServices`: the registered services (machines/index.ts), loaded with the library. The CLI defers loading
 * them (every machine module and xstate) until a command needs them, so that `validate` of a registered service,
 * which runs on the precompiled status tables, starts without them: it sets {@link DEFER_BUILT_INS} before it
 * loads anything else, and commands that need machines call {@link loadBuiltInServices}.
 */
import { createRequire } from 'node:module';

type Registry = typeof import('../../machines/index.js');

/**
 * The global flag (`globalThis[DEFER_BUILT_INS] = true`) that defers loading the machines until first needed. Only
 * the CLI sets it, and only where Node can load an ES module synchronously (`process.features.require_module`).
 */
export const DEFER_BUILT_INS: unique symbol = Symbol.for('instance-lifecycle.deferBuiltInServices');

const deferred = (globalThis as { [DEFER_BUILT_INS]?: unknown })[DEFER_BUILT_INS] === true;
let registry: Registry | undefined = deferred ? undefined : await import('../../machines/index.js');

/**
 * The registry of services. Where loading was deferred and nothing has loaded it yet, it is loaded now,
 * synchronously (Node's `require` of an ES module: the same module instance as `import` gives).
 *
 * @example builtInServices().services.map((s) => s.id) // ['kafka', 'dcs', ...]
 */
export function builtInServices(): Registry {
  registry ??= createRequire(import.meta.url)('../../machines/index.js') as Registry;
  return registry;
}

/**
 * Load the registry (where it was deferred) and return it.
 *
 * @example const { services } = await loadBuiltInServices();
 */
export async function loadBuiltInServices(): Promise<Registry> {
  registry ??= await import('../../machines/index.js');
  return registry;
}

/** True when the registry is loaded (always, unless the CLI deferred it and no command has needed it yet). */
export function builtInServicesLoaded(): boolean {
  return registry !== undefined;
}
