/**
 * `violationsQuery`: a service's machine compiled into one SQL query that returns the violations of every
 * instance's history in a table, with the validator's verdicts: the same kinds (`unknown-status`, `not-initial`,
 * `illegal-transition`, `time-backwards`, `invalid-time`), places and allowed lists as `validate --json`.
 *
 * The query follows the validator's rules (src/validation/validator.ts) step by step:
 * - rows are numbered per instance in the order column's order (`index`, from 0);
 * - a status is known as it is, as an alias, or either trimmed of white space and upper-cased, tried in the
 *   validator's order (`readStatus`);
 * - where no status hides sub-states, the status before a row is the previous row's status when that one was known
 *   (after an unknown status the next known one starts afresh), and a change the machine does not allow from it is
 *   illegal; where statuses hide sub-states, each history is folded in order over the sets of leaf states the
 *   validator tracks (a recursive query: DuckDB, PostgreSQL, BigQuery), and a status no state of the set allows
 *   is illegal (the dialects without one judge pair by pair, and say in a comment that this is not exact);
 * - with `fromStart`, a known first status other than the initial one is `not-initial`;
 * - a time earlier than the last readable time before it is `time-backwards`; with an `invalidTimeColumn`, a
 *   true value there is `invalid-time` (and that row's time is not used).
 * The machine enters the query as data (see {@link sqlMachineData}), so the query's shape is the same for every
 * service and mode. Where a dialect differs from the validator, the query says so in a comment at its top.
 */
import type { Service } from '../../machines/index.js';
import { BadArgumentError, lifecycleModel } from '../model/index.js';
import type { ValidationMode } from '../validation/index.js';
import { DIALECTS, type Dialect, type DialectName, dialectNamed } from './dialect.js';
import { type SqlMachineData, sqlMachineData } from './machineData.js';

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
  const fromStart = options.fromStart ?? false;
  const data = sqlMachineData(service, mode);
  // a fold over each history where statuses hide sub-states; pair by pair where none do (or the dialect cannot fold)
  const fold = !data.flat && RECURSIVE.has(dialect.name);
  const id = (name: string) => dialect.identifier(name);
  const instance = source.idColumn === undefined ? `CAST(NULL AS ${dialect.textType})` : id(source.idColumn);
  const time = source.timeColumn === undefined ? 'NULL' : id(source.timeColumn);
  const invalid = source.invalidTimeColumn === undefined ? 'FALSE' : id(source.invalidTimeColumn);
  const runningBefore = '(PARTITION BY instance ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
  const folded = `UPPER(${dialect.trim('o.given', JS_WHITESPACE)})`;

  const ctes = [
    dialect.table(
      'machine_spellings',
      [
        { name: 'spelling', type: 'text' },
        { name: 'status_id', type: 'int' },
        { name: 'spelling_rank', type: 'int' },
      ],
      data.spellings.map((s) => [s.spelling, s.status, s.rank]),
    ),
    `observed AS (
  SELECT ${instance} AS instance, ${id(source.statusColumn)} AS given,
    CASE WHEN ${invalid} THEN NULL ELSE ${time} END AS t, ${invalid} AS bad_time,
    ROW_NUMBER() OVER (PARTITION BY ${instance} ORDER BY ${id(order)}) - 1 AS idx
  FROM ${id(source.table)}
)`,
    `known AS (
  SELECT o.instance, o.idx, o.given, o.t, o.bad_time,
    COALESCE(s0.status_id, s1.status_id, s2.status_id, s3.status_id) AS sid,
    COUNT(o.t) OVER ${runningBefore} AS times_so_far
  FROM observed o
  LEFT JOIN machine_spellings s0 ON s0.spelling_rank = 0 AND s0.spelling = o.given
  LEFT JOIN machine_spellings s1 ON s1.spelling_rank = 1 AND s1.spelling = o.given
  LEFT JOIN machine_spellings s2 ON s2.spelling_rank = 2 AND s2.spelling = ${folded}
  LEFT JOIN machine_spellings s3 ON s3.spelling_rank = 3 AND s3.spelling = ${folded}
)`,
    `last_time AS (
  SELECT k.*, MAX(k.t) OVER (PARTITION BY instance, times_so_far) AS time_so_far FROM known k
)`,
  ];
  ctes.push(fold ? foldedSteps(dialect, data, fromStart, ctes) : pairedSteps(dialect, data, ctes));

  const initial = data.statuses[data.initial]!.status;
  const select = (kind: string, rank: number, to: string, from: string, allowed: string, where: string) =>
    `SELECT instance, idx AS ${id('index')}, ${from} AS ${id('from')}, ${to} AS ${id('to')}, ${dialect.text(kind)} AS kind, ${allowed} AS allowed, ${rank} AS kind_order
  FROM judged WHERE ${where}`;
  const backwards = 't IS NOT NULL AND prev_time IS NOT NULL AND t < prev_time';
  const branches = [
    select('invalid-time', 0, 'given', 'before_status', 'before_allowed', 'bad_time'),
    select('time-backwards', 0, 'given', 'before_status', 'before_allowed', backwards),
    select('unknown-status', 1, 'given', 'before_status', 'before_allowed', 'sid IS NULL'),
    select('illegal-transition', 1, 'status', 'illegal_from', 'before_allowed', 'illegal = 1'),
  ];
  if (fromStart) {
    branches.push(
      select(
        'not-initial',
        1,
        'status',
        `CAST(NULL AS ${dialect.textType})`,
        dialect.texts([initial]),
        `idx = 0 AND sid IS NOT NULL AND sid <> ${data.initial}`,
      ),
    );
  }
  const header = [
    `-- Violations of the ${data.service} lifecycle (${mode} mode${fromStart ? ', from the initial status' : ''}), generated by instance-lifecycle.`,
    '-- Columns: instance, index (0-based, per instance, in order), from, to, kind, allowed; as `validate --json` reports them.',
    ...caveats(dialect, service, data, fold),
  ];
  return `${header.join('\n')}
WITH${fold ? ' RECURSIVE' : ''}
${ctes.join(',\n')}
SELECT instance, ${id('index')}, ${id('from')}, ${id('to')}, kind, allowed FROM (
${branches.join('\nUNION ALL\n')}
) violations
ORDER BY instance, ${id('index')}, kind_order${dialect.trailer};
`;
}

/** The dialects that run recursive common table expressions (for the fold over each history). */
const RECURSIVE: ReadonlySet<DialectName> = new Set(['duckdb', 'postgres', 'bigquery']);

/**
 * The `judged` rows, judged pair by pair: the status before a row is the previous row's (when known). Exact for a
 * machine without hidden sub-states; where statuses hide some, a change is legal when some sub-state allows it.
 */
function pairedSteps(dialect: Dialect, data: SqlMachineData, ctes: string[]): string {
  const byInstance = '(PARTITION BY instance ORDER BY idx)';
  ctes.push(
    dialect.table(
      'machine_statuses',
      [
        { name: 'status_id', type: 'int' },
        { name: 'status', type: 'text' },
        { name: 'allowed', type: 'texts' },
      ],
      data.statuses.map((s) => [s.id, s.status, s.allowed]),
    ),
    dialect.table(
      'machine_steps',
      [
        { name: 'from_id', type: 'int' },
        { name: 'to_id', type: 'int' },
      ],
      data.steps.map((s) => [s.from, s.to]),
    ),
    `steps AS (
  SELECT l.instance, l.idx, l.given, l.t, l.bad_time, l.sid,
    ${dialect.previous('l.sid', byInstance)} AS prev_sid,
    ${dialect.previous('l.time_so_far', byInstance)} AS prev_time
  FROM last_time l
)`,
  );
  return `judged AS (
  SELECT s.instance, s.idx, s.given, s.t, s.bad_time, s.sid, s.prev_time,
    cur.status AS status, prev.status AS before_status, prev.status AS illegal_from,
    COALESCE(prev.allowed, ${dialect.texts([])}) AS before_allowed,
    CASE WHEN s.prev_sid IS NOT NULL AND s.sid IS NOT NULL AND s.sid <> s.prev_sid AND legal.from_id IS NULL
      THEN 1 ELSE 0 END AS illegal
  FROM steps s
  LEFT JOIN machine_statuses cur ON cur.status_id = s.sid
  LEFT JOIN machine_statuses prev ON prev.status_id = s.prev_sid
  LEFT JOIN machine_steps legal ON legal.from_id = s.prev_sid AND legal.to_id = s.sid
)`;
}

/**
 * The `judged` rows of a fold over each history, as the validator runs it: the set of leaf states consistent with
 * the history so far, moved by each known status through the machine's moves. After an unknown status nothing is
 * known; after an illegal change (or a first status that is not the initial one, with `fromStart`) the status is
 * entered afresh, from every leaf.
 */
function foldedSteps(dialect: Dialect, data: SqlMachineData, fromStart: boolean, ctes: string[]): string {
  const int = (name: string) => ({ name, type: 'int' as const });
  ctes.push(
    dialect.table(
      'machine_sets',
      [int('set_id'), { name: 'shows', type: 'text' }, { name: 'allowed', type: 'texts' }],
      data.sets.map((s) => [s.id, s.status < 0 ? '' : data.statuses[s.status]!.status, s.allowed]),
    ),
    dialect.table(
      'machine_moves',
      [int('set_id'), int('status_id'), int('next_set')],
      data.moves.map((m) => [m.set, m.status, m.next]),
    ),
    // each history's rows, keyed by text that is equal for equal instances (NULL included: one history)
    `keyed AS (
  SELECT l.*, CASE WHEN l.instance IS NULL THEN '' ELSE CONCAT('#', CAST(l.instance AS ${dialect.textType})) END AS ikey
  FROM last_time l
)`,
  );
  const start = fromStart ? data.initialSet : data.unknownSet;
  const notInitial = (k: string, before: string) =>
    fromStart ? `(${k}.idx = 0 AND ${before} = ${data.initialSet} AND ${k}.sid <> ${data.initial})` : 'FALSE';
  const after = (k: string, before: string) => `CASE
      WHEN ${k}.sid IS NULL THEN ${data.unknownSet}
      WHEN ${notInitial(k, before)} OR mv.next_set IS NULL THEN fresh.next_set
      ELSE mv.next_set END`;
  const joins = (k: string, before: string) =>
    `LEFT JOIN machine_moves mv ON mv.set_id = ${before} AND mv.status_id = ${k}.sid
    LEFT JOIN machine_moves fresh ON fresh.set_id = ${data.unknownSet} AND fresh.status_id = ${k}.sid`;
  ctes.push(
    `walk(ikey, idx, set_before, set_after) AS (
  SELECT k.ikey, k.idx, ${start}, ${after('k', String(start))}
    FROM keyed k
    ${joins('k', String(start))}
    WHERE k.idx = 0
  UNION ALL
  SELECT k.ikey, k.idx, w.set_after, ${after('k', 'w.set_after')}
    FROM walk w
    JOIN keyed k ON k.ikey = w.ikey AND k.idx = w.idx + 1
    ${joins('k', 'w.set_after')}
)`,
    `steps AS (
  SELECT k.instance, k.idx, k.given, k.t, k.bad_time, k.sid, w.set_before,
    ${dialect.previous('k.time_so_far', '(PARTITION BY k.ikey ORDER BY k.idx)')} AS prev_time,
    CASE WHEN ${notInitial('k', 'w.set_before')} THEN 1 ELSE 0 END AS not_initial
  FROM keyed k JOIN walk w ON w.ikey = k.ikey AND w.idx = k.idx
)`,
  );
  const nothingKnown = `s.idx = 0 OR s.set_before = ${data.unknownSet}`;
  const shown = data.statuses
    .map((s) => `SELECT ${s.id} AS status_id, ${dialect.text(s.status)} AS status`)
    .join(' UNION ALL ');
  return `judged AS (
  SELECT s.instance, s.idx, s.given, s.t, s.bad_time, s.sid, s.prev_time,
    shown.status AS status,
    CASE WHEN ${nothingKnown} THEN NULL ELSE before.shows END AS before_status,
    before.shows AS illegal_from,
    CASE WHEN ${nothingKnown} THEN ${dialect.texts([])} ELSE before.allowed END AS before_allowed,
    CASE WHEN s.sid IS NOT NULL AND s.not_initial = 0 AND mv.next_set IS NULL THEN 1 ELSE 0 END AS illegal
  FROM steps s
  JOIN machine_sets before ON before.set_id = s.set_before
  LEFT JOIN machine_moves mv ON mv.set_id = s.set_before AND mv.status_id = s.sid
  LEFT JOIN (${shown}) shown ON shown.status_id = s.sid
)`;
}

/** Where the query may judge differently from the validator. */
function caveats(dialect: Dialect, service: string | Service, data: SqlMachineData, fold: boolean): string[] {
  const notes = [
    '-- Operations recorded in a history (an operation column) are not read: the query judges statuses only.',
    '-- Exact where statuses are plain text: UPPER() follows the database, which may differ from JavaScript for a few',
    '-- non-ASCII letters (a status that only upper-cases to a known one through such letters).',
  ];
  if (!data.flat && !fold) {
    const hiding = lifecycleModel(service).states.filter((s) => s.subStates !== undefined);
    notes.push(
      `-- NOT EXACT: statuses of ${data.service} hide sub-states${hiding.length > 0 ? ` (${hiding.map((s) => s.status).join(', ')})` : ''}, and ${dialect.name} runs no`,
      '-- recursive query here: each change is judged by itself, legal when some sub-state allows it, where the',
      '-- validator judges it from the sub-states the history so far allows (it may report more illegal changes).',
    );
  }
  if (dialect.name === 'clickhouse')
    notes.push('-- ClickHouse: run with the SETTINGS clause below (outer joins must give NULLs).');
  return notes;
}
