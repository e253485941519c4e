/** `instance-lifecycle expect <service> <target>...`: the derived target, pending and failure statuses of a wait. */
import { type Expectations, expectations } from '../../waiting/expectations.js';
import { type Command, EXIT_OK, painter, parseCommandArgs, UsageError, useColor, write } from '../command.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

/** The `expect` command: {@link expectations} as text or JSON. */
export const expectCommand: Command = {
  name: 'expect',
  summary: 'list the pending, target and failure statuses of a wait, derived from the machine',
  help: `Usage: instance-lifecycle expect ${SERVICE_USAGE} <target>... [--from <status>]... [--after <operation>] [--json]

Print what a client waiting for <target> should make of every status, derived from the service's machine:
  target   the statuses waited for
  pending  the service's own outcomes can still bring a target (through transitional statuses only)
  failure  a target cannot come without a user's operation (with the reason for each)
Paste the lists into other tools (Terraform state change configs, SDK waiters).

Options:
  --from S    the status the instance is in when the wait starts (repeatable): list only the statuses such a
              wait can observe before it ends (short lists to paste)
  --after OP  the operation just requested (e.g. DELETE): also list the statuses it leaves from, which an
              instance may still show until the request takes effect
  --json      print plain data { service, target, pending, failure, before?, from? }
${MACHINE_HELP}
  -h, --help  show this help

Examples:
  instance-lifecycle expect kafka RUNNING
  instance-lifecycle expect kafka RUNNING --from CREATING
  instance-lifecycle expect dcs DELETED --from RUNNING --after DELETE --json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      after: { type: 'string' },
      from: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const { service, rest: targets } = await serviceArgument(values, positionals);
    if (targets.length === 0) throw new UsageError('missing <target>');
    const result = expectations(service, targets, {
      ...(values.after === undefined ? {} : { after: values.after }),
      ...(values.from === undefined ? {} : { from: values.from }),
    });
    const text = values.json
      ? JSON.stringify(result, null, 2) + '\n'
      : formatExpectations(result, useColor(io.stdout, io.env));
    await write(io.stdout, text);
    return EXIT_OK;
  },
};

/** The expectations as text: the three lists first (to paste), then the reason for every status. */
export function formatExpectations(e: Expectations, color: boolean): string {
  const paint = painter(color);
  const width = Math.max(0, ...[...e.pending, ...e.failure].map((s) => s.status.length)) + 2;
  const after = (e.before ? ` after ${e.before.operation}` : '') + (e.from ? `, from ${e.from.join(' or ')}` : '');
  const lines = [
    paint.bold(`${e.service}: waiting for ${e.target.join(' or ')}${after}`),
    '',
    `target:   ${paint.green(e.target.join(', '))}`,
    `pending:  ${paint.yellow(e.pending.map((p) => p.status).join(', ') || '(none)')}`,
    `failure:  ${paint.red(e.failure.map((f) => f.status).join(', ') || '(none)')}`,
  ];
  if (e.before) lines.push(`until ${e.before.operation} shows, also accept: ${e.before.from.join(', ') || '(none)'}`);
  lines.push('', 'why:');
  for (const p of e.pending) lines.push(`  pending  ${p.status.padEnd(width)}${p.reason}`);
  for (const f of e.failure) lines.push(`  failure  ${f.status.padEnd(width)}${f.reason}`);
  return lines.join('\n') + '\n';
}
