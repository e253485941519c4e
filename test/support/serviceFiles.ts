/**
 * Machine files for tests of `--machine FILE`, `loadService` and `check`: ES modules and JSON configs written under
 * `test-output/` (inside the repository, so that a module's `import 'xstate'` resolves), each with a new name (ES
 * modules are cached by URL).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
const dir = mkdtempSync(join(repoRoot, 'test-output', 'services-'));
let count = 0;

/**
 * Write `text` to a new file with this extension and return its path.
 *
 * @example const path = serviceFile('export default 1;', 'mjs');
 */
export function serviceFile(text: string, ext: 'mjs' | 'json' | 'js'): string {
  const path = join(dir, `service-${++count}.${ext}`);
  writeFileSync(path, text);
  return path;
}

/**
 * A small valid machine config (a queue: CREATING → ACTIVE → DELETING → DELETED), as plain JSON data, with `id`.
 * Tests mutate copies of it to break one rule at a time.
 */
export function queueConfig(id = 'queue'): Record<string, unknown> {
  const op = (note: string) => ({ kind: 'operation', basis: 'inferred', note });
  const outcome = (source: string) => ({ kind: 'outcome', basis: 'documented', source });
  return {
    id,
    initial: 'CREATING',
    meta: { name: 'A queue', page: 'queue-page' },
    states: {
      CREATING: { tags: ['transitional'], on: { CREATED: { target: 'ACTIVE', meta: outcome('queue-page') } } },
      ACTIVE: { tags: ['stable'], on: { DELETE: { target: 'DELETING', meta: op('a user deletes it') } } },
      DELETING: { tags: ['transitional'], on: { DELETED: { target: 'DELETED', meta: outcome('queue-page') } } },
      DELETED: { tags: ['final'], type: 'final' },
    },
  };
}

/**
 * An ES module that builds `config` with xstate's `createMachine` and exports it as `exportLine` says
 * (`export default machine;`, `export const service = { id, name, page, machine };`...).
 */
export function machineModule(config: object, exportLine = 'export default machine;'): string {
  return serviceFile(
    `import { createMachine } from 'xstate';\nconst machine = createMachine(${JSON.stringify(config)});\n${exportLine}\n`,
    'mjs',
  );
}
