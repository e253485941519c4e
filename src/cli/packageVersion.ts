/** `packageVersion`: this package's version, without loading anything else (so `--version` starts fast). */
import { existsSync, readFileSync } from 'node:fs';

/**
 * The package version, read from the nearest package.json above this module (it sits at `dist/src/cli/` when
 * built and at `src/cli/` when run from source, as the tests do).
 */
export function packageVersion(): string {
  for (let url = new URL('./package.json', import.meta.url); ; url = new URL('../package.json', url)) {
    if (existsSync(url)) return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
    if (url.pathname === '/package.json') throw new Error('package.json not found above ' + import.meta.url);
  }
}
