/**
 * `violationsQuery`: a service's machine compiled into one SQL query that returns the violations of every
 * instance's history in a table, with the validator's verdicts: the same kinds (`unknown-status`, `not-initial`,
 * `illegal-transition`, `time-backwards`, `invalid-time`), places and allowed lists as `validate --json`.
 *
 * The query follows the validator's rules (src/validation/validator.ts) step by step:
 * - rows are numbered per instance in the order column's order (`index`, from 0);
 * - a status is known as it is, or else trimmed of white space and upper-cased (as the validator's spelling note);
 * - the status before a row is the previous row's status when that one was known (after an unknown status the
 *   next known one starts afresh); a change to a status the machine does not allow from it is illegal;
 * - with `fromStart`, a known first status other than the initial one is `not-initial`;
 * - a time earlier than the last readable time before it is `time-backwards`; with an `invalidTimeColumn`, a
 *   true value there is `invalid-time` (and that row's time is not used).
 * The machine enters the query as data (see {@link sqlMachineData}), so the query's shape is the same for every
 * service and mode. Where a dialect differs from the validator, the query says so in a comment at its top.
 */
import type { Service } from '../../machines/index.js';
import { BadArgumentError } from '../model/index.js';
import type { ValidationMode } from '../validation/index.js';
import { DIALECTS, type Dialect, type DialectName, dialectNamed } from './dialect.js';
import { sqlMachineData } from './machineData.js';

/** The white space JavaScript's `String.prototype.trim` removes, which the validator trims from a status. */
export const JS_WHITESPACE =
  '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** Where the observations are: a table (or view) and its columns. */
export interface SqlSource {
  /** The table or view, optionally qualified (`schema.table`). */
  table: string;
  /** The status column (text). */
  statusColumn: string;
  /** The instance id column; without it, the whole table is one history. */
  idColumn?: string;
  /** The time column, compared as its type orders it (a timestamp, or a number). */
  timeColumn?: string;
  /** The column that orders each instance's observations (default: the time column). */
  orderColumn?: string;
  /** A boolean column, true where the record had a time that could not be read. */
  invalidTimeColumn?: string;
}

/** Options of {@link violationsQuery}. */
export interface ViolationsQueryOptions {
  dialect: DialectName;
  /** Default `strict`. */
  mode?: ValidationMode;
  /** Require every history to start at the initial status. Default false. */
  fromStart?: boolean;
  source: SqlSource;
}

/**
 * The SQL text of the violations query: columns `instance`, `index`, `from`, `to`, `kind`, `allowed` (an array of
 * statuses) and `message`, ordered by instance and index.
 *
 * @example
 * violationsQuery('kafka', { dialect: 'duckdb', mode: 'sampled',
 *   source: { table: 'status_log', statusColumn: 'status', idColumn: 'instance_id', timeColumn: 'polled_at' } })
 */
export function violationsQuery(service: string | Service, options: ViolationsQueryOptions): string {
  const dialect = dialectNamed(options.dialect);
  if (!dialect) throw new BadArgumentError(`unknown SQL dialect "${options.dialect}"; known: ${DIALECTS.join(', ')}`);
  const { source } = options;
  const order = source.orderColumn ?? source.timeColumn;
  if (order === undefined)
    throw new BadArgumentError('the query needs an order column or a time column to order each history');
  const mode = options.mode ?? 'strict';
  const data = sqlMachineData(service, mode);
  const id = (name: string) => dialect.identifier(name);
  const instance = source.idColumn === undefined ? `CAST(NULL AS ${dialect.textType})` : id(source.idColumn);
  const time = source.timeColumn === undefined ? 'NULL' : id(source.timeColumn);
  const invalid = source.invalidTimeColumn === undefined ? 'FALSE' : id(source.invalidTimeColumn);
  const byInstance = '(PARTITION BY instance ORDER BY idx)';
  const runningBefore = '(PARTITION BY instance ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
  const none = dialect.texts([]);
  // a status without a spelling of its own gets one no trimmed text has (it starts with a space): only exact matches
  const statusRows = data.statuses.map((s) => [s.id, s.status, s.spelling ?? ` ${s.status}`, s.allowed] as const);
  const stepRows = data.steps.map((s) => [s.from, s.to] as const);

  const ctes = [
    dialect.table(
      'machine_statuses',
      [
        { name: 'status_id', type: 'int' },
        { name: 'status', type: 'text' },
        { name: 'spelling', type: 'text' },
        { name: 'allowed', type: 'texts' },
      ],
      statusRows,
    ),
    dialect.table(
      'machine_steps',
      [
        { name: 'from_id', type: 'int' },
        { name: 'to_id', type: 'int' },
      ],
      stepRows,
    ),
    `observed AS (
  SELECT ${instance} AS instance, ${id(source.statusColumn)} AS given,
    CASE WHEN ${invalid} THEN NULL ELSE ${time} END AS t, ${invalid} AS bad_time,
    ROW_NUMBER() OVER (PARTITION BY ${instance} ORDER BY ${id(order)}) - 1 AS idx
  FROM ${id(source.table)}
)`,
    `known AS (
  SELECT o.instance, o.idx, o.given, o.t, o.bad_time, COALESCE(exact.status_id, spelled.status_id) AS sid,
    COUNT(o.t) OVER ${runningBefore} AS times_so_far
  FROM observed o
  LEFT JOIN machine_statuses exact ON exact.status = o.given
  LEFT JOIN machine_statuses spelled ON spelled.spelling = UPPER(${dialect.trim('o.given', JS_WHITESPACE)})
)`,
    `last_time AS (
  SELECT k.*, MAX(k.t) OVER (PARTITION BY instance, times_so_far) AS time_so_far FROM known k
)`,
    `steps AS (
  SELECT l.instance, l.idx, l.given, l.t, l.bad_time, l.sid,
    ${dialect.previous('l.sid', byInstance)} AS prev_sid,
    ${dialect.previous('l.time_so_far', byInstance)} AS prev_time
  FROM last_time l
)`,
    `judged AS (
  SELECT s.instance, s.idx, s.given, s.t, s.bad_time, s.sid, s.prev_sid, s.prev_time,
    cur.status AS status, prev.status AS prev_status, COALESCE(prev.allowed, ${none}) AS prev_allowed,
    CASE WHEN s.prev_sid IS NOT NULL AND s.sid IS NOT NULL AND s.sid <> s.prev_sid AND legal.from_id IS NULL
      THEN 1 ELSE 0 END AS illegal
  FROM steps s
  LEFT JOIN machine_statuses cur ON cur.status_id = s.sid
  LEFT JOIN machine_statuses prev ON prev.status_id = s.prev_sid
  LEFT JOIN machine_steps legal ON legal.from_id = s.prev_sid AND legal.to_id = s.sid
)`,
  ];

  const initial = data.statuses[data.initial]!.status;
  const select = (kind: string, order: number, to: string, allowed: string, where: string) =>
    `SELECT instance, idx AS ${id('index')}, prev_status AS ${id('from')}, ${to} AS ${id('to')}, ${dialect.text(kind)} AS kind, ${allowed} AS allowed, ${order} AS kind_order
  FROM judged WHERE ${where}`;
  const branches = [
    select('invalid-time', 0, 'given', 'prev_allowed', 'bad_time'),
    select('time-backwards', 0, 'given', 'prev_allowed', 't IS NOT NULL AND prev_time IS NOT NULL AND t < prev_time'),
    select('unknown-status', 1, 'given', 'prev_allowed', 'sid IS NULL'),
    select('illegal-transition', 1, 'status', 'prev_allowed', 'illegal = 1'),
  ];
  if (options.fromStart) {
    branches.push(
      `SELECT instance, idx AS ${id('index')}, CAST(NULL AS ${dialect.textType}) AS ${id('from')}, status AS ${id('to')}, ${dialect.text('not-initial')} AS kind, ${dialect.texts([initial])} AS allowed, 1 AS kind_order
  FROM judged WHERE idx = 0 AND sid IS NOT NULL AND sid <> ${data.initial}`,
    );
  }
  const header = [
    `-- Violations of the ${data.service} lifecycle (${mode} mode${options.fromStart ? ', from the initial status' : ''}), generated by instance-lifecycle.`,
    '-- Columns: instance, index (0-based, per instance, in order), from, to, kind, allowed; as `validate --json` reports them.',
    ...caveats(dialect),
  ];
  return `${header.join('\n')}
WITH
${ctes.join(',\n')}
SELECT instance, ${id('index')}, ${id('from')}, ${id('to')}, kind, allowed FROM (
${branches.join('\nUNION ALL\n')}
) violations
ORDER BY instance, ${id('index')}, kind_order${dialect.trailer};
`;
}

/** Where a dialect may judge differently from the validator. */
function caveats(dialect: Dialect): string[] {
  const notes = [
    '-- Exact where statuses are plain text: UPPER() follows the database, which may differ from JavaScript for a few',
    '-- non-ASCII letters (a status that only upper-cases to a known one through such letters).',
  ];
  if (dialect.name === 'clickhouse')
    notes.push('-- ClickHouse: run with the SETTINGS clause below (outer joins must give NULLs).');
  return notes;
}
