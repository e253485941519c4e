/** `LineSplitter`: cuts decoded text chunks into lines, without `readline`'s per-line overhead. */

/**
 * Splits text arriving in chunks into lines: `\n` or `\r\n` endings, a leading UTF-8 byte order mark dropped.
 * Lines are returned without their ending; blank lines are kept so that line numbers stay right.
 *
 * @example
 * const splitter = new LineSplitter();
 * splitter.push('a\r\nb'); // ['a']
 * splitter.end(); // ['b']
 */
export class LineSplitter {
  private rest = '';
  private started = false;

  /** The complete lines of the text so far; an unfinished last line waits for the next chunk. */
  push(chunk: string): string[] {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const lines: string[] = [];
    let start = 0;
    let end = text.indexOf('\n');
    if (end < 0) {
      this.rest += text;
      return lines;
    }
    if (this.rest.length > 0) {
      lines.push(withoutCr(this.rest + text.slice(0, end)));
      this.rest = '';
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    while (end >= 0) {
      lines.push(end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    this.rest = text.slice(start);
    return lines;
  }

  /** The length of the unfinished line waiting for the next chunk. */
  get pendingLength(): number {
    return this.rest.length;
  }

  /** The start of the unfinished line (at most `length` characters; all of it by default), without taking it. */
  peekPending(length = this.rest.length): string {
    return this.rest.length > length ? this.rest.slice(0, length) : this.rest;
  }

  /**
   * Take the unfinished line read so far (the caller handles it as the first part of a long line; the rest of the
   * line comes with later pushes).
   */
  takePending(): string {
    const part = this.rest;
    this.rest = '';
    return part;
  }

  /** The last line, if the text did not end with a line ending. */
  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last.length > 0 ? [withoutCr(last)] : [];
  }
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
