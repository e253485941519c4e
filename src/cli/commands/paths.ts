/** `instance-lifecycle paths <service>`: print test plans: shortest paths, or paths covering every transition. */

import { coveringPaths, type UncoveredTransition } from '../../graph/coveringPaths.js';
import { type LifecyclePath, shortestPaths } from '../../graph/shortestPaths.js';
import { knownStatus, lifecycleModel } from '../../model/index.js';
import { type Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError, write } from '../command.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

const COVERS = ['states', 'transitions'] as const;

/** The `paths` command: {@link shortestPaths} or {@link coveringPaths}, printed one path a line or as JSON. */
export const pathsCommand: Command = {
  name: 'paths',
  summary: 'print paths through a machine: to each status, or covering every transition (test plans)',
  help: `Usage: instance-lifecycle paths ${SERVICE_USAGE} [--from STATUS] [--to STATUS] [--cover ${COVERS.join('|')}] [--json]

Print paths through the service's machine, one per line (STATUS --EVENT--> STATUS ...), for model-based tests:
  --cover states       the shortest path from --from to each status it reaches (or only to --to); the default
  --cover transitions  paths from --from that together take every transition they can reach at least once
                       (each ending at --to when given); transitions they cannot reach are named on stderr

Options:
  --from STATUS  start status (default the initial one)
  --to STATUS    end status
  --cover WHAT   ${COVERS.join(' or ')} (default states)
  --json         print {service, from, to, cover, paths: [{statuses, events}], uncovered} instead
${MACHINE_HELP}
  -h, --help     show this help

Exit codes: 0 paths printed, 1 no path reaches --to, 2 usage error.

Examples:
  instance-lifecycle paths kafka --cover transitions
  instance-lifecycle paths dcs --from RUNNING --to DELETED --json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...SERVICE_OPTIONS,
      from: { type: 'string' },
      to: { type: 'string' },
      cover: { type: 'string', default: 'states' },
      json: { type: 'boolean' },
    });
    const {
      service,
      rest: [extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const model = lifecycleModel(service);
    for (const option of ['from', 'to'] as const) {
      const status = values[option];
      if (status !== undefined) knownStatus(model, status);
    }
    const cover = COVERS.find((c) => c === values.cover);
    if (!cover) throw new UsageError(`unknown --cover "${values.cover}"; expected one of ${COVERS.join(', ')}`);
    const from = values.from ?? model.initial;
    const ends = values.to === undefined ? { from } : { from, to: values.to };
    let paths: LifecyclePath[];
    let uncovered: UncoveredTransition[] = [];
    if (cover === 'transitions') {
      ({ paths, uncovered } = coveringPaths(service, ends));
    } else {
      paths = shortestPaths(service, ends);
    }
    if (values.json) {
      const data = {
        service: model.service,
        from,
        ...(values.to === undefined ? {} : { to: values.to }),
        cover,
        paths,
        uncovered,
      };
      await write(io.stdout, JSON.stringify(data, null, 2) + '\n');
    } else {
      await write(io.stdout, paths.map((path) => formatPath(path) + '\n').join(''));
      if (uncovered.length > 0) {
        const where = `from ${from}` + (values.to === undefined ? '' : ` ending at ${values.to}`);
        const list = uncovered.map((t) => `${t.from} --${t.event}--> ${t.to}`).join(', ');
        await write(
          io.stderr,
          `instance-lifecycle paths: ${uncovered.length} transitions cannot be taken ${where}: ${list}\n`,
        );
      }
    }
    if (values.to !== undefined && paths.length === 0) {
      if (!values.json)
        await write(io.stderr, `instance-lifecycle paths: no path leads from ${from} to ${values.to}\n`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  },
};

/** A path as one line: `A --EVENT--> B --EVENT--> C`. */
function formatPath(path: LifecyclePath): string {
  return path.statuses.map((status, i) => (i === 0 ? status : ` --${path.events[i - 1]}--> ${status}`)).join('');
}
