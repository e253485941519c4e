/** `closestStatus`: the known status a mistyped one most likely meant, for "did you mean" suggestions. */

/**
 * The status of `known` closest to `given` by edit distance (ignoring case), or `undefined` when none is close
 * enough to be a plausible typo (distance at most a third of the longer word, and at least 1 allowed).
 *
 * @example closestStatus('RUNING', ['RUNNING', 'ERROR']) // 'RUNNING'
 */
export function closestStatus(given: string, known: readonly string[]): string | undefined {
  const word = given.trim().toUpperCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const status of known) {
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
