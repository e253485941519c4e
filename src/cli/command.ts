/**
 * What every CLI command is: a name, its help text, and a `run` that turns arguments into an exit code. Commands
 * are thin: each calls the library and formats the result. Exit codes: 0 all good, 1 findings, 2 usage or bad input.
 */

import type { Readable, Writable } from 'node:stream';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { BadArgumentError } from '../model/badArgument.js';

/** Exit code when everything checked is fine. */
export const EXIT_OK = 0;
/** Exit code when the command ran and found problems (an illegal history, say). */
export const EXIT_FINDINGS = 1;
/** Exit code for a usage error or unreadable input. */
export const EXIT_USAGE = 2;

/** The streams and environment a command runs with (the process's own, or fakes in tests). */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

/** One CLI command. */
export interface Command {
  /** The word after `instance-lifecycle`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help: usage line, options, examples. */
  help: string;
  /** Run with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/**
 * A command as the registry lists it: the name and summary (for the command list), and either the command itself
 * or a `load` that imports its module on use.
 */
export type CommandEntry = Pick<Command, 'name' | 'summary'> & (Command | { load(): Promise<Command> });

/** A usage error: wrong arguments or options. Printed as one line with a pointer to `--help`; exit 2. */
export class UsageError extends BadArgumentError {
  override name = 'UsageError';
}

/** Bad input data: printed as one line, which names `file:line:column` and what was expected; exit 2. */
export { InputError } from '../input/inputError.js';

/**
 * `util.parseArgs` with its errors turned into {@link UsageError}s (strict: unknown options are errors).
 *
 * @example const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\s*\n\s*/g, ' ')); // node's messages may span lines; ours are one line
  }
}

/** Colour on a TTY only, and never when `NO_COLOR` is set (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

/** ANSI styling that does nothing when colour is off. */
export function painter(enabled: boolean) {
  const wrap = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { red: wrap(31), green: wrap(32), yellow: wrap(33), dim: wrap(2), bold: wrap(1) };
}

/**
 * The output cannot be written (a full disk, a file system error): one line naming the reason; exit 2. A reader
 * that went away (a closed pipe, `| head -1`) is not an error: see {@link write}.
 */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    /** The system's error code (ENOSPC, EIO, ...). */
    readonly code: string,
  ) {
    super(`cannot write the output: ${systemErrorText(code)}`);
  }
}

/** Streams whose reader has gone (EPIPE): later writes to them are dropped. */
const closedOutputs = new WeakSet<Writable>();

/** True once `stream`'s reader has gone away (a closed pipe); a command may stop producing output then. */
export function outputClosed(stream: Writable): boolean {
  return closedOutputs.has(stream);
}

/**
 * Write text (a string, or UTF-8 bytes) to a stream and wait until it is flushed (so large outputs are complete before the process exits).
 * When the reader has gone away (EPIPE: `... | head -1`), the text and everything written later are dropped
 * quietly, as `cat` would stop; the command ends normally with its own exit code. Any other error rejects with
 * an {@link OutputError}.
 */
export function write(stream: Writable, text: string | Uint8Array): Promise<void> {
  if (closedOutputs.has(stream)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error: Error | null | undefined) => {
      if (!error) return resolve();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET') {
        closedOutputs.add(stream);
        return resolve();
      }
      reject(typeof code === 'string' ? new OutputError(code) : error);
    };
    try {
      stream.write(text, done);
    } catch (error) {
      done(error as Error);
    }
  });
}

const SYSTEM_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ENOSPC', 'no space left on the device'],
  ['EDQUOT', 'disk quota exceeded'],
  ['EIO', 'input/output error'],
  ['EROFS', 'the file system is read-only'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['ENOENT', 'no such file or directory'],
  ['ENOTDIR', 'a part of the path is not a directory'],
  ['EISDIR', 'it is a directory'],
  ['EEXIST', 'it already exists'],
  ['ENAMETOOLONG', 'the name is too long'],
  ['ELOOP', 'too many levels of symbolic links'],
  ['EFBIG', 'the file is too large'],
  ['EMFILE', 'too many open files'],
  ['ENXIO', 'no reader (a FIFO nobody reads, or a device that is absent)'],
  ['EBUSY', 'the file is busy'],
  ['EXDEV', 'it is on another device'],
]);

/**
 * A system error code in words, with the code: `no space left on the device (ENOSPC)`.
 *
 * @example systemErrorText('ENOTDIR') // 'a part of the path is not a directory (ENOTDIR)'
 */
export function systemErrorText(code: string): string {
  const words = SYSTEM_ERRORS.get(code);
  return words === undefined ? code : `${words} (${code})`;
}
