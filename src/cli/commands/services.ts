/** `instance-lifecycle services`: list the registered services. */
import { services } from '../../../machines/index.js';
import { lifecycleModel } from '../../model/index.js';
import { type Command, EXIT_OK, parseCommandArgs, UsageError, write } from '../command.js';

export const servicesCommand: Command = {
  name: 'services',
  summary: 'list the services and their statuses',
  help: `Usage: instance-lifecycle services [--json]

List every registered service: id, name, documentation page and statuses.

Options:
  --json      print a JSON array instead of a table
  -h, --help  show this help`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const rows = services.map((service) => {
      const model = lifecycleModel(service);
      return { id: service.id, name: service.name, page: service.page, statuses: model.states.map((s) => s.status) };
    });
    if (values.json) {
      await write(io.stdout, JSON.stringify(rows, null, 2) + '\n');
    } else {
      const lines = rows.map((r) => `${r.id.padEnd(8)}${r.name} (page ${r.page})\n        ${r.statuses.join(', ')}`);
      await write(io.stdout, lines.join('\n') + '\n');
    }
    return EXIT_OK;
  },
};
