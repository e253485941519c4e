/** `parseDuration`: read a duration written like `500ms`, `30s`, `5m` or `1h`, strictly. */

const UNITS = new Map<string, number>([
  ['ms', 1],
  ['s', 1000],
  ['m', 60_000],
  ['h', 3_600_000],
]);

/**
 * The milliseconds of a duration written as a whole number and a unit (`ms`, `s`, `m`, `h`), with nothing else
 * around it; `undefined` for anything else (`5`, `1.5s`, `5 m`, `-1s`, `1h30m`).
 *
 * @example parseDuration('5m') // 300000
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNITS.get(match[2]!)!;
  return Number.isSafeInteger(ms) ? ms : undefined;
}
