/**
 * `TextBytes`: text written straight into a byte buffer as UTF-8, and taken in pieces. A report of a million lines
 * built as strings makes several strings per line (the pieces, the line, the piece of lines, then its UTF-8 bytes):
 * garbage that makes the collector grow its young generation by tens of megabytes. Written here, a line costs no
 * allocation at all: its texts are copied in as bytes, its numbers written digit by digit.
 */

/** UTF-8 bytes written piece by piece into one buffer, taken out as a whole (then a new buffer is begun). */
export class TextBytes {
  private buffer: Buffer | undefined;
  private used = 0;

  /** @param size the bytes of each new buffer (a longer text gets a bigger one) */
  constructor(private readonly size = 1 << 16) {}

  /** The bytes written since the last {@link take}. */
  get length(): number {
    return this.used;
  }

  /** Append `text` as UTF-8 (a lone surrogate as U+FFFD, as Node writes strings). */
  text(text: string): this {
    const room = 3 * text.length; // the most UTF-8 bytes a UTF-16 code unit takes
    const buffer = this.room(room);
    this.used += (room <= 48 && writeAscii(buffer, text, this.used)) || buffer.write(text, this.used);
    return this;
  }

  /**
   * Append `text` with `indent` after each of its line ends (JSON of a value nested deeper, without making the
   * indented string).
   */
  indented(text: string, indent: string): this {
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    if (lines === 0) return this.text(text);
    const pad = Buffer.byteLength(indent);
    const buffer = this.room(3 * text.length + lines * pad);
    const start = this.used;
    let end = start + buffer.write(text, start);
    // spread the lines out from the last, each moved by the indents before it (UTF-8 has no byte 10 but a line end)
    let to = end + lines * pad;
    this.used = to;
    while (lines > 0) {
      const lineEnd = buffer.lastIndexOf(10, end - 1);
      buffer.copyWithin(to - (end - lineEnd - 1), lineEnd + 1, end);
      to -= end - lineEnd - 1 + pad;
      buffer.write(indent, to);
      end = lineEnd + 1;
      to -= 1;
      buffer[to] = 10;
      end -= 1;
      lines--;
    }
    return this;
  }

  /** Append a number as `String(value)` would write it (integers digit by digit, without making a string). */
  number(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) return this.text(String(value));
    const buffer = this.room(16);
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.used + digits;
    let rest = value;
    do {
      buffer[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
    this.used += digits;
    return this;
  }

  /** The bytes written since the last take (a new buffer is begun for what follows). */
  take(): Buffer {
    const taken = (this.buffer ?? Buffer.alloc(0)).subarray(0, this.used);
    this.buffer = undefined;
    this.used = 0;
    return taken;
  }

  /** The buffer, with room for `bytes` more. */
  private room(bytes: number): Buffer {
    const buffer = this.buffer;
    if (buffer !== undefined && this.used + bytes <= buffer.length) return buffer;
    const grown = Buffer.allocUnsafe(Math.max(this.size, 2 * this.used + bytes));
    buffer?.copy(grown, 0, 0, this.used);
    this.buffer = grown;
    return grown;
  }
}

/**
 * Write an ASCII text at `at` byte by byte (for a few bytes, faster than a call into Node); 0 (nothing meant) when
 * the text is not ASCII or is empty.
 */
function writeAscii(buffer: Buffer, text: string, at: number): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return 0;
    buffer[at + i] = c;
  }
  return text.length;
}
