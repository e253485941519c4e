/** `readOptions`: the reading options of a command's parsed data options, for a service. */
import type { Service } from '../../machines/index.js';
import type { ReadOptions } from '../input/observationReader.js';
import { goneStatus } from '../validation/goneStatus.js';
import { dataOptions } from './historyOptions.js';

/**
 * The `readHistories` options of the parsed data options, for a service (absent-is-gone observes its final status).
 *
 * @example await readHistories(file, { stdin, ...readOptions(values, service) })
 */
export function readOptions(values: Parameters<typeof dataOptions>[0], service: Service): ReadOptions {
  const { absentIsGone, ...rest } = dataOptions(values);
  return absentIsGone ? { ...rest, absentIsGone: goneStatus(service) } : rest;
}
