/**
 * `writeFileAtomic`: write a file so that readers see either the old file or the whole new one, never a part: the
 * content goes to a temporary file in the same directory, which is then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Write `content` to `path` atomically. On failure the temporary file is removed and the target is untouched.
 *
 * @example await writeFileAtomic('out/kafka.html', html);
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
