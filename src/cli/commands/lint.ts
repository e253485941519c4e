/** `instance-lifecycle lint <service> --target T --pending A,B ...`: check a hand-written wait against the machine. */
import type { Service } from '../../../machines/index.js';
import { type LintReport, lintWait, type WaitLists } from '../../waiting/lintWait.js';
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
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

/** The `lint` command: {@link lintWait} as one finding a line, or JSON. */
export const lintCommand: Command = {
  name: 'lint',
  summary: 'check the pending, target and failure lists of a hand-written wait against the machine',
  help: `Usage: instance-lifecycle lint ${SERVICE_USAGE} --target T[,T...] --pending A,B [--failure C,D] [--from S]
                                 [--after OP] [--not-found STATUS] [--json]

Check the lists of a wait you wrote by hand (a Terraform StateChangeConf, an SDK waiter, a polling loop)
against the service's machine. One finding a line:
  unlisted             a status that can show during this wait is in no list: a state-change waiter stops
                       there with "unexpected state"
  pending-unreachable  a pending status from which the target can no longer come: the wait runs to its timeout
  failure-reachable    a failure status from which the target still comes: the wait gives up too early
  never-shows          a listed status that cannot show during this wait (or is no status of the service)
  listed-twice         a status in two lists
  missing-not-found    the target is final (the instance is gone, the API answers 404) but no 404 is handled

Lists are comma-separated, and each option may be repeated.

Options:
  --target T          the status(es) waited for (required)
  --pending A,B       the statuses the wait polls on (default none)
  --failure C,D       the statuses the wait stops at with an error (default none: anything unlisted stops it)
  --from S            where the wait starts (default: with --after, the statuses that operation leaves from;
                      without, anywhere)
  --after OP          the operation just requested (e.g. DELETE): the statuses it leaves from may be pending
  --not-found STATUS  the status the wait takes an HTTP 404 for (e.g. DELETED)
  --json              print { service, ok, findings: [{ kind, status, message }], expected, observable }
${MACHINE_HELP}
  -h, --help          show this help

Exit codes: 0 no findings, 1 findings, 2 usage error (an unknown service, target, start or operation).

Examples:
  instance-lifecycle lint kafka --target DELETED --pending DELETING,RUNNING --after DELETE --not-found DELETED
  instance-lifecycle lint dcs --target RUNNING --pending CREATING --failure CREATEFAILED,ERROR --from CREATING`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      target: { type: 'string', multiple: true },
      pending: { type: 'string', multiple: true },
      failure: { type: 'string', multiple: true },
      from: { type: 'string', multiple: true },
      after: { type: 'string' },
      'not-found': { type: 'string' },
      json: { type: 'boolean' },
      ...SERVICE_OPTIONS,
    });
    const {
      service,
      rest: [extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const target = splitList(values.target);
    if (target.length === 0) throw new UsageError('missing --target');
    const lists: WaitLists<Service> = { target, pending: splitList(values.pending) };
    if (values.failure !== undefined) lists.failure = splitList(values.failure);
    if (values.from !== undefined) lists.from = splitList(values.from);
    if (values.after !== undefined) lists.after = values.after;
    if (values['not-found'] !== undefined) lists.notFound = values['not-found'];
    const report = lintWait(service, lists);
    const text = values.json
      ? JSON.stringify(report, null, 2) + '\n'
      : formatLintReport(report, useColor(io.stdout, io.env));
    await write(io.stdout, text);
    return report.ok ? EXIT_OK : EXIT_FINDINGS;
  },
};

/** Comma-separated lists from repeated options, trimmed, without empty items. */
function splitList(given: string[] | undefined): string[] {
  return (given ?? [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The report as text: a heading, one finding a line, and a last line that counts them. */
export function formatLintReport(report: LintReport, color: boolean): string {
  const paint = painter(color);
  const e = report.expected;
  const after = e.before ? ` after ${e.before.operation}` : '';
  const from = e.from ? `, from ${e.from.join(' or ')}` : '';
  const kindWidth = Math.max(0, ...report.findings.map((f) => f.kind.length)) + 2;
  const statusWidth = Math.max(0, ...report.findings.map((f) => JSON.stringify(f.status).length - 2)) + 2;
  const lines = [paint.bold(`${report.service}: waiting for ${e.target.join(' or ')}${after}${from}`)];
  for (const f of report.findings) {
    const status = JSON.stringify(f.status).slice(1, -1); // a given name is data: escaped, never raw
    lines.push(`${paint.red(f.kind.padEnd(kindWidth))}${status.padEnd(statusWidth)}${f.message}`);
  }
  const count = report.findings.length;
  lines.push(count === 0 ? paint.green('no findings') : `${count} finding${count === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
