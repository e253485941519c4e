/**
 * `scanJson`: a JSON syntax checker that says where text stops being JSON and what was expected there, and where
 * the elements of a top-level array start. `JSON.parse` does the parsing; this gives its errors a place.
 */

/** The result of {@link scanJson}. */
export type JsonScan =
  | {
      ok: true /** Offsets where the top-level array's elements start (empty when the text is not an array). */;
      elements: number[];
    }
  | {
      ok: false /** Offset of the first character that is not valid JSON there. */;
      offset: number /** What was expected. */;
      expected: string;
    };

/**
 * Check `text` as one JSON value (surrounding whitespace allowed).
 *
 * @example scanJson('[1,]') // { ok: false, offset: 3, expected: 'a value (string, number, object, array, true, false or null)' }
 */
export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    const elements = scanner.topLevel();
    scanner.skipSpace();
    if (scanner.pos < text.length) scanner.fail('the end of the input after the JSON value');
    return { ok: true, elements };
  } catch (error) {
    if (error instanceof SyntaxFound) return { ok: false, offset: error.offset, expected: error.expected };
    if (error instanceof RangeError) return tooDeep(text, scanner.pos);
    throw error;
  }
}

/**
 * The members of the JSON object that starts at `from` (after white space) whose values are numbers, with each
 * number's text as written (the last one for a repeated name, as `JSON.parse` keeps). Numbers lose digits in
 * JavaScript (an id above 2^53); their text does not. Empty when the value there is not a valid object.
 *
 * @example numberMembers('{"id": 12345678901234567890, "status": "RUNNING"}').get('id') // '12345678901234567890'
 */
export function numberMembers(text: string, from = 0): Map<string, string> {
  const scanner = new Scanner(text);
  scanner.pos = from;
  scanner.numbers = new Map();
  try {
    scanner.skipSpace();
    if (text.charCodeAt(scanner.pos) !== 123 /* { */) return new Map();
    scanner.value();
    return scanner.numbers;
  } catch (error) {
    if (error instanceof SyntaxFound || error instanceof RangeError) return new Map();
    throw error;
  }
}

/**
 * The 1-based line and column of an offset in a text.
 *
 * @example lineColumn('ab\ncd', 4) // { line: 2, column: 2 }
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const VALUE = 'a value (string, number, object, array, true, false or null)';

/**
 * The result for JSON nested too deeply for the recursive scan: when its brackets do not match (an unclosed
 * `[[[...`), that is the error to name (a mismatched closer, or the end of the input with brackets open); when
 * they match, the nesting itself.
 */
function tooDeep(text: string, reachedOffset: number): JsonScan {
  const open: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) open.push(i);
    else if (c === 93 || c === 125) {
      const opener = open.pop();
      const wanted = opener === undefined ? undefined : text.charCodeAt(opener) === 91 ? 93 : 125;
      if (wanted !== c)
        return {
          ok: false,
          offset: i,
          expected: wanted === undefined ? 'the end of the input' : `'${String.fromCharCode(wanted)}'`,
        };
    }
  }
  if (open.length > 0) {
    const inner = text.charAt(open[open.length - 1]!) === '[' ? "']'" : "'}'";
    return {
      ok: false,
      offset: text.length,
      expected: `${inner}: the input ends with ${open.length} ${open.length === 1 ? 'bracket' : 'brackets'} not closed`,
    };
  }
  return { ok: false, offset: reachedOffset, expected: 'less deeply nested JSON' };
}

class SyntaxFound {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

class Scanner {
  pos = 0;
  /** When set: the number members of the outermost object, by name, as written. */
  numbers: Map<string, string> | undefined;
  private depth = 0;
  constructor(private readonly text: string) {}

  fail(expected: string, offset = this.pos): never {
    throw new SyntaxFound(offset, expected);
  }

  skipSpace(): void {
    const text = this.text;
    let c = text.charCodeAt(this.pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++this.pos);
  }

  topLevel(): number[] {
    if (this.text.charCodeAt(this.pos) !== 91 /* [ */) {
      this.value();
      return [];
    }
    const elements: number[] = [];
    this.array(elements);
    return elements;
  }

  value(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) this.object();
    else if (c === 91) this.array(undefined);
    else if (c === 34) this.string();
    else if (c === 45 || (c >= 48 && c <= 57)) this.number();
    else if (!this.word('true') && !this.word('false') && !this.word('null')) this.fail(VALUE);
  }

  word(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  array(elements: number[] | undefined): void {
    this.pos++; // [
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      elements?.push(this.pos);
      this.value();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 93) {
        this.pos++;
        return;
      }
      if (c !== 44) this.fail("',' or ']' after an array element");
      this.pos++;
    }
  }

  object(): void {
    this.pos++; // {
    this.depth++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      this.depth--;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 34) this.fail('a property name in double quotes');
      const keyStart = this.pos;
      this.string();
      const keyEnd = this.pos;
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) this.fail("':' after a property name");
      this.pos++;
      this.skipSpace();
      const valueStart = this.pos;
      this.value();
      if (this.numbers && this.depth === 1) {
        const c0 = this.text.charCodeAt(valueStart);
        if (c0 === 45 || (c0 >= 48 && c0 <= 57))
          this.numbers.set(
            JSON.parse(this.text.slice(keyStart, keyEnd)) as string,
            this.text.slice(valueStart, this.pos),
          );
      }
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 125) {
        this.pos++;
        this.depth--;
        return;
      }
      if (c !== 44) this.fail("',' or '}' after a property value");
      this.pos++;
    }
  }

  string(): void {
    const start = this.pos++;
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) this.fail("a closing '\"' for the string that starts here", start);
      const c = text.charCodeAt(this.pos);
      if (c === 34) {
        this.pos++;
        return;
      }
      if (c < 32) this.fail('no control character inside a string (escape it)');
      if (c === 92) {
        const e = text.charCodeAt(this.pos + 1);
        if (e === 117 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.pos + 2, this.pos + 6)))
            this.fail('four hex digits after \\u', this.pos + 2);
          this.pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(String.fromCharCode(e)) || Number.isNaN(e))
          this.fail('an escape: one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX', this.pos + 1);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  number(): void {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found || found[0] === '-') this.fail('a digit', this.pos + (found?.[0].length ?? 0));
    this.pos += found[0].length;
    const next = this.text.charCodeAt(this.pos);
    if (next === 46 || next === 101 || next === 69 || (next >= 48 && next <= 57))
      this.fail('a valid number (digits after "." and "e")');
  }
}
