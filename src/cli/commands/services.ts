/** `instance-lifecycle services`: list the registered services. */
import { services } from '../../../machines/index.js';
import { serviceSummary } from '../../model/index.js';
import { type Command, EXIT_OK, parseCommandArgs, UsageError, write } from '../command.js';

export const servicesCommand: Command = {
  name: 'services',
  summary: 'list the services and their statuses',
  help: `Usage: instance-lifecycle services [--json]

List every registered service, in a fixed order: id, name, documentation page, statuses (as the API spells
them) and counts (statuses documented and not, transitions by basis, operations and outcomes).

Options:
  --json      print a JSON array instead of a table
  -h, --help  show this help`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const rows = services.map((service) => serviceSummary(service));
    if (values.json) {
      await write(io.stdout, JSON.stringify(rows, null, 2) + '\n');
    } else {
      const width = Math.max(...rows.map((r) => r.id.length)) + 2;
      const indent = ' '.repeat(width);
      const lines = rows.map(({ id, name, page, statuses, counts }) => {
        const figures = `${counts.statuses} statuses (${counts.undocumented} undocumented), ${counts.transitions} transitions`;
        return `${id.padEnd(width)}${name}: page ${page}, ${figures}\n${indent}${statuses.join(', ')}`;
      });
      await write(io.stdout, lines.join('\n') + '\n');
    }
    return EXIT_OK;
  },
};
