#!/usr/bin/env node
/** The `instance-lifecycle` executable: runs the CLI on the process's arguments and streams. */
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // answered before the commands and the library load: the start-up of `--version` is Node's own
  const { packageVersion } = await import('./packageVersion.js'); // loaded only here: every module costs start-up
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { runCli } = await import('./run.js');
  process.exitCode = await runCli(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    // made on first use: most commands read files, and making it costs start-up
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  });
}
