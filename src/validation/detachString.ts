/**
 * `detachString`: a copy of a string that does not keep a larger string alive. V8 may represent a substring (from
 * `slice`, `split`, or a template that embeds one) as a view into its parent; a long-lived view of a line of a big
 * input would keep the whole chunk read from the file in memory. Everything a validator keeps beyond the current
 * observation (instance ids, texts in violations and notes) goes through this, so memory stays bounded by what is
 * kept, not by the input read.
 */

/**
 * The same text, as a string of its own.
 *
 * @example detachString(chunk.slice(10, 40))
 */
export function detachString(text: string): string {
  return (' ' + text).slice(1);
}
