/** `operationSpans`: the operation spans of a service (see `operations.ts`). */
import type { Service } from '../../machines/index.js';
import { statusGraph } from '../graph/statusGraph.js';
import { type OperationTable, operationTable } from './operations.js';

/**
 * The operation spans of a service (computed once per service).
 *
 * @example operationSpans('dcs').spans.map((s) => s.name) // ['creation', 'DELETE', 'RESTART', 'RESIZE', 'RESTORE']
 */
export function operationSpans(service: string | Service): OperationTable {
  return operationTable(statusGraph(service));
}
