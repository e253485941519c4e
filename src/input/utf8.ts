/**
 * `StrictUtf8Decoder`: bytes to text for the readers, refusing invalid UTF-8 instead of turning it into U+FFFD
 * (which would then read as an unknown status): it says where the first bad byte is, so the reader can name its
 * line and byte. Valid input is checked by `buffer.isUtf8` (native) and decoded in one go per chunk.
 */
import { isUtf8 } from 'node:buffer';

/** What one chunk gave: the text up to the first invalid byte, and where that byte is when there is one. */
export interface DecodedChunk {
  text: string;
  /** The first invalid byte (its value), when the chunk holds one; `text` stops right before it. */
  invalid?: { byte: number };
}

/**
 * A streaming strict UTF-8 decoder: a sequence cut by the end of a chunk is completed by the next one.
 *
 * @example new StrictUtf8Decoder().push(Buffer.from([0x61, 0xff])) // { text: 'a', invalid: { byte: 255 } }
 */
export class StrictUtf8Decoder {
  private carry: Buffer | undefined;

  /** Decode the next chunk. */
  push(chunk: Buffer): DecodedChunk {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    const end = completeLength(bytes);
    const whole = end === bytes.length ? bytes : bytes.subarray(0, end);
    if (isUtf8(whole)) {
      if (end < bytes.length) this.carry = Buffer.from(bytes.subarray(end));
      return { text: whole.toString('utf8') };
    }
    const bad = firstInvalid(whole);
    return { text: whole.toString('utf8', 0, bad), invalid: { byte: whole[bad] ?? 0 } };
  }

  /** The input has ended: a sequence left unfinished is invalid. */
  end(): DecodedChunk {
    const rest = this.carry;
    this.carry = undefined;
    return rest ? { text: '', invalid: { byte: rest[0]! } } : { text: '' };
  }
}

/** The length of `bytes` without an unfinished multi-byte sequence at its end. */
function completeLength(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? length - back : length;
  }
  return length;
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalid(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [needed, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [needed, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [needed, min] = [3, 0x10000];
    else return i;
    if (i + needed >= bytes.length) return i; // cut short (the input ends inside the sequence)
    let code = b & (0x3f >> needed);
    for (let k = 1; k <= needed; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += needed + 1;
  }
  return bytes.length;
}
