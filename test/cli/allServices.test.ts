/**
 * The commands of the CLI, for every registered service: nothing outside machines/ names a status, so a new
 * machine must work everywhere with no other change. The library functions behind the commands have their own
 * tests over every service (model, validation, simulation, arbitraries, simulated instance, waiting, diagrams,
 * viewer, inspector replay, SQL); this file checks the commands users run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { services } from '../../machines/index.js';
import { toDot } from '../../src/diagram/dot.js';
import { toMermaid } from '../../src/diagram/mermaid.js';
import { expectations, lifecycleModel, simulate } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { deletion, finalStatus, settledStatus } from '../support/roles.js';

const work = mkdtempSync(join(tmpdir(), 'all-services-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(services.map((s) => s.id))('the commands for %s', (id) => {
  const model = lifecycleModel(id);

  it('graph prints its model as JSON, Mermaid, DOT and SVG', async () => {
    const json = await runCliCapture(['graph', id, '--format', 'json']);
    const { service, initial, states, transitions } = model;
    expect(JSON.parse(json.stdout)).toEqual({ service, initial, states, transitions });
    expect((await runCliCapture(['graph', id, '--format', 'mermaid'])).stdout).toBe(toMermaid(model));
    expect((await runCliCapture(['graph', id, '--format', 'dot'])).stdout).toBe(toDot(model));
    const svg = await runCliCapture(['graph', id, '--format', 'svg']);
    expect(svg.code).toBe(0);
    for (const state of model.states) expect(svg.stdout).toContain(`>${state.status}</text>`);
  });

  it('simulate prints a life that validate accepts: strictly from the start, and sampled when polled', async () => {
    for (const seed of ['1', '2', '3']) {
      const life = await runCliCapture(['simulate', id, '--seed', seed]);
      expect(life.code).toBe(0);
      const lines = life.stdout.trimEnd().split('\n');
      expect(JSON.parse(lines[0]!).status).toBe(model.initial);
      const strict = await runCliCapture(['validate', id, '-', '--from-start', '--json'], { stdin: life.stdout });
      expect(JSON.parse(strict.stdout)).toMatchObject({ ok: true, service: id });
      const polled = await runCliCapture(['simulate', id, '--seed', seed, '--poll-interval', '5m']);
      const sampled = await runCliCapture(['validate', id, '-', '--mode', 'sampled', '--from-start'], {
        stdin: polled.stdout,
      });
      expect(sampled.code, sampled.stdout).toBe(0);
    }
  });

  it('validate reports a change the machine does not allow, with exit 1 and what was allowed', async () => {
    const final = finalStatus(id);
    const history = [model.initial, final, model.initial].map((status) => JSON.stringify({ status })).join('\n');
    const result = await runCliCapture(['validate', id, '-', '--json'], { stdin: `${history}\n` });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { histories: { violations: { index: number; kind: string }[] }[] };
    expect(report.histories[0]!.violations.at(-1)).toMatchObject({ index: 2 });
  });

  it('paths covers every transition, each path a legal history', async () => {
    const result = await runCliCapture(['paths', id, '--cover', 'transitions', '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { paths: { statuses: string[]; events: string[] }[] };
    const taken = new Set(
      plan.paths.flatMap((p) => p.events.map((e, i) => `${p.statuses[i]} ${e} ${p.statuses[i + 1]}`)),
    );
    expect(taken).toEqual(new Set(model.transitions.map((t) => `${t.from} ${t.event} ${t.to}`)));
  });

  it('expect lists the statuses of a deletion wait, as the library derives them', async () => {
    const { from, operation } = deletion(id);
    const final = finalStatus(id);
    const result = await runCliCapture(['expect', id, final, '--from', from, '--after', operation, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { target: string[]; pending: { status: string }[] };
    const derived = expectations(id, final, { from, after: operation });
    expect(printed.target).toEqual(derived.target);
    expect(printed.pending.map((p) => p.status)).toEqual(derived.pending.map((p) => p.status));
  });

  it('expect writes waiters in every format, and lint finds nothing wrong in the derived lists', async () => {
    const target = settledStatus(id);
    for (const format of ['terraform', 'smithy', 'botocore']) {
      const waiter = await runCliCapture(['expect', id, target, '--from', model.initial, '--format', format]);
      expect(waiter.code, `${format}: ${waiter.stderr}`).toBe(0);
      expect(waiter.stdout).toContain(JSON.stringify(target));
    }
    const derived = expectations(id, target, { from: model.initial });
    const lists = [
      ['--pending', derived.pending.map((p) => p.status)],
      ['--failure', derived.failure.map((f) => f.status)],
    ].flatMap(([option, statuses]) =>
      statuses!.length > 0 ? [option as string, (statuses as string[]).join(',')] : [],
    );
    const lint = await runCliCapture(['lint', id, '--target', target, '--from', model.initial, ...lists, '--json']);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
  });

  it('view writes an offline page with the diagram and the history', async () => {
    const history = join(work, `${id}.ndjson`);
    const life = simulate(id, { seed: 4 }).observations;
    writeFileSync(history, life.map((o) => JSON.stringify(o)).join('\n') + '\n');
    const out = join(work, `${id}.html`);
    const result = await runCliCapture(['view', id, history, '--out', out]);
    expect(result.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    for (const state of model.states) expect(page).toContain(`>${state.status}</text>`);
    expect(page).toContain(settledStatus(id));
  });

  it('inspect replays a simulated life through the machine', async () => {
    const result = await runCliCapture(['inspect', id, '--simulate', '--seed', '5', '--no-open', '--no-wait']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(model.initial);
  });
});
