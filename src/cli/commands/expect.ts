/** `instance-lifecycle expect <service> <target>...`: the derived target, pending and failure statuses of a wait. */
import { type Expectations, expectations } from '../../waiting/expectations.js';
import { botocoreWaiter, smithyWaiter, terraformWaiter, waiterLists } from '../../waiting/waiterCode/index.js';
import { type Command, EXIT_OK, painter, parseCommandArgs, UsageError, useColor, write } from '../command.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

const FORMATS = ['text', 'json', 'terraform', 'smithy', 'botocore'] as const;
type Format = (typeof FORMATS)[number];

/** The `expect` command: {@link expectations} as text or JSON. */
export const expectCommand: Command = {
  name: 'expect',
  summary: 'list the pending, target and failure statuses of a wait, derived from the machine',
  help: `Usage: instance-lifecycle expect ${SERVICE_USAGE} <target>... [--from <status>]... [--after <operation>]
                                   [--format ${FORMATS.join('|')}] [--status-path PATH] [--json]

Print what a client waiting for <target> should make of every status, derived from the service's machine:
  target   the statuses waited for
  pending  the service's own outcomes can still bring a target (through transitional statuses only)
  failure  a target cannot come without a user's operation (with the reason for each)
Paste the lists into other tools, or let --format write the code: a Terraform state change config, a Smithy
waiter, a botocore waiter.

Options:
  --from S    the status the instance is in when the wait starts (repeatable): list only the statuses such a
              wait can observe before it ends (short lists to paste)
  --after OP  the operation just requested (e.g. DELETE): also list the statuses it leaves from, which an
              instance may still show until the request takes effect
  --format F  text (default); json: plain data { service, target, pending, failure, before?, from? };
              terraform: Go for a provider, a retry.StateChangeConf with Pending and Target and a refresh
              function that turns failure statuses into errors and a 404 into the final status;
              smithy: a smithy.waiters#waitable trait value (JSON); botocore: a waiters-2.json document.
              For waiters, the statuses the --after operation leaves from are polled on (retry), not failed
  --status-path PATH  where the status is in the API's response, dotted (default status; instances.0.status),
              for smithy and botocore
  --json      same as --format json
${MACHINE_HELP}
  -h, --help  show this help

Examples:
  instance-lifecycle expect kafka RUNNING
  instance-lifecycle expect kafka RUNNING --from CREATING
  instance-lifecycle expect dcs DELETED --from RUNNING --after DELETE --json
  instance-lifecycle expect kafka DELETED --from RUNNING --after DELETE --format terraform`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      after: { type: 'string' },
      from: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      format: { type: 'string' },
      'status-path': { type: 'string' },
    });
    const { service, rest: targets } = await serviceArgument(values, positionals);
    if (targets.length === 0) throw new UsageError('missing <target>');
    const result = expectations(service, targets, {
      ...(values.after === undefined ? {} : { after: values.after }),
      ...(values.from === undefined ? {} : { from: values.from }),
    });
    const format = readFormat(values.format, values.json);
    const statusPath = values['status-path'];
    if (statusPath !== undefined && !/^[^.]+(\.[^.]+)*$/.test(statusPath))
      throw new UsageError('--status-path must be names and indexes joined by dots, like instances.0.status');
    const options = statusPath === undefined ? {} : { statusPath };
    const json = (data: unknown) => JSON.stringify(data, null, 2) + '\n';
    const text =
      format === 'json'
        ? json(result)
        : format === 'terraform'
          ? terraformWaiter(waiterLists(result))
          : format === 'smithy'
            ? json(smithyWaiter(waiterLists(result), options))
            : format === 'botocore'
              ? json(botocoreWaiter(waiterLists(result), options))
              : formatExpectations(result, useColor(io.stdout, io.env));
    await write(io.stdout, text);
    return EXIT_OK;
  },
};

function readFormat(format: string | undefined, json: boolean | undefined): Format {
  if (json && format !== undefined && format !== 'json') throw new UsageError(`--json contradicts --format ${format}`);
  const chosen = json ? 'json' : (format ?? 'text');
  const known = FORMATS.find((f) => f === chosen);
  if (!known) throw new UsageError(`unknown --format "${chosen}"; expected one of ${FORMATS.join(', ')}`);
  return known;
}

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
