/** `instance-lifecycle sql <service>`: print the machine compiled into a SQL query returning every violation. */
import { DIALECTS, type DialectName, violationsQuery } from '../../sql/index.js';
import { type Command, EXIT_OK, parseCommandArgs, UsageError, write } from '../command.js';
import { historyOptions } from '../historyOptions.js';
import { MACHINE_HELP, SERVICE_OPTIONS, SERVICE_USAGE, serviceArgument } from '../serviceArgument.js';

/** The `sql` command: {@link violationsQuery} for a table of observations. */
export const sqlCommand: Command = {
  name: 'sql',
  summary: 'print a SQL query that checks the histories in a warehouse table (DuckDB, PostgreSQL, BigQuery, ...)',
  help: `Usage: instance-lifecycle sql ${SERVICE_USAGE} --dialect ${DIALECTS.join('|')} [--mode strict|sampled] [--from-start]
       [--table T] [--status-col C] [--id-col C] [--time-col C] [--order-col C]

Print one query that returns the violations of every instance's history in a table, with the same verdicts as
validate: columns instance, index, from, to, kind, allowed (as validate --json names them). The machine is part of
the query, as data; run it where your logs live.

Options:
  --dialect D     ${DIALECTS.join(', ')}
  --mode M        strict (default) or sampled
  --from-start    every history must start at the initial status
  --table T       the table or view (default status_log)
  --status-col C  the status column (default status)
  --id-col C      the instance id column (default instance_id)
  --time-col C    the time column (default time), compared as its type orders it
  --order-col C   the column that orders each history (default the time column)
${MACHINE_HELP}
  -h, --help      show this help

Examples:
  instance-lifecycle sql kafka --dialect duckdb --mode sampled
  instance-lifecycle sql dcs --dialect postgres --table ops.dcs_polls --time-col polled_at`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      dialect: { type: 'string' },
      mode: { type: 'string', default: 'strict' },
      'from-start': { type: 'boolean' },
      table: { type: 'string', default: 'status_log' },
      'status-col': { type: 'string', default: 'status' },
      'id-col': { type: 'string', default: 'instance_id' },
      'time-col': { type: 'string', default: 'time' },
      'order-col': { type: 'string' },
      ...SERVICE_OPTIONS,
    });
    const {
      service,
      rest: [extra],
    } = await serviceArgument(values, positionals);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const dialect = values.dialect;
    if (dialect === undefined) throw new UsageError(`missing --dialect (one of ${DIALECTS.join(', ')})`);
    if (!(DIALECTS as readonly string[]).includes(dialect)) {
      throw new UsageError(`unknown --dialect "${dialect}"; expected one of ${DIALECTS.join(', ')}`);
    }
    const { mode, fromStart } = historyOptions(values);
    const query = violationsQuery(service, {
      dialect: dialect as DialectName,
      mode,
      fromStart,
      source: {
        table: values.table,
        statusColumn: values['status-col'],
        idColumn: values['id-col'],
        timeColumn: values['time-col'],
        ...(values['order-col'] === undefined ? {} : { orderColumn: values['order-col'] }),
      },
    });
    await write(io.stdout, query);
    return EXIT_OK;
  },
};
