/**
 * `writeFileAtomic`: write an output file so that readers see either the old file or the whole new one, never a
 * part: the content goes to a temporary file in the same directory, which is then renamed over the target, with
 * the target's permissions. That is only right for a regular file: a symbolic link is followed (the link stays, its
 * target is replaced), and a FIFO or a character device (`/dev/stdout`, `/dev/null`) is written through, never
 * replaced by a file. Anything else (a directory, a socket, a block device) is refused.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, lstat, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BadArgumentError } from '../model/badArgument.js';

/** An output path that names something else than a file (a directory, a socket, a block device). */
export class NotAFileError extends BadArgumentError {
  override name = 'NotAFileError';
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a file: give the path of a file to write`);
  }
}

/**
 * Write `content` to `path`: atomically for a regular file (new or existing, keeping its mode), through a FIFO
 * or character device. On failure a temporary file is removed and the target is untouched. Throws
 * {@link NotAFileError} for a path that names a directory, a socket or a block device, and the system's error
 * otherwise.
 *
 * @example await writeFileAtomic('out/kafka.html', html);
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const target = await resolveTarget(path);
  const stats = await existing(target);
  if (stats && !stats.isFile()) {
    if (stats.isFIFO() || stats.isCharacterDevice()) return writeFile(target, content); // write through
    throw new NotAFileError(path, kindOf(stats));
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    if (stats) await chmod(temporary, stats.mode & 0o7777);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** The path to write: `path` itself, or, for a symbolic link, the file it leads to (which may not exist yet). */
async function resolveTarget(path: string): Promise<string> {
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return path;
  try {
    return await realpath(path);
  } catch {
    // a dangling link: write the file it names
    const { readlink } = await import('node:fs/promises');
    return resolve(dirname(path), await readlink(path));
  }
}

async function existing(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}
