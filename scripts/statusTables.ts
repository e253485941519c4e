/**
 * Run after `tsc` (`npm run build`, `prepare`): write the status graphs of the registered services, compiled from
 * their machines, as plain data beside the built machines (see src/graph/statusTables.ts), so that validating
 * against them needs neither xstate nor the machine modules at run time.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { services } from '../machines/index.js';
import { statusGraphData } from '../src/graph/compileStatusGraph.js';
import { STATUS_TABLES_DIR, STATUS_TABLES_INDEX } from '../src/graph/statusTables.js';

const dir = fileURLToPath(STATUS_TABLES_DIR);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
services.forEach((service, position) => {
  writeFileSync(new URL(`${position}.json`, STATUS_TABLES_DIR), JSON.stringify(statusGraphData(service)));
});
writeFileSync(new URL(STATUS_TABLES_INDEX, STATUS_TABLES_DIR), JSON.stringify(services.map((s) => s.id)));
