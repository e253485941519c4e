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
    if (error instanceof RangeError) return { ok: false, offset: scanner.pos, expected: 'less deeply nested JSON' };
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

class SyntaxFound {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

class Scanner {
  pos = 0;
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
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 34) this.fail('a property name in double quotes');
      this.string();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) this.fail("':' after a property name");
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 125) {
        this.pos++;
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
