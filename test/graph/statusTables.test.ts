/**
 * The precompiled status tables are exactly the graphs compiled from the machines: the plain data survives JSON and
 * makes the same graph (tables, explanations and look-ups), and the tables `npm run build` wrote beside the built
 * machines are the data of every registered service, in registry order (so they cannot drift from the machines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { compiledStatusGraph, statusGraphData } from '../../src/graph/compileStatusGraph.js';
import { type StatusGraph, statusGraphOfData } from '../../src/graph/statusGraphOfData.js';
import { spellingKey } from '../../src/model/index.js';
import { repoRoot } from '../support/paths.js';
import { subStateService } from '../support/subStateService.js';

const tablesDir = join(repoRoot, 'dist', 'machines', 'status-tables');

/** Everything a graph holds but its functions, in plain arrays. */
function dataOf(graph: StatusGraph): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(graph)) {
    if (typeof value === 'function') continue;
    plain[key] = ArrayBuffer.isView(value) ? [...(value as Int32Array)] : value;
  }
  return plain;
}

/** What each look-up answers for every status, alias, and spelling of either, and for texts that are neither. */
function lookups(graph: StatusGraph): unknown[] {
  const names = [...graph.statuses, ...graph.aliases.flat(), ...graph.operations, '__proto__', 'constructor', ''];
  const texts = names.flatMap((name) => [name, name.toLowerCase(), ` ${name}\t`, spellingKey(name), `${name}_X`]);
  return texts.map((text) => [
    text,
    graph.idOf(text),
    graph.idOfSpelling(text),
    graph.aliasOf(text),
    graph.operationIdOf(text),
  ]);
}

describe('precompiled status tables', () => {
  for (const service of [...services, subStateService]) {
    it(`${service.id}: the data, through JSON, makes the same graph as compiling the machine`, () => {
      const live = compiledStatusGraph(service);
      const data = statusGraphData(service);
      const loaded = statusGraphOfData(JSON.parse(JSON.stringify(data)));
      expect(dataOf(loaded)).toEqual(dataOf(live));
      expect(lookups(loaded)).toEqual(lookups(live));
      for (const [key, value] of Object.entries(live))
        if (ArrayBuffer.isView(value)) expect(loaded[key as keyof StatusGraph]).toBeInstanceOf(value.constructor);
    });
  }

  it('the built tables are the data of every registered service, in registry order', () => {
    expect(existsSync(tablesDir), 'no tables: run npm run build').toBe(true);
    const index = JSON.parse(readFileSync(join(tablesDir, 'index.json'), 'utf8')) as string[];
    expect(index).toEqual(services.map((s) => s.id));
    services.forEach((service, position) => {
      const written = JSON.parse(readFileSync(join(tablesDir, `${position}.json`), 'utf8'));
      expect(written, service.id).toEqual(JSON.parse(JSON.stringify(statusGraphData(service))));
    });
  });
});
