/**
 * `measureStartup`: the median wall time of short child processes, each paired with `node -e 0` in the same rounds;
 * `modulesLoaded`: how many modules each loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Median milliseconds of each command line (run `rounds` times, interleaved), and of `node -e 0`. */
export function measureStartup(commands: Record<string, string[]>, rounds = 15): Record<string, number> {
  const times: Record<string, number[]> = { 'node -e 0': [] };
  for (const name of Object.keys(commands)) times[name] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [name, args] of [['node -e 0', ['-e', '0']] as const, ...Object.entries(commands)]) {
      const started = performance.now();
      const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (result.status !== 0 && result.status !== 1) throw new Error(`${name} exited ${result.status}`);
      times[name]!.push(performance.now() - started);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

/**
 * How many ES modules each command line loads (files and `node:` built-ins, through a module hook), and whether
 * xstate is among them.
 */
export function modulesLoaded(
  commands: Record<string, string[]>,
): Record<string, { modules: number; xstate: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'modules-'));
  try {
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.MODULE_LOG, url + '\\n'); return next(url, context); }\n",
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const counts: Record<string, { modules: number; xstate: boolean }> = {};
    for (const [name, args] of Object.entries(commands)) {
      const log = join(dir, 'modules.txt');
      writeFileSync(log, '');
      spawnSync(process.execPath, ['--import', pathToFileURL(register).href, ...args], {
        stdio: 'ignore',
        env: { ...process.env, MODULE_LOG: log },
      });
      const urls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
      counts[name] = { modules: urls.length, xstate: urls.some((url) => url.includes('/node_modules/xstate/')) };
    }
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
