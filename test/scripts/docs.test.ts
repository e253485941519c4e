import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { docsFiles } from '../../scripts/docsFiles.js';
import { lifecycleModel } from '../../src/index.js';
import { repoRoot } from '../support/paths.js';

describe('generated docs', () => {
  it('are up to date with the machines (run `npm run docs` when this fails)', async () => {
    for (const file of await docsFiles()) {
      const committed = readFileSync(join(repoRoot, file.path), 'utf8');
      expect(committed, `${file.path} is stale: run npm run docs`).toBe(file.content);
    }
  });

  it.each(services.map((s) => s.id))('lists every transition of %s in docs/lifecycles.md', async (id) => {
    const [file] = await docsFiles();
    const model = lifecycleModel(id);
    for (const t of model.transitions)
      expect(file!.content).toContain(`| \`${t.fromLeaf}\` | \`${t.event}\` | \`${t.toLeaf}\` |`);
  });
});
