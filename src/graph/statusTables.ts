/**
 * The status graphs of the registered services, precompiled at build time (`scripts/statusTables.ts`, run by
 * `npm run build`) into plain data next to the built machines, `dist/machines/status-tables/`. Reading them needs
 * neither xstate nor the machine modules, so a command that only validates starts fast. Where the tables are
 * absent (run from source, as the tests do), graphs are compiled from the machines; a test checks that the tables
 * are exactly the graphs compiled live, for every service. `loadStatusGraph` is the asynchronous way to any
 * service's graph that loads the compiler only where no table serves (the CLI's `validate` starts faster for it).
 */
import { readFileSync } from 'node:fs';
import type { Service } from '../../machines/index.js';
import { builtInServices, builtInServicesLoaded, loadBuiltInServices } from '../model/builtInServices.js';
import { type StatusGraph, type StatusGraphData, statusGraphOfData } from './statusGraphOfData.js';

/** Where the tables are: `status-tables/` beside the built machines (from `dist/src/graph/`). */
export const STATUS_TABLES_DIR = new URL('../../machines/status-tables/', import.meta.url);

/** The name of the index file, which lists the services whose tables are there, in registry order. */
export const STATUS_TABLES_INDEX = 'index.json';

let index: readonly string[] | null | undefined; // null: no tables here
const loaded = new Map<string, StatusGraph>();

/** The ids of the services with precompiled tables (empty where there are none). */
export function precompiledServices(): readonly string[] {
  if (index === undefined) {
    try {
      index = JSON.parse(readFileSync(new URL(STATUS_TABLES_INDEX, STATUS_TABLES_DIR), 'utf8')) as string[];
    } catch {
      index = null;
    }
  }
  return index ?? [];
}

/**
 * The precompiled graph of a registered service (by id, or its registered `Service` object), or undefined: no
 * tables here, an id that is not registered, or a service of one's own.
 *
 * @example precompiledStatusGraph('kafka')?.statuses // the statuses, when the package is built
 */
export function precompiledStatusGraph(service: string | Service): StatusGraph | undefined {
  const id = typeof service === 'string' ? service : registeredId(service);
  if (id === undefined) return undefined;
  const position = precompiledServices().indexOf(id); // the id is input text: looked up in a list, never a path
  if (position < 0) return undefined;
  let graph = loaded.get(id);
  if (graph === undefined) {
    const data = JSON.parse(readFileSync(new URL(`${position}.json`, STATUS_TABLES_DIR), 'utf8')) as StatusGraphData;
    graph = statusGraphOfData(data);
    loaded.set(id, graph);
  }
  return graph;
}

/**
 * The graph `statusGraph(service)` gives (the same object, cached per service), for code that can wait: from the
 * precompiled tables where they serve, otherwise compiled, the registry and the compiler loaded on first need. Rejects
 * as `statusGraph` throws: an `UnknownServiceError` for an unknown id, a `BadArgumentTypeError` for what is not a
 * service.
 *
 * @example const graph = await loadStatusGraph('kafka'); graph.statuses.includes('RUNNING') // true
 */
export async function loadStatusGraph(service: string | Service): Promise<StatusGraph> {
  const precompiled = precompiledStatusGraph(service);
  if (precompiled !== undefined) return precompiled;
  if (typeof service === 'string') await loadBuiltInServices(); // resolving the id needs the registry
  const { compiledStatusGraph } = await import('./compileStatusGraph.js');
  return compiledStatusGraph(service);
}

/** The id of a registered service given as its object (a machine of one's own has none). */
function registeredId(service: Service): string | undefined {
  if (typeof service !== 'object' || service === null || !builtInServicesLoaded()) return undefined;
  return builtInServices().findService(service.id) === service ? service.id : undefined;
}
