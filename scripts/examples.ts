/**
 * `npm start`: validate every bundled example in examples/ with the real CLI and print the reports. Some examples
 * are illegal on purpose; the script exits 0 when every example gives the verdict it is meant to show (listed in
 * examples/examples.json), and 1 when one does not.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_FINDINGS, EXIT_OK } from '../src/cli/command.js';
import { runCli } from '../src/cli/run.js';

/** One entry of examples/examples.json. */
interface Example {
  /** What the example shows. */
  about: string;
  /** The arguments of `instance-lifecycle validate`, with paths relative to the package root. */
  args: string[];
  /** The verdict it is meant to get. */
  expect: 'legal' | 'illegal';
}

const root = new URL('../../', import.meta.url); // dist/scripts/ -> the package root
const examples = JSON.parse(readFileSync(new URL('examples/examples.json', root), 'utf8')) as Example[];
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
const wrong: string[] = [];

for (const [index, example] of examples.entries()) {
  const args = example.args.map((arg) =>
    arg.startsWith('examples/') ? relative(process.cwd(), fileURLToPath(new URL(arg, root))) : arg,
  );
  process.stdout.write(
    `${index === 0 ? '' : '\n'}# ${example.about}\n$ instance-lifecycle validate ${args.join(' ')}\n`,
  );
  const code = await runCli(['validate', ...args], io);
  const expected = example.expect === 'legal' ? EXIT_OK : EXIT_FINDINGS;
  if (code !== expected) wrong.push(`${args.join(' ')}: exit ${code}, expected ${expected} (${example.expect})`);
}

const illegal = examples.filter((e) => e.expect === 'illegal').length;
if (wrong.length === 0) {
  process.stdout.write(
    `\n${examples.length} examples checked: ${examples.length - illegal} legal and ${illegal} illegal, as intended.\n`,
  );
} else {
  process.stderr.write(`\n${wrong.length} example(s) did not give their intended verdict:\n  ${wrong.join('\n  ')}\n`);
  process.exitCode = 1;
}
