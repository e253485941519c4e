/** Where the repository and its built command line are, for tests that read files or run the CLI as a process. */
import { fileURLToPath } from 'node:url';

/** The repository root, ending in a slash. */
export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** The built CLI entry point (`npm test` builds it before running the tests). */
export const cliBin: string = `${repoRoot}dist/src/cli/main.js`;
