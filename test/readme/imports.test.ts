/**
 * Every value the README's code examples import from this package exists in that entry point of the build, so
 * the examples cannot drift from the public API (the entry points' own test checks the build resolves).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const imports = [...readme.matchAll(/^import \{([^}]*)\} from '(instance-lifecycle(?:\/[a-z-]+)?)';$/gm)].map(
  ([, names, from]) => ({
    from: from!,
    // type-only names leave no trace at run time
    names: names!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && !n.startsWith('type ')),
  }),
);

describe('the README imports', () => {
  it('has examples that import from the package', () => {
    expect(imports.length).toBeGreaterThan(5);
  });

  for (const { from, names } of imports) {
    it(`${names.join(', ')} from ${from}`, async () => {
      const module = (await import(from)) as Record<string, unknown>;
      for (const name of names) expect(module[name], `${name} is exported by ${from}`).toBeDefined();
    });
  }
});
