/**
 * `openFile`: a file's bytes as chunks to iterate. A small regular file is read at once (one chunk, no stream:
 * a short input costs one wait for the open and no more); a larger one, or a pipe, is streamed.
 */
import { closeSync, createReadStream, fstatSync, open, readFileSync } from 'node:fs';

/** Chunks of a file's bytes, and how many have been read so far. */
export interface FileChunks extends AsyncIterable<Buffer | string> {
  readonly bytesRead?: number;
}

/**
 * Open `path` for reading in chunks of `chunkSize` bytes: the chunks, and the size of a regular file (undefined for
 * a pipe or a device). Rejects with the system's error (`ENOENT`, `EACCES`, `EISDIR` for a directory...). The open
 * itself does not block (opening a named pipe waits for its writer).
 *
 * @example const { chunks, size } = await openFile('fleet.ndjson', 1 << 16); for await (const chunk of chunks) ...
 */
export async function openFile(path: string, chunkSize: number): Promise<{ chunks: FileChunks; size?: number }> {
  const fd = await new Promise<number>((resolve, reject) =>
    open(path, 'r', (error, fd) => (error ? reject(error) : resolve(fd))),
  );
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    if (stats.isFile() && stats.size <= chunkSize) {
      const bytes = readFileSync(fd);
      closeSync(fd);
      return { chunks: oneChunk(bytes), size: stats.size };
    }
    return {
      chunks: createReadStream('', { fd, highWaterMark: chunkSize }),
      ...(stats.isFile() ? { size: stats.size } : {}),
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The whole file as one chunk. */
function oneChunk(bytes: Buffer): FileChunks {
  return {
    bytesRead: bytes.length,
    async *[Symbol.asyncIterator]() {
      if (bytes.length > 0) yield bytes;
    },
  };
}
