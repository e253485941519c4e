/**
 * `loadService`: a service of your own from a file (what `--machine FILE` loads): an ES module exporting a
 * `Service` or a machine (as its default export or as `service`), or a JSON file holding an xstate machine config
 * (the format the Stately editor exports: states, `on`, tags, `meta`, `description`).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMachine } from 'xstate';
import type { Service } from '../../machines/index.js';
import { defineService, isMachine, isService } from '../model/index.js';
import { InputError } from './inputError.js';
import { lineColumn, scanJson } from './jsonSyntax.js';

/**
 * Load a service from a file: `.json` is read as a machine config, anything else is imported as an ES module. A
 * machine without a service around it gets its machine id as the service id (or the file's name). Throws an
 * `InputError` naming the file for a file that cannot be read or holds no machine.
 *
 * @example const service = await loadService('my-service.mjs'); validateHistory(service, ['CREATING', 'ACTIVE'])
 */
export async function loadService(file: string): Promise<Service> {
  if (extname(file).toLowerCase() === '.json') return serviceFromConfig(await readMachineConfig(file), file);
  try {
    if ((await stat(file)).isDirectory()) throw new InputError('cannot read: it is a directory', { file });
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? (error as Error).message}`, {
      file,
    });
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`cannot load the module: ${(error as Error).message}`, { file });
  }
  for (const name of ['service', 'default'] as const) {
    const value = module[name];
    if (isService(value)) return defineService(value);
    if (isMachine(value)) return defineService({ id: machineId(value.id, file), machine: value });
  }
  const exported = Object.keys(module);
  throw new InputError(
    `expected a Service or an xstate machine as the default export or as "service"; the module exports ${exported.length === 0 ? 'nothing' : exported.join(', ')}`,
    { file },
  );
}

/**
 * The parsed JSON of a machine config file; throws an `InputError` with `file:line:column` for invalid JSON.
 *
 * @example const config = await readMachineConfig('machine.json'); checkMachineConfig(config)
 */
export async function readMachineConfig(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? (error as Error).message}`, {
      file,
    });
  }
  const scan = scanJson(text);
  if (!scan.ok)
    throw new InputError(`invalid JSON: expected ${scan.expected}`, { file, ...lineColumn(text, scan.offset) });
  return JSON.parse(text) as unknown;
}

/**
 * The service of a parsed machine config: its `id` (or the file's name), and `meta.name` and `meta.page` when the
 * config's `meta` has them. Throws an `InputError` when xstate cannot build the machine (say, a missing target).
 *
 * @example serviceFromConfig({ id: 'q', initial: 'A', states: { A: { tags: ['stable'] } } }, 'q.json').id // 'q'
 */
export function serviceFromConfig(config: unknown, file: string): Service {
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new InputError('expected a JSON object holding a machine config (with "states")', { file });
  const record = config as { id?: unknown; meta?: { name?: unknown; page?: unknown } };
  let machine: ReturnType<typeof createMachine>;
  try {
    machine = createMachine(config as Parameters<typeof createMachine>[0]);
  } catch (error) {
    throw new InputError(`not a valid machine: ${(error as Error).message}`, { file });
  }
  const meta = typeof record.meta === 'object' && record.meta !== null ? record.meta : {};
  return defineService({
    id: machineId(typeof record.id === 'string' ? record.id : undefined, file),
    machine,
    ...(typeof meta.name === 'string' ? { name: meta.name } : {}),
    ...(typeof meta.page === 'string' ? { page: meta.page } : {}),
  });
}

/** The machine's id, unless it is xstate's default (`(machine)`) or missing: then the file's name. */
function machineId(id: string | undefined, file: string): string {
  if (id !== undefined && id !== '' && id !== '(machine)') return id;
  return basename(file).replace(/\.[^.]*$/, '');
}
