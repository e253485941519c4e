/** `instance-lifecycle graph <service>`: print a service's machine as plain data or as a diagram. */
import { toDot } from '../../diagram/dot.js';
import { toMermaid } from '../../diagram/mermaid.js';
import { lifecycleModel } from '../../model/index.js';
import { type Command, EXIT_OK, parseCommandArgs, UsageError, write } from '../command.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

const FORMATS = ['json', 'mermaid', 'dot', 'svg'] as const;

export const graphCommand: Command = {
  name: 'graph',
  summary: "print a service's statuses and transitions (JSON or a diagram)",
  help: `Usage: instance-lifecycle graph ${SERVICE_USAGE} [--format ${FORMATS.join('|')}]

Print the machine of a service: its statuses with their tags, and its transitions with their basis.

Options:
  --format F  json: plain data { service, initial, states, transitions } (default)
              mermaid: a Mermaid stateDiagram-v2 (inferred transitions marked in their label)
              dot: Graphviz DOT source (the same drawing as svg, for your own Graphviz)
              svg: a diagram laid out by Graphviz: states coloured by tag, transitions labelled by event,
                inferred ones dashed, operations orange, outcomes grey, with a legend
${MACHINE_HELP}
  -h, --help  show this help

Examples:
  instance-lifecycle graph kafka --format json
  instance-lifecycle graph dcs --format mermaid > dcs.mmd
  instance-lifecycle graph dcs --format dot | dot -Tpng > dcs.png
  instance-lifecycle graph kafka --format svg > kafka.svg`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string', default: 'json' },
      ...SERVICE_OPTIONS,
    });
    const {
      service,
      rest: [extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const format = values.format as string;
    const model = lifecycleModel(service);
    if (format === 'json') {
      const { service: id, initial, states, transitions } = model;
      const data = {
        service: id,
        initial,
        states: states.map(({ status, tags, description, evidence }) => ({
          status,
          tags,
          description,
          ...(evidence ? { evidence } : {}),
        })),
        transitions: transitions.map(({ from, to, event, kind, basis, source, note, description, failure }) => ({
          from,
          to,
          event,
          kind,
          basis,
          ...(source ? { source } : {}),
          ...(note ? { note } : {}),
          description,
          ...(failure ? { failure } : {}),
        })),
      };
      await write(io.stdout, JSON.stringify(data, null, 2) + '\n');
      return EXIT_OK;
    }
    if (format === 'mermaid') {
      await write(io.stdout, toMermaid(model));
      return EXIT_OK;
    }
    if (format === 'dot') {
      await write(io.stdout, toDot(model));
      return EXIT_OK;
    }
    if (format === 'svg') {
      const { lifecycleSvg } = await import('../../diagram/svg.js'); // the layout engine loads only when needed
      await write(io.stdout, await lifecycleSvg(service));
      return EXIT_OK;
    }
    throw new UsageError(`unknown --format "${format}"; expected one of ${FORMATS.join(', ')}`);
  },
};
