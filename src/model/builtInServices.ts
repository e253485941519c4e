/**
 * `builtInServices`: the registry of services (machines/index.ts) as the model reaches it, without importing it:
 * the registry registers itself here when it loads (every entry point of the package loads it), so that a
 * program that never needs a machine never loads one. The CLI's `validate` of a registered service runs on the
 * precompiled status tables, and loads neither the machines nor xstate.
 */
/** What the registry module exports. */
type Registry = typeof import('../../machines/index.js');

let registry: Pick<Registry, 'services' | 'findService'> | undefined;

/**
 * Called by the registry when it loads (once; later calls change nothing).
 *
 * @example registerBuiltInServices({ services, findService })
 */
export function registerBuiltInServices(loaded: Pick<Registry, 'services' | 'findService'>): void {
  registry ??= loaded;
}

/**
 * The registry. Where nothing has loaded it yet, it is loaded now, synchronously (Node's `require` of an ES
 * module, Node 20.19+ and 22.12+: the same module instance `import` gives).
 *
 * @example builtInServices().services.map((s) => s.id) // ['kafka', 'dcs', ...]
 */
export function builtInServices(): Pick<Registry, 'services' | 'findService'> {
  if (registry === undefined) {
    // `node:module` is reached only here (not imported: a module that is loaded costs every start-up)
    const { createRequire } = process.getBuiltinModule('node:module');
    registerBuiltInServices(createRequire(import.meta.url)('../../machines/index.js'));
  }
  return registry!;
}

/**
 * Load the registry, where nothing has yet (for commands that need machines).
 *
 * @example await loadBuiltInServices(); resolveService('kafka')
 */
export async function loadBuiltInServices(): Promise<void> {
  if (registry === undefined) registerBuiltInServices(await import('../../machines/index.js'));
}

/** True when the registry is loaded. */
export function builtInServicesLoaded(): boolean {
  return registry !== undefined;
}
