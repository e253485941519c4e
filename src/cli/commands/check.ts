/** `instance-lifecycle check FILE`: check a machine of your own against the rules every built-in machine follows. */
import { extname } from 'node:path';
import { loadService, readMachineConfig } from '../../input/loadService.js';
import { checkMachineConfig, checkService, type ServiceFinding } from '../../model/index.js';
import {
  type Command,
  EXIT_FINDINGS,
  EXIT_OK,
  painter,
  parseCommandArgs,
  UsageError,
  useColor,
  write,
} from '../command.js';

/** The `check` command: one line per finding, exit 1 when there is any. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check a machine of your own (a module or a JSON config) against the rules of the built-in machines',
  help: `Usage: instance-lifecycle check FILE [--json]

Check a machine of your own, as --machine FILE loads it (an ES module exporting a machine or a Service, or a JSON
machine config as the Stately editor exports it), against the rules every built-in machine follows:
  - tags only from the vocabulary (stable, transitional, failed, final, undocumented), exactly one of stable,
    transitional, final per status, and final exactly on final states;
  - every transition has meta with a kind (operation or outcome) and a basis: documented with its source, or
    inferred with its reason (note); each event has one kind everywhere;
  - every target exists, and every status is reachable from the initial one;
  - every transitional status has an outcome that leads on; final statuses have no way out.

Options:
  --json      print { ok, file, findings: [{ rule, status?, event?, message }] }
  -h, --help  show this help

Exit codes: 0 no finding, 1 findings (one line each), 2 usage error or a file that cannot be loaded.

Examples:
  instance-lifecycle check my-service.mjs
  instance-lifecycle check exported-from-stately.json --json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const [file, extra] = positionals;
    if (file === undefined) throw new UsageError('missing FILE');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const findings: ServiceFinding[] =
      extname(file).toLowerCase() === '.json'
        ? checkMachineConfig(await readMachineConfig(file)) // also a config xstate would reject
        : checkService(await loadService(file));
    const ok = findings.length === 0;
    if (values.json) {
      await write(io.stdout, JSON.stringify({ ok, file, findings }, null, 2) + '\n');
    } else {
      const paint = painter(useColor(io.stdout, io.env));
      const lines = findings.map((f) => `${paint.red('✗')} ${file}: ${f.message}`);
      lines.push(
        ok
          ? `${paint.green('OK')}: ${file} follows every rule`
          : `${paint.red('FINDINGS')}: ${findings.length} in ${file}`,
      );
      await write(io.stdout, lines.join('\n') + '\n');
    }
    return ok ? EXIT_OK : EXIT_FINDINGS;
  },
};
