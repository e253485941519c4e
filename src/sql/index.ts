/**
 * The same check inside a SQL warehouse: a machine compiled into one query that returns the violations of the
 * histories in a table, in five dialects, and a runner for embedded DuckDB.
 */
export { DIALECTS, type DialectName } from './dialect.js';
export { type SqlMachineData, type SqlStatus, sqlMachineData } from './machineData.js';
export { type SqlSource, type ViolationsQueryOptions, violationsQuery } from './violationsQuery.js';
