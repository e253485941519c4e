/** `npm run docs`: regenerate the files under `docs/` from the machines (see scripts/docsFiles.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsFiles } from './docsFiles.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
for (const file of await docsFiles()) {
  const path = resolve(root, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`wrote ${file.path}`);
}
