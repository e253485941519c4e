/** `runMeasured`: run a Node script as a child process and measure its wall time and peak memory. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** What one measured child run gave. */
export interface ChildRun {
  /** Exit code. */
  code: number | null;
  /** Wall time from spawn to exit, in seconds (includes Node's start-up). */
  seconds: number;
  /** CPU time of the child (user and system), in seconds: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** Peak resident set size of the child, in bytes. */
  peakRss: number;
  /** What it printed on stderr (for diagnosing failures). */
  stderr: string;
  /** The SHA-256 of what it printed on stdout (only when asked for: `hashStdout`). */
  stdoutHash?: string;
}

const hook = fileURLToPath(new URL('./reportUsage.js', import.meta.url));

/**
 * Run `node <script> ...args` with the usage hook preloaded; stdout is discarded.
 *
 * @example const run = await runMeasured('dist/src/cli/main.js', ['validate', 'kafka', file]);
 */
export function runMeasured(script: string, args: string[], options: { hashStdout?: boolean } = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', hook, script, ...args], {
      stdio: ['ignore', options.hashStdout ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const hash = options.hashStdout ? createHash('sha256') : undefined;
    child.stdout?.on('data', (data: Buffer) => hash?.update(data));
    let stderr = '';
    let usage = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8');
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (text: string) => (usage += text));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const parsed = usage
        ? (JSON.parse(usage) as { maxRSS: number; userCPUTime: number; systemCPUTime: number })
        : { maxRSS: NaN, userCPUTime: NaN, systemCPUTime: NaN };
      const cpuSeconds = (parsed.userCPUTime + parsed.systemCPUTime) / 1e6;
      const run: ChildRun = { code, seconds, cpuSeconds, peakRss: parsed.maxRSS * 1024, stderr };
      if (hash) run.stdoutHash = hash.digest('hex');
      resolve(run);
    });
  });
}
