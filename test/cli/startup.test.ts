/**
 * Start-up: the registry names every command without loading it, and the built CLI validates a registered service
 * on the precompiled status tables, loading neither xstate nor any machine module; commands that need a machine
 * load them, and a machine of your own is compiled as before. Plain lines load neither the CSV nor the JSON readers
 * (a format's readers load once it is known), and neither `validate` nor `--help` loads the model's index. Validating
 * on the precompiled tables loads neither the graph compiler nor the model modules it needs, nor what only a
 * terminal, a big NDJSON file or `--version` needs; a machine of one's own loads the compiler. `report` on an NDJSON file
 * of a registered service loads neither xstate, the machines nor the compiler either. The modules a process
 * loads are recorded by a module hook (a fact of the run, not a timing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { cliBin } from '../support/paths.js';
import { queueConfig, serviceFile } from '../support/serviceFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// a module hook that writes the URL of every module loaded to the file named by MODULE_LOG
const hooks = join(dir, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.MODULE_LOG, url + '\\n');
  return next(url, context);
}
`,
);
const register = join(dir, 'register.mjs');
writeFileSync(
  register,
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
);

let runs = 0;
/** Run the built CLI; its exit code, output, and the modules it loaded. */
function runBuilt(args: string[]) {
  const log = join(dir, `modules-${runs++}.txt`);
  writeFileSync(log, '');
  const result = spawnSync('node', ['--import', pathToFileURL(register).href, cliBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MODULE_LOG: log },
  });
  const modules = readFileSync(log, 'utf8').trim().split('\n');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, modules };
}

const xstate = (url: string) => url.includes('/node_modules/xstate/');
/** The model's index (the CLI's path imports the model's modules it uses directly). */
const modelIndex = (url: string) => url.endsWith('/src/model/index.js');
/** A reader of one input format (loaded only once that format is known). */
const reader = (name: string) => (url: string) => url.endsWith(`/src/input/${name}.js`);
const FORMAT_READERS = ['csv', 'ndjson', 'flatRecord', 'jsonArrayStream', 'jsonDocuments'];
/** A module of this package, by its path under src/ (without `.js`). */
const ownModule = (path: string) => (url: string) => url.endsWith(`/src/${path}.js`);
/**
 * What validating plain lines of a registered service does not load: the graph compiler and the model modules it
 * needs (the precompiled tables serve), the sync `statusGraph` and the fleet validator that calls it, what only a
 * terminal (progress line, clock), `--absent-is-gone`, a big NDJSON file (free cores) or `--version` needs, and the
 * built-ins only they use.
 */
const NOT_FOR_PLAIN_LINES = [
  'graph/compileStatusGraph',
  'graph/statusGraph',
  'model/lifecycleModel',
  'model/perService',
  'model/resolveService',
  'model/leafValue',
  'model/statusesTagged',
  'validation/fleetValidator',
  'validation/validateHistory',
  'validation/goneStatus',
  'validation/freeCores',
  'cli/progressLine',
  'time/clock',
  'cli/packageVersion',
];
/** A machine module (the vocabulary holds only names and types, and no machine). */
const machine = (url: string) => /\/machines\/(?!vocabulary\.js$)[^/]+\.js$/.test(url);

describe('start-up', () => {
  it('lists every command with the summary of its module', async () => {
    const help = await runCliCapture(['--help']);
    for (const entry of commands) {
      expect(help.stdout).toContain(`  ${entry.name} `);
      const command = 'load' in entry ? await entry.load() : entry;
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
      expect(help.stdout).toContain(entry.summary);
    }
  });

  it('validates a registered service loading neither xstate nor the machines, with the verdicts of the live graph', async () => {
    const file = join(dir, 'fleet.ndjson');
    const records = [
      ['a', 'CREATING'],
      ['a', 'RUNNING'],
      ['b', 'RUNNING'],
      ['b', 'CREATING'],
      ['b', 'running'],
      ['c', 'NOPE'],
    ];
    writeFileSync(file, records.map(([id, status]) => JSON.stringify({ instance_id: id, status })).join('\n'));
    const built = runBuilt(['validate', 'kafka', file, '--json', '--mode', 'sampled']);
    expect(built.code).toBe(1);
    expect(built.modules.filter(xstate)).toEqual([]);
    expect(built.modules.filter(machine)).toEqual([]);
    const live = await runCliCapture(['validate', 'kafka', file, '--json', '--mode', 'sampled']);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(live.stdout));
    const text = runBuilt(['validate', 'kafka', file]);
    expect(text.stdout).toBe((await runCliCapture(['validate', 'kafka', file])).stdout);
  });

  it('reports on an NDJSON file of a registered service loading neither xstate, the machines nor the compiler', async () => {
    const file = join(dir, 'report.ndjson');
    const lines = [
      ['a', 'CREATING', '2026-01-01T00:00:00Z'],
      ['b', 'RUNNING', '2026-01-01T00:00:10Z'],
      ['a', 'RUNNING', '2026-01-01T00:01:00.500Z'],
      ['b', 'RESTARTING', '2026-01-01T00:02:00Z'],
      ['b', 'CREATING', '2026-01-01T00:03:00Z'],
    ];
    writeFileSync(
      file,
      lines.map(([id, status, time]) => JSON.stringify({ time, instance_id: id, status })).join('\n'),
    );
    for (const args of [
      ['report', 'kafka', file, '--json'],
      ['report', 'kafka', file],
    ]) {
      const built = runBuilt(args);
      expect(built.code).toBe(1);
      expect(built.stdout).toBe((await runCliCapture(args)).stdout);
      expect(built.modules.filter(xstate)).toEqual([]);
      expect(built.modules.filter(machine)).toEqual([]);
      expect(built.modules.filter(modelIndex)).toEqual([]);
      for (const path of ['graph/compileStatusGraph', 'model/lifecycleModel', 'report/fleetReporter'])
        expect(built.modules.filter(ownModule(path))).toEqual([]);
      expect(built.modules.some(ownModule('report/compactReporter'))).toBe(true); // the byte path
    }
  });

  it('validates plain lines loading neither the CSV nor the JSON readers, nor the model index', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'CREATING\nRUNNING\nRESTARTING\nRUNNING\nDELETING\nDELETED\n');
    const built = runBuilt(['validate', 'kafka', file]);
    expect(built.code).toBe(0);
    expect(built.stdout).toBe((await runCliCapture(['validate', 'kafka', file])).stdout);
    for (const name of FORMAT_READERS) expect(built.modules.filter(reader(name))).toEqual([]);
    expect(built.modules.filter(modelIndex)).toEqual([]);
    expect(built.modules.filter(xstate)).toEqual([]);
    for (const path of NOT_FOR_PLAIN_LINES) expect(built.modules.filter(ownModule(path))).toEqual([]);
    expect(built.modules.filter((url) => url === 'node:os' || url === 'node:fs/promises')).toEqual([]);
    expect(built.modules.some(ownModule('graph/statusTables'))).toBe(true); // the tables served
  });

  it('validates plain lines on a terminal as off one (the progress line loaded there stays silent at first)', async () => {
    const file = join(dir, 'plain-tty.txt');
    writeFileSync(file, 'CREATING\nRUNNING\nCREATING\n');
    const plain = await runCliCapture(['validate', 'kafka', file, '--mode', 'sampled']);
    const tty = await runCliCapture(['validate', 'kafka', file, '--mode', 'sampled'], {
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(plain.code).toBe(1);
    expect({ code: tty.code, stdout: tty.stdout, stderr: tty.stderr }).toEqual({ ...plain, stderr: '' });
  });

  it('loads the compiler for a machine of its own, and the final status only for --absent-is-gone', async () => {
    const file = join(dir, 'queue-own.ndjson');
    writeFileSync(file, '{"status":"CREATING"}\n{"status":"DELETING"}\n');
    const own = runBuilt(['validate', '--machine', serviceFile(JSON.stringify(queueConfig()), 'json'), file]);
    expect(own.code).toBe(1);
    expect(own.modules.some(ownModule('graph/compileStatusGraph'))).toBe(true);
    const polls = join(dir, 'polls.json');
    writeFileSync(
      polls,
      '{"instances":[{"id":"a","status":"RUNNING"},{"id":"b","status":"RUNNING"}]}\n{"instances":[{"id":"a","status":"RUNNING"}]}\n',
    );
    const args = ['validate', 'kafka', polls, '--records', 'instances', '--absent-is-gone', '--mode', 'sampled'];
    const gone = runBuilt(args);
    expect(gone.code).toBe(0);
    expect(gone.stdout).toContain('2 histories');
    expect(gone.stdout).toBe((await runCliCapture(args)).stdout);
    expect(gone.modules.some(ownModule('validation/goneStatus'))).toBe(true);
  });

  it("loads a format's readers once the format is known: CSV, NDJSON, JSON, forced or detected", async () => {
    const csv = join(dir, 'log.csv');
    writeFileSync(csv, 'instance_id,status\na,RUNNING\na,CREATING\n');
    const ndjson = join(dir, 'log.ndjson');
    writeFileSync(ndjson, '{"instance_id":"a","status":"RUNNING"}\n{"instance_id":"a","status":"CREATING"}\n');
    const json = join(dir, 'log.json');
    writeFileSync(json, '\n\n["RUNNING",\n"CREATING"]\n');
    const cases: [string[], string[]][] = [
      [[csv], ['csv']],
      [[ndjson], ['ndjson', 'ndjsonBytes']], // an NDJSON file takes the byte path: no JSON array or document reader
      [[json], ['jsonArrayStream', 'jsonDocuments']],
      [[ndjson, '--format', 'json'], ['jsonDocuments']],
    ];
    for (const [args, loaded] of cases) {
      const built = runBuilt(['validate', 'kafka', ...args]);
      expect(built.stdout).toBe((await runCliCapture(['validate', 'kafka', ...args])).stdout);
      expect(built.code).toBe(1);
      expect(built.stdout).toContain('RUNNING → CREATING');
      for (const name of loaded) expect(built.modules.some(reader(name))).toBe(true);
      if (!loaded.includes('csv')) expect(built.modules.some(reader('csv'))).toBe(false);
      if (loaded.includes('csv')) expect(built.modules.some(reader('ndjson'))).toBe(false);
    }
  });

  it('answers --help loading no command module and not the model index', () => {
    const help = runBuilt(['--help']);
    expect(help.code).toBe(0);
    expect(help.modules.filter((url) => /\/src\/cli\/commands\/(?!index\.js$)[^/]+\.js$/.test(url))).toEqual([]);
    expect(help.modules.filter(modelIndex)).toEqual([]);
  });

  it('loads the machines for a command that needs them, and for a machine of your own', () => {
    const graph = runBuilt(['graph', 'kafka']);
    expect(graph.code).toBe(0);
    expect(graph.modules.some(xstate)).toBe(true);
    const file = join(dir, 'queue.ndjson');
    writeFileSync(file, '{"status":"CREATING"}\n{"status":"DELETING"}\n');
    const own = runBuilt(['validate', '--machine', serviceFile(JSON.stringify(queueConfig()), 'json'), file]);
    expect(own.code).toBe(1);
    expect(own.stdout).toContain('CREATING → DELETING');
    const unknown = runBuilt(['validate', 'nope', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown service "nope"; known services: kafka, dcs');
  });
});
