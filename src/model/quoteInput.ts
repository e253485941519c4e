/**
 * Input text in messages and text output. Input is data: a status or id may hold escape sequences, carriage
 * returns or newlines (a crafted log could print a fake summary on a terminal), or be megabytes long (a message
 * must not grow, nor take time, with it). `quoteInput` is the one way messages show input text: quoted, escaped,
 * and cut to a short prefix; `escapeControls` escapes without cutting, for text outputs that list input values.
 */

/** How many characters of an input text a message shows at most. */
export const QUOTED_LENGTH = 60;

// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional overrides and isolates
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeOne(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The text with every control character (and lone surrogate) written as an escape (`\n`, `\u001b`), so that it
 * prints as one harmless line. Text without any is returned as is.
 *
 * @example escapeControls('OK\u001b[2K') // 'OK\\u001b[2K'
 */
export function escapeControls(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, escapeOne) : text;
}

/**
 * Input text as a message shows it: in double quotes, escaped (controls as above, `"` and `\` with a backslash),
 * and, when longer than `limit` characters, cut there with `…` and its length added.
 *
 * @example quoteInput('RUN\nNING') // '"RUN\\nNING"'
 * @example quoteInput('x'.repeat(1000), 3) // '"xxx…" (1000 characters)'
 */
export function quoteInput(text: string, limit = QUOTED_LENGTH): string {
  let shown = text.length > limit ? text.slice(0, limit) : text;
  if (shown.length < text.length && /[\ud800-\udbff]$/.test(shown)) shown = shown.slice(0, -1); // no half a pair
  const escaped = escapeControls(shown.replace(/["\\]/g, '\\$&'));
  return shown.length < text.length ? `"${escaped}…" (${text.length} characters)` : `"${escaped}"`;
}
