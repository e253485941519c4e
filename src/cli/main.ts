#!/usr/bin/env node
/** The `instance-lifecycle` executable: runs the CLI on the process's arguments and streams. */
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
