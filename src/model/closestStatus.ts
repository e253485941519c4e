/** `closestStatus`: the known status a mistyped one most likely meant, for "did you mean" suggestions. */

/**
 * The status of `known` closest to `given` by edit distance (ignoring case), or `undefined` when none is close
 * enough to be a plausible typo (distance at most a third of the longer word, and at least 1 allowed). A status
 * more than half as long again as a known one is never close to it (the distance is at least the difference in
 * length), so only known statuses within that length are compared: the cost is bounded by the known statuses'
 * lengths, whatever the length of `given`.
 *
 * @example closestStatus('RUNING', ['RUNNING', 'ERROR']) // 'RUNNING'
 */
export function closestStatus(given: string, known: readonly string[]): string | undefined {
  const trimmed = given.trim();
  const longest = known.reduce((most, status) => Math.max(most, status.length), 0);
  if (trimmed.length > longest && !withinReach(trimmed.length, longest)) return undefined;
  const word = trimmed.toUpperCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const status of known) {
    if (!withinReach(word.length, status.length)) continue;
    const distance = editDistance(word, status.toUpperCase());
    if (distance < bestDistance) {
      best = status;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** False when words of these lengths are too far apart in length to be within the typo limit. */
function withinReach(a: number, b: number): boolean {
  const longer = Math.max(a, b);
  return Math.abs(a - b) <= Math.max(1, Math.floor(longer / 3));
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
