/**
 * Waiter code: for every service, target, start and operation (from a status it leaves from), the Terraform, Smithy and botocore waiters carry
 * exactly the derived lists (and those lists lint clean); the JSON outputs parse; the Go text is what gofmt prints
 * when gofmt is on this machine, and has the right structure either way.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { eventsOfKind, expectations, lifecycleModel, lintWait } from '../../src/index.js';
import {
  botocoreWaiter,
  jmesPath,
  smithyWaiter,
  terraformWaiter,
  type WaiterLists,
  waiterLists,
} from '../../src/waiting/waiterCode/index.js';
import { runCliCapture } from '../support/cliHarness.js';

interface Case {
  service: string;
  target: string;
  from: string;
  after: string | undefined;
  lists: WaiterLists;
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const { id } of services) {
    const model = lifecycleModel(id);
    const statuses = model.states.map((s) => s.status);
    for (const target of statuses)
      for (const from of statuses)
        for (const after of [undefined, ...eventsOfKind(model, 'operation')]) {
          // after an operation, a wait starts where that operation leaves from
          if (after !== undefined && !expectations(id, target, { after }).before!.from.includes(from)) continue;
          const e = expectations(id, target, after === undefined ? { from } : { from, after });
          all.push({ service: id, target, from, after, lists: waiterLists(e) });
        }
  }
  return all;
}
const all = cases();

/**
 * The Go files gofmt would change or cannot parse (one gofmt run over a folder of them), or undefined when gofmt
 * is not on this machine.
 */
function gofmtComplaints(sources: readonly string[]): string[] | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'waiter-go-'));
  try {
    for (const [i, source] of sources.entries()) writeFileSync(join(dir, `w${i}.go`), source);
    const run = spawnSync('gofmt', ['-l', '-e', dir], { encoding: 'utf8' });
    if (run.error) return undefined; // ENOENT: no gofmt here; the structural checks still run
    return [...run.stdout.split('\n'), ...run.stderr.split('\n')].filter((line) => line !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Go string literals of a `[]string{...}` field of the StateChangeConf. */
function goList(source: string, field: string): string[] {
  const match = new RegExp(`\\t${field}: +\\[\\]string\\{(.*)\\},\\n`).exec(source);
  expect(match, `${field} in\n${source}`).not.toBeNull();
  return match![1] === '' ? [] : (JSON.parse(`[${match![1]}]`) as string[]);
}

describe('waiter code', () => {
  it('the waiter lists partition what the wait can meet, and lint clean', () => {
    for (const { service, target, from, after, lists } of all) {
      const report = lintWait(service, {
        target,
        pending: lists.pending,
        failure: lists.failure.map((f) => f.status),
        from,
        ...(after === undefined ? {} : { after }),
        ...(lists.notFound === undefined ? {} : { notFound: lists.notFound }),
      });
      expect(report.findings, `${service} ${target} from ${from} after ${after}`).toEqual(
        report.findings.filter((f) => f.kind === 'missing-not-found' && lists.notFound === undefined),
      );
      const covered = [...lists.pending, ...lists.failure.map((f) => f.status)].sort();
      expect(covered).toEqual([...report.observable].sort());
    }
  });

  it('terraform: Pending and Target are the lists, every failure is in the map, a 404 is the final status', () => {
    const texts = new Set<string>();
    for (const { lists } of all) {
      const go = terraformWaiter(lists);
      if (texts.has(go)) continue;
      texts.add(go);
      expect(goList(go, 'Pending')).toEqual(lists.pending);
      expect(goList(go, 'Target')).toEqual(lists.target);
      for (const f of lists.failure) expect(go).toContain(`\t${JSON.stringify(f.status)}:`);
      if (lists.notFound !== undefined)
        expect(go).toContain(`return struct{}{}, ${JSON.stringify(lists.notFound)}, nil`);
      expect(go.match(/\{/g)?.length).toBe(go.match(/\}/g)?.length);
      expect(go).toMatch(/^package waiter$/m);
    }
    const complaints = gofmtComplaints([...texts]);
    if (complaints)
      expect(complaints).toEqual([]); // gofmt parses every text and would change none
    else console.info('gofmt is not installed: the Go texts were checked by structure only');
  });

  it('smithy: success on each target (and the not-found error for a final one), failure, then retry', () => {
    for (const { lists } of all) {
      const waitable = JSON.parse(JSON.stringify(smithyWaiter(lists)));
      const [name, waiter] = Object.entries(waitable)[0] as [string, { acceptors: Record<string, unknown>[] }];
      expect(name).toMatch(/^Instance[A-Z]/);
      const by = (state: string) =>
        waiter.acceptors
          .filter((a) => a.state === state)
          .map((a) => (a.matcher as { output?: { expected: string } }).output?.expected ?? 'error');
      const notFound = lists.notFound !== undefined && lists.target.includes(lists.notFound) ? ['error'] : [];
      expect(by('success')).toEqual([...lists.target, ...notFound]);
      expect(by('failure')).toEqual(lists.failure.map((f) => f.status));
      expect(by('retry')).toEqual(lists.pending);
      const order = waiter.acceptors.map((a) => ['success', 'failure', 'retry'].indexOf(a.state as string));
      expect(order).toEqual([...order].sort()); // first match wins: success, then failure, then retry
    }
  });

  it('botocore: a version 2 document with path acceptors, and a 404 status acceptor for a final target', () => {
    for (const { lists } of all) {
      const doc = JSON.parse(JSON.stringify(botocoreWaiter(lists, { statusPath: 'instances.0.status' })));
      expect(doc.version).toBe(2);
      const waiter = Object.values(doc.waiters)[0] as { acceptors: Record<string, unknown>[]; operation: string };
      const paths = waiter.acceptors.filter((a) => a.matcher === 'path');
      expect(paths.every((a) => a.argument === 'instances[0].status')).toBe(true);
      expect(paths.filter((a) => a.state === 'success').map((a) => a.expected)).toEqual(lists.target);
      expect(paths.filter((a) => a.state === 'failure').map((a) => a.expected)).toEqual(
        lists.failure.map((f) => f.status),
      );
      expect(paths.filter((a) => a.state === 'retry').map((a) => a.expected)).toEqual(lists.pending);
      const status = waiter.acceptors.filter((a) => a.matcher === 'status');
      expect(status).toEqual(
        lists.notFound !== undefined && lists.target.includes(lists.notFound)
          ? [{ state: 'success', matcher: 'status', expected: 404 }]
          : [],
      );
    }
  });

  it.each([
    ['status', 'status'],
    ['instances.0.status', 'instances[0].status'],
    ['0.status', '[0].status'],
    ['data.instance-state', 'data."instance-state"'],
  ])('jmesPath(%j) is %j', (dotted, expected) => {
    expect(jmesPath(dotted)).toBe(expected);
  });
});

describe('instance-lifecycle expect --format', () => {
  const service = services[0]!.id;
  const target = lifecycleModel(service).states.at(-1)!.status;

  it('terraform, smithy and botocore print the library output; json is --json', async () => {
    const lists = waiterLists(expectations(service, target));
    expect((await runCliCapture(['expect', service, target, '--format', 'terraform'])).stdout).toBe(
      terraformWaiter(lists),
    );
    expect(JSON.parse((await runCliCapture(['expect', service, target, '--format', 'smithy'])).stdout)).toEqual(
      smithyWaiter(lists),
    );
    const boto = await runCliCapture(['expect', service, target, '--format', 'botocore', '--status-path', 'a.0.s']);
    expect(JSON.parse(boto.stdout)).toEqual(botocoreWaiter(lists, { statusPath: 'a.0.s' }));
    const json = await runCliCapture(['expect', service, target, '--format', 'json']);
    expect(json.stdout).toBe((await runCliCapture(['expect', service, target, '--json'])).stdout);
  });

  it.each([
    [['--format', 'yaml'], /unknown --format "yaml"/],
    [['--format', 'smithy', '--json'], /--json contradicts --format smithy/],
    [['--format', 'smithy', '--status-path', 'a..b'], /--status-path must be/],
  ])('%j is a usage error', async (extra, message) => {
    const result = await runCliCapture(['expect', service, target, ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
