/** Run the CLI in-process with fake streams, for tests: arguments and stdin text in; exit code, stdout, stderr out. */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';

/** What one CLI run printed, and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCliCapture}. */
export interface CliRunOptions {
  /** Text (or bytes) given on standard input (default: none). */
  stdin?: string | Buffer;
  /** Environment (default: empty, so no NO_COLOR and no DEBUG). */
  env?: NodeJS.ProcessEnv;
  /** Pretend stdout and stderr are terminals. */
  tty?: boolean;
}

/**
 * Run `instance-lifecycle ...args` in this process and capture what it prints.
 *
 * @example const { code, stdout } = await runCliCapture(['services', '--json']);
 */
export async function runCliCapture(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  const stdout = capture(options.tty);
  const stderr = capture(options.tty);
  const code = await runCli(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]), // bytes as they are
    env: options.env ?? {},
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function capture(tty: boolean | undefined) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (tty) stream.isTTY = true;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
