/**
 * The one way every command takes its service: a registered service's id as the first argument, or
 * `--machine FILE` (a service of your own: an ES module exporting a machine or a `Service`, or a JSON machine
 * config), in which case no id is given. A command spreads {@link SERVICE_OPTIONS} into its options and calls
 * {@link serviceArgument} with what was parsed.
 */
import type { Service } from '../../machines/index.js';
import { precompiledServices } from '../graph/statusTables.js';
import { loadBuiltInServices } from '../model/builtInServices.js';
import { UsageError } from './command.js';

/** The `parseCommandArgs` configuration of `--machine FILE` (spread it into a command's own). */
export const SERVICE_OPTIONS = {
  machine: { type: 'string' },
} as const;

/** The usage words for the service: `<service>|--machine FILE`. */
export const SERVICE_USAGE = '<service>|--machine FILE';

/** The help line of `--machine`, aligned like the commands' option lists. */
export const MACHINE_HELP = `  --machine FILE  a service of your own instead of <service>: an ES module exporting a machine or a Service
                  (default export or "service"), or a JSON machine config (as the Stately editor exports)`;

/**
 * The service a command runs on, and the positional arguments after it. With `--machine FILE` the service is
 * loaded from the file and every positional is left for the command; otherwise the first positional is a
 * registered service's id. Throws a `UsageError` when neither is given, an `UnknownServiceError` for an unknown id,
 * and an `InputError` for a file that holds no machine.
 *
 * @example const { service, rest: [file] } = await serviceArgument(values, positionals);
 */
export async function serviceArgument(
  values: { machine?: string | undefined },
  positionals: readonly string[],
): Promise<{ service: Service; rest: string[] }> {
  if (values.machine !== undefined) {
    if (values.machine === '') throw new UsageError('--machine needs a file');
    const { loadService } = await import('../input/loadService.js');
    return { service: await loadService(values.machine), rest: [...positionals] };
  }
  const [id, ...rest] = positionals;
  if (id === undefined) throw new UsageError(`missing ${SERVICE_USAGE}`);
  await loadBuiltInServices(); // the CLI loads the machines only for the commands that need them
  const { resolveService } = await import('../model/resolveService.js'); // not loaded where the tables serve
  return { service: resolveService(id), rest };
}

/**
 * {@link serviceArgument} for a command that only validates: a registered service whose status tables are
 * precompiled is given by its id, and its machine is not loaded (the validator runs on the tables). Only where
 * Node can load the machines synchronously later, should an option need them (`--absent-is-gone`).
 *
 * @example const { service, rest: files } = await validatedServiceArgument(values, positionals); // service: 'kafka'
 */
export async function validatedServiceArgument(
  values: { machine?: string | undefined },
  positionals: readonly string[],
): Promise<{ service: string | Service; rest: string[] }> {
  const [id, ...rest] = positionals;
  if (values.machine === undefined && id !== undefined && precompiledServices().includes(id))
    return { service: id, rest };
  return serviceArgument(values, positionals);
}
