/**
 * `validateWithDuckDb`: run the violations query in embedded DuckDB over NDJSON, CSV or Parquet files, for logs
 * larger than memory. DuckDB (`@duckdb/node-api`) is an optional peer dependency, loaded only here.
 *
 * The files are read by DuckDB's own readers into a view with the validator's field names (`status`; `time` or
 * `timestamp`; `instance_id`, `instanceId` or `id`), numbered in file order; times are ISO 8601 text or numbers, as
 * the validator reads them (other text goes to DuckDB's timestamp parser).
 */
import { extname } from 'node:path';
import type { Service } from '../../machines/index.js';
import { BadArgumentError, resolveService } from '../model/index.js';
import type { ValidationMode, ViolationKind } from '../validation/index.js';
import { violationsQuery } from './violationsQuery.js';

/** Options of {@link validateWithDuckDb}. */
export interface DuckDbValidationOptions {
  /** Default `strict`. */
  mode?: ValidationMode;
  /** Default false. */
  fromStart?: boolean;
  /** The file format; by default from the extension (`.ndjson`/`.jsonl`/`.json`, `.csv`, `.parquet`). */
  format?: 'ndjson' | 'csv' | 'parquet';
}

/** One violation, as the query returns it. */
export interface SqlViolation {
  instance: string | null;
  index: number;
  from?: string;
  to: string;
  kind: ViolationKind;
  allowed: string[];
}

/** What {@link validateWithDuckDb} reports. */
export interface DuckDbReport {
  service: string;
  mode: ValidationMode;
  ok: boolean;
  summary: { histories: number; observations: number; violations: number; illegal: number };
  violations: SqlViolation[];
}

type DuckDb = typeof import('@duckdb/node-api');

async function loadDuckDb(): Promise<DuckDb> {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw new BadArgumentError('--engine duckdb needs DuckDB: npm install @duckdb/node-api');
  }
}

const FORMATS = new Map([
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
  ['.json', 'ndjson'],
  ['.csv', 'csv'],
  ['.parquet', 'parquet'],
] as const);

/**
 * Validate the histories in a file with the violations query in embedded DuckDB.
 *
 * @example const report = await validateWithDuckDb('kafka', 'fleet.ndjson', { mode: 'sampled' }); report.ok
 */
export async function validateWithDuckDb(
  service: string | Service,
  file: string,
  options: DuckDbValidationOptions = {},
): Promise<DuckDbReport> {
  const entry = resolveService(service);
  const format = options.format ?? FORMATS.get(extname(file).toLowerCase() as '.csv');
  if (format === undefined)
    throw new BadArgumentError(`${file}: cannot tell the format (use .ndjson, .csv or .parquet)`);
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const path = `'${file.replaceAll("'", "''")}'`;
    const reader =
      format === 'ndjson'
        ? `read_json_objects(${path}, format = 'newline_delimited')`
        : format === 'csv'
          ? `read_csv(${path}, header = true, all_varchar = true)`
          : `read_parquet(${path})`;
    await connection.run(`CREATE TEMP VIEW raw_records AS SELECT *, row_number() OVER () AS line FROM ${reader}`);
    const columns = new Set(
      (await connection.runAndReadAll(`DESCRIBE raw_records`)).getRowObjects().map((row) => String(row.column_name)),
    );
    const field = (names: readonly string[]) =>
      format === 'ndjson'
        ? `COALESCE(${names.map((n) => `json ->> '${n}'`).join(', ')})`
        : names.some((n) => columns.has(n))
          ? `COALESCE(${names
              .filter((n) => columns.has(n))
              .map((n) => `CAST("${n}" AS VARCHAR)`)
              .join(', ')})`
          : 'CAST(NULL AS VARCHAR)';
    const timeText = field(['time', 'timestamp']);
    await connection.run(`CREATE TEMP VIEW records AS
      SELECT line, ${field(['status'])} AS status, ${field(['instance_id', 'instanceId', 'id'])} AS instance,
        ${timeText} AS time_text
      FROM raw_records`);
    await connection.run(`CREATE TEMP VIEW observations AS
      SELECT line, status, instance,
        CASE
          WHEN time_text IS NULL THEN NULL
          WHEN regexp_full_match(trim(time_text), '-?[0-9]+([.][0-9]+)?') THEN CAST(trim(time_text) AS DOUBLE)
          ELSE CAST(epoch_ms(TRY_CAST(trim(time_text) AS TIMESTAMPTZ)) AS DOUBLE)
        END AS time_value,
        time_text IS NOT NULL AND time_value IS NULL AS time_unreadable
      FROM records`);
    const mode = options.mode ?? 'strict';
    const query = violationsQuery(entry, {
      dialect: 'duckdb',
      mode,
      fromStart: options.fromStart ?? false,
      source: {
        table: 'observations',
        statusColumn: 'status',
        idColumn: 'instance',
        timeColumn: 'time_value',
        orderColumn: 'line',
        invalidTimeColumn: 'time_unreadable',
      },
    });
    const rows = (await connection.runAndReadAll(query)).getRowObjectsJS();
    const violations = rows.map((row) => {
      const violation: SqlViolation = {
        instance: row.instance === null ? null : String(row.instance),
        index: Number(row.index),
        to: String(row.to),
        kind: String(row.kind) as ViolationKind,
        allowed: (row.allowed as string[]).map(String),
      };
      if (row.from !== null && row.from !== undefined) violation.from = String(row.from);
      return violation;
    });
    const counts = (
      await connection.runAndReadAll(`SELECT count(DISTINCT instance) + max(CASE WHEN instance IS NULL THEN 1 ELSE 0 END) AS histories,
        count(*) AS observations FROM observations`)
    ).getRowObjectsJS()[0]!;
    const illegal = new Set(violations.map((v) => v.instance)).size;
    return {
      service: entry.id,
      mode,
      ok: violations.length === 0,
      summary: {
        histories: Number(counts.histories ?? 0),
        observations: Number(counts.observations ?? 0),
        violations: violations.length,
        illegal,
      },
      violations,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
