/**
 * Spellings of a status: two texts spell the same status when they differ only in letter case or surrounding white
 * space (`running`, ` Running ` and `RUNNING`). Statuses may be upper case (`RUNNING`), mixed case (`ScalingUp`) or
 * contain spaces (`CREATE FAIL`); a spelling stands for a status only when no other status of the machine shares it.
 */

/**
 * The key every spelling of a status shares.
 *
 * @example spellingKey(' scalingUp ') === spellingKey('ScalingUp') // true
 */
export function spellingKey(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * For each spelling key that exactly one of the statuses has, that status.
 *
 * @example spellings(['Available', 'ScalingUp']).get(spellingKey('available')) // 'Available'
 */
export function spellings(statuses: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string | null>();
  for (const status of statuses) {
    const key = spellingKey(status);
    byKey.set(key, byKey.has(key) ? null : status);
  }
  const unique = new Map<string, string>();
  for (const [key, status] of byKey) if (status !== null) unique.set(key, status);
  return unique;
}
