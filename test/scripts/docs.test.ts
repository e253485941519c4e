import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { docsFiles } from '../../scripts/docsFiles.js';
import { toMermaid } from '../../src/diagram/mermaid.js';
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
      expect(file!.content).toContain(`| \`${t.from}\` | \`${t.event}\` | \`${t.to}\` |`);
  });
});

describe('toMermaid', () => {
  it.each(services.map((s) => s.id))(
    'draws every transition of %s once, marks inferred ones, and ends finals',
    (id) => {
      const model = lifecycleModel(id);
      const text = toMermaid(model);
      const lines = text.split('\n');
      expect(lines[0]).toBe('stateDiagram-v2');
      const node = (leaf: string) => leaf.replace(/\./g, '__'); // a hidden sub-state inside its composite state
      expect(lines).toContain(`  [*] --> ${node(model.initialLeaf)}`);
      for (const t of model.transitions) {
        const label = t.basis === 'inferred' ? `${t.event} (inferred)` : t.event;
        expect(lines.filter((l) => l === `  ${node(t.fromLeaf)} --> ${node(t.toLeaf)}: ${label}`)).toHaveLength(1);
      }
      for (const s of model.states.filter((s) => s.tags.includes('final')))
        expect(lines).toContain(`  ${s.status} --> [*]`);
    },
  );

  it('aliases a status that is not a valid Mermaid id', () => {
    const model = lifecycleModel('kafka');
    const odd = {
      ...model,
      initial: 'NEW STATE',
      initialLeaf: 'NEW STATE',
      states: [{ status: 'NEW STATE', tags: ['transitional' as const], description: 'x' }, ...model.states],
      leaves: [{ leaf: 'NEW STATE', status: 'NEW STATE', description: 'x' }, ...model.leaves],
      transitions: [{ ...model.transitions[0]!, from: 'NEW STATE', fromLeaf: 'NEW STATE' }],
    };
    const text = toMermaid(odd);
    expect(text).toContain('state "NEW STATE" as s0');
    expect(text).toContain('[*] --> s0');
    expect(text).toContain(`s0 --> ${model.transitions[0]!.to}`);
  });
});
