/**
 * `runCli`: the whole command line as a function (arguments and streams in, exit code out), so tests can run it
 * in-process. Errors the user can fix are one line on stderr, without a stack trace.
 */
// the model's modules directly, not its index: the CLI's start-up loads only what it uses
import { BadArgumentError, BadArgumentTypeError } from '../model/badArgument.js';
import { escapeControls } from '../model/quoteInput.js';
import {
  type CliIO,
  type Command,
  type CommandEntry,
  EXIT_OK,
  EXIT_USAGE,
  InputError,
  OutputError,
  UsageError,
  write,
} from './command.js';
import { commands } from './commands/index.js';

/** Exit code for a bug in this tool (EX_SOFTWARE of sysexits.h). */
export const EXIT_INTERNAL = 70;

function mainHelp(registry: readonly CommandEntry[]): string {
  const width = Math.max(...registry.map((c) => c.name.length)) + 2;
  const list = registry.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n');
  return `Usage: instance-lifecycle <command> [options]

Lifecycle machines of managed cloud instances, and a checker for observed status histories.

Commands:
${list}

Options:
  -h, --help     show this help (or a command's: instance-lifecycle <command> --help)
  -v, --version  show the version

Exit codes: 0 fine, 1 findings (an illegal history), 2 usage error or bad input (wait: 3 timeout).
`;
}

/**
 * Run the CLI with these arguments (without `node` and the script); resolves to the exit code. `registry` is the
 * list of commands (every command by default, each loaded on use; tests pass their own).
 */
export async function runCli(argv: string[], io: CliIO, registry: readonly CommandEntry[] = commands): Promise<number> {
  // A write error is also emitted as an 'error' event: `write` handles it, this keeps it from being uncaught.
  const ignore = () => undefined;
  io.stdout.on?.('error', ignore);
  io.stderr.on?.('error', ignore);
  try {
    return await runCommand(argv, io, registry);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    await write(io.stderr, `instance-lifecycle: ${error.message}\n`).catch(ignore);
    return EXIT_USAGE;
  } finally {
    io.stdout.off?.('error', ignore);
    io.stderr.off?.('error', ignore);
  }
}

async function runCommand(argv: string[], io: CliIO, registry: readonly CommandEntry[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    await write(name === undefined ? io.stderr : io.stdout, mainHelp(registry));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    const { packageVersion } = await import('./packageVersion.js'); // not loaded by the commands
    await write(io.stdout, packageVersion() + '\n');
    return EXIT_OK;
  }
  const entry = registry.find((c) => c.name === name);
  if (!entry) {
    await write(
      io.stderr,
      `instance-lifecycle: unknown command "${name}"; commands: ${registry.map((c) => c.name).join(', ')}\n`,
    );
    return EXIT_USAGE;
  }
  const command: Command = 'load' in entry ? await entry.load() : entry;
  if (rest.includes('--help') || rest.includes('-h')) {
    await write(io.stdout, command.help + '\n');
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    if (error instanceof BadArgumentError || error instanceof BadArgumentTypeError || error instanceof InputError) {
      const hint = error instanceof UsageError ? ` (see instance-lifecycle ${command.name} --help)` : '';
      await write(io.stderr, `instance-lifecycle ${command.name}: ${oneLine(error.message)}${hint}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    await write(io.stderr, `instance-lifecycle ${command.name}: internal error: ${oneLine(message)}\n`);
    if (io.env.DEBUG && error instanceof Error && error.stack) await write(io.stderr, error.stack + '\n');
    return EXIT_INTERNAL;
  }
}

/** A message as one harmless line: control characters from input (newlines included) escaped. */
function oneLine(message: string): string {
  return escapeControls(message);
}
