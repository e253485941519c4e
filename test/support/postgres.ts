/**
 * A throwaway PostgreSQL cluster for tests: Debian's `initdb` and `pg_ctl` start one in a temporary directory,
 * listening on a Unix socket only (no TCP port), and `psql` talks to it. As root (CI), the server runs as the
 * `postgres` user the Debian package creates. Without PostgreSQL installed, {@link startPostgres} says why.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running throwaway cluster. */
export interface Postgres {
  /** Run SQL text through psql (unaligned, tuples only); returns what psql printed. */
  psql(sql: string): string;
  /** Stop the server and remove its files. */
  stop(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
}

/** Start a cluster, or return the reason it cannot be started here. */
export function startPostgres(): Postgres | string {
  const bin = binDir();
  if (bin === undefined) return 'PostgreSQL is not installed (apt-get install postgresql)';
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const run = (command: string, args: string[], input?: string) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { input, encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-k ${dir} -c listen_addresses=''`,
    'start',
  ]);
  return {
    psql: (sql) =>
      run(
        'psql',
        ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'],
        sql,
      ),
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
