#!/usr/bin/env node
/** The `instance-lifecycle` executable: runs the CLI on the process's arguments and streams. */
import { packageVersion } from './packageVersion.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // answered before the commands and the library load: the start-up of `--version` is Node's own
  process.stdout.write(`${packageVersion()}\n`);
} else {
  // DEFER_BUILT_INS of src/model/builtInServices.ts (not imported: it must be set before that module loads)
  const DEFER = Symbol.for('instance-lifecycle.deferBuiltInServices');
  // the machines (and xstate) load when a command needs them: validating a registered service runs on the tables
  // precompiled at build time, without them (where Node can load an ES module synchronously, as a late need does)
  if (process.features.require_module) (globalThis as Record<symbol, unknown>)[DEFER] = true;
  const { runCli } = await import('./run.js');
  process.exitCode = await runCli(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
}
