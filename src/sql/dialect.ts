/**
 * The SQL dialects the violations query is written for, and the few ways they differ: quoting, literals, arrays,
 * inline tables of values, the previous row of a window, and trimming given characters.
 */

/** The SQL dialects `violationsQuery` writes. */
export type DialectName = 'duckdb' | 'postgres' | 'bigquery' | 'spark' | 'clickhouse';

/** Every dialect name, in the order the help lists them. */
export const DIALECTS: readonly DialectName[] = ['duckdb', 'postgres', 'bigquery', 'spark', 'clickhouse'];

/** A column of an inline table: its name and SQL type (by dialect's own spelling, from {@link Dialect.types}). */
export interface InlineColumn {
  name: string;
  type: 'int' | 'text' | 'texts';
}

/** How one dialect spells what the query needs. */
export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier (a table or column name given by the user may be `schema.table`: each part is quoted). */
  identifier(name: string): string;
  /** A string literal. */
  text(value: string): string;
  /** An array-of-strings literal. */
  texts(values: readonly string[]): string;
  /** An inline table `name(columns...)` holding `rows`, as one common table expression. */
  table(
    name: string,
    columns: readonly InlineColumn[],
    rows: readonly (readonly (number | string | readonly string[])[])[],
  ): string;
  /** The value of `expression` in the previous row of the window `over` (NULL for the first row). */
  previous(expression: string, over: string): string;
  /** `expression` with the characters of `characters` removed from both ends. */
  trim(expression: string, characters: string): string;
  /** The type of a nullable text column, for a typed NULL. */
  readonly textType: string;
  /** Text appended after the query (settings), or ''. */
  readonly trailer: string;
}

function doubledQuotes(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function backslashed(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function quoted(name: string, quote: string): string {
  return name
    .split('.')
    .map((part) => `${quote}${part.replaceAll(quote, quote + quote)}${quote}`)
    .join('.');
}

function literal(dialect: Pick<Dialect, 'text' | 'texts'>, value: number | string | readonly string[]): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return dialect.text(value);
  return dialect.texts(value);
}

function valuesTable(
  dialect: Dialect,
  name: string,
  columns: readonly InlineColumn[],
  rows: readonly (readonly (number | string | readonly string[])[])[],
): string {
  const body = rows.map((row) => `(${row.map((value) => literal(dialect, value)).join(', ')})`).join(',\n    ');
  return `${name}(${columns.map((c) => c.name).join(', ')}) AS (\n  VALUES\n    ${body}\n)`;
}

const duckdb: Dialect = {
  name: 'duckdb',
  textType: 'VARCHAR',
  identifier: (name) => quoted(name, '"'),
  text: doubledQuotes,
  texts: (values) => `[${values.map(doubledQuotes).join(', ')}]::VARCHAR[]`,
  table(name, columns, rows) {
    return valuesTable(this, name, columns, rows);
  },
  previous: (expression, over) => `LAG(${expression}) OVER ${over}`,
  trim: (expression, characters) => `TRIM(${expression}, ${doubledQuotes(characters)})`,
  trailer: '',
};

const postgres: Dialect = {
  name: 'postgres',
  textType: 'TEXT',
  identifier: (name) => quoted(name, '"'),
  text: doubledQuotes,
  texts: (values) => `ARRAY[${values.map(doubledQuotes).join(', ')}]::text[]`,
  table(name, columns, rows) {
    return valuesTable(this, name, columns, rows);
  },
  previous: (expression, over) => `LAG(${expression}) OVER ${over}`,
  trim: (expression, characters) => `BTRIM(${expression}, ${doubledQuotes(characters)})`,
  trailer: '',
};

const bigquery: Dialect = {
  name: 'bigquery',
  textType: 'STRING',
  identifier: (name) => quoted(name, '`'),
  text: backslashed,
  texts: (values) => `ARRAY<STRING>[${values.map(backslashed).join(', ')}]`,
  table(name, columns, rows) {
    const structs = rows.map(
      (row) => `STRUCT(${row.map((value, i) => `${literal(this, value)} AS ${columns[i]!.name}`).join(', ')})`,
    );
    return `${name} AS (\n  SELECT * FROM UNNEST([\n    ${structs.join(',\n    ')}\n  ])\n)`;
  },
  previous: (expression, over) => `LAG(${expression}) OVER ${over}`,
  trim: (expression, characters) => `TRIM(${expression}, ${backslashed(characters)})`,
  trailer: '',
};

const spark: Dialect = {
  name: 'spark',
  textType: 'STRING',
  identifier: (name) => quoted(name, '`'),
  text: backslashed,
  texts: (values) => `CAST(array(${values.map(backslashed).join(', ')}) AS ARRAY<STRING>)`,
  table(name, columns, rows) {
    const body = rows.map((row) => `(${row.map((value) => literal(this, value)).join(', ')})`).join(',\n    ');
    return `${name} AS (\n  SELECT * FROM VALUES\n    ${body}\n  AS t(${columns.map((c) => c.name).join(', ')})\n)`;
  },
  previous: (expression, over) => `LAG(${expression}) OVER ${over}`,
  trim: (expression, characters) => `TRIM(BOTH ${backslashed(characters)} FROM ${expression})`,
  trailer: '',
};

const clickhouse: Dialect = {
  name: 'clickhouse',
  textType: 'Nullable(String)',
  identifier: (name) => quoted(name, '`'),
  text: backslashed,
  texts: (values) => `CAST([${values.map(backslashed).join(', ')}] AS Array(String))`,
  table(name, columns, rows) {
    const types = columns.map(
      (c) => `${c.name} ${c.type === 'int' ? 'Int64' : c.type === 'text' ? 'String' : 'Array(String)'}`,
    );
    const body = rows.map((row) => `(${row.map((value) => literal(this, value)).join(', ')})`).join(',\n    ');
    return `${name} AS (\n  SELECT * FROM values(${backslashed(types.join(', '))},\n    ${body})\n)`;
  },
  // lagInFrame sees only the frame: the whole partition, and a Nullable argument so the first row gets NULL
  previous: (expression, over) =>
    `lagInFrame(toNullable(${expression})) OVER (${over.slice(1, -1)} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`,
  trim: (expression, characters) => `trim(BOTH ${backslashed(characters)} FROM ${expression})`,
  // outer joins give NULL (not the type's default) where nothing matches, as the query expects
  trailer: '\nSETTINGS join_use_nulls = 1',
};

const BY_NAME: ReadonlyMap<string, Dialect> = new Map(
  [duckdb, postgres, bigquery, spark, clickhouse].map((d) => [d.name, d] as const),
);

/** The dialect of this name, or undefined. */
export function dialectNamed(name: string): Dialect | undefined {
  return BY_NAME.get(name);
}
