/** `measureStartup`: the median wall time of short child processes, each paired with `node -e 0` in the same rounds. */
import { spawnSync } from 'node:child_process';

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
