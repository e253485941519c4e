/**
 * `openFile`: a small regular file comes as one chunk (read at once), a larger one as a stream of chunks of the
 * size asked; either way the chunks are the file's bytes, `bytesRead` counts them, and errors are the system's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { openFile } from '../../src/input/openFile.js';

const dir = mkdtempSync(join(tmpdir(), 'open-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, chunkSize: number) {
  const { chunks, size } = await openFile(path, chunkSize);
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return { parts, size, bytesRead: chunks.bytesRead };
}

describe('openFile', () => {
  test.prop([fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 128 })])(
    'gives the bytes of the file, one chunk when it fits in one',
    async (bytes, chunkSize) => {
      const path = join(dir, 'data.bin');
      writeFileSync(path, bytes);
      const { parts, size, bytesRead } = await readAll(path, chunkSize);
      expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
      expect(size).toBe(bytes.length);
      expect(bytesRead).toBe(bytes.length);
      if (bytes.length <= chunkSize) expect(parts.length).toBe(bytes.length === 0 ? 0 : 1);
      else expect(parts.length).toBe(Math.ceil(bytes.length / chunkSize));
    },
  );

  it("rejects with the system's error for a missing file and a directory", async () => {
    await expect(openFile(join(dir, 'none'), 16)).rejects.toMatchObject({ code: 'ENOENT' });
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    await expect(openFile(sub, 16)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
