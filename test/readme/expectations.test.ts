/**
 * The README lists derived expectations of common waits beside hand-written client lists. This test re-derives each
 * row from the machines, so the README cannot drift from them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectations } from '../../src/index.js';
import { repoRoot } from '../support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

interface Row {
  service: string;
  args: string[];
  pending: string[];
  accepted: string[];
  failure: string[];
}

/** The rows of the derived-lists table; a row without arguments repeats the previous row's. */
function tableRows(): Row[] {
  const start = readme.indexOf('| wait | service | derived pending |');
  expect(start, 'the README has the derived-lists table').toBeGreaterThan(0);
  const lines = readme.slice(start).split('\n').slice(2);
  const rows: Row[] = [];
  let args: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const given = /`([^`]+)`/.exec(cells[0]!);
    if (given) args = given[1]!.split(/\s+/);
    const list = (cell: string) => (cell === '–' ? [] : cell.split(', '));
    rows.push({
      service: cells[1]!,
      args,
      pending: list(cells[2]!),
      accepted: list(cells[3]!),
      failure: list(cells[4]!),
    });
  }
  return rows;
}

describe('README: derived lists beside hand-written ones', () => {
  const rows = tableRows();

  it('has the creation, resize, restart and deletion waits of both services', () => {
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.service))).toEqual(new Set(['kafka', 'dcs']));
  });

  it.each(rows.map((row) => [`${row.service} ${row.args.join(' ')}`, row] as const))(
    '%s matches expectations()',
    (_, row) => {
      const [target, ...rest] = row.args;
      const option = (name: string) => {
        const i = rest.indexOf(name);
        return i < 0 ? undefined : rest[i + 1];
      };
      const from = option('--from');
      const after = option('--after');
      const derived = expectations(row.service, target!, {
        ...(from ? { from: [from] } : {}),
        ...(after ? { after } : {}),
      });
      expect([...row.pending].sort()).toEqual(derived.pending.map((p) => p.status).sort());
      expect([...row.failure].sort()).toEqual(derived.failure.map((f) => f.status).sort());
      expect([...row.accepted].sort()).toEqual([...(derived.before?.from ?? [])].sort());
    },
  );
});
