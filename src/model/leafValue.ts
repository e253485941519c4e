/** Leaf ids (`ERROR.whileDeleting`) and xstate state values (`{ ERROR: 'whileDeleting' }`), both ways. */
import type { StateValue } from 'xstate';

/**
 * The xstate state value of a leaf id.
 *
 * @example leafValue('ERROR.whileDeleting') // { ERROR: 'whileDeleting' }
 */
export function leafValue(leaf: string): StateValue {
  const keys = leaf.split('.');
  let value: StateValue = keys.pop()!;
  while (keys.length > 0) value = { [keys.pop()!]: value };
  return value;
}

/**
 * The leaf id of an xstate state value (of a machine whose states are not parallel).
 *
 * @example leafOf({ ERROR: 'whileDeleting' }) // 'ERROR.whileDeleting'
 */
export function leafOf(value: StateValue): string {
  const keys: string[] = [];
  let current: StateValue = value;
  while (typeof current !== 'string') {
    const key = Object.keys(current)[0];
    if (key === undefined) break;
    keys.push(key);
    current = current[key] as StateValue;
  }
  if (typeof current === 'string') keys.push(current);
  return keys.join('.');
}
