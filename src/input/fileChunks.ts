/** `fileChunks`: a part of a file read in pieces aligned on the reads of the ordinary reader. */
import { open } from 'node:fs/promises';
import { READ_CHUNK } from './ndjsonBytes.js';

/** A part of a file: its bytes from `start` to `end` (exclusive). */
export interface FileRange {
  start: number;
  end: number;
}

/**
 * The bytes of `path` from `range.start` to `range.end`, in pieces that never cross a {@link READ_CHUNK} boundary
 * of the file (the ordinary reader's long-line check runs at the same places); each piece is only valid until the
 * next is asked for (one buffer is reused).
 */
export async function* fileChunks(path: string, range: FileRange): AsyncGenerator<Buffer, void, undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(16 * READ_CHUNK);
    let position = range.start;
    while (position < range.end) {
      const length = Math.min(buffer.length, range.end - position);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) break;
      let at = 0;
      while (at < bytesRead) {
        const step = Math.min(READ_CHUNK - ((position + at) % READ_CHUNK), bytesRead - at);
        yield buffer.subarray(at, at + step);
        at += step;
      }
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
