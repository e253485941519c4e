import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { viewerData } from '../../src/viewer/index.js';
import { runCliCapture } from '../support/cliHarness.js';

const work = mkdtempSync(join(tmpdir(), 'view-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The viewer data embedded in a written page. */
function embedded(html: string) {
  return JSON.parse(
    /<script type="application\/json" id="viewer-data">([\s\S]*?)<\/script>/.exec(html)![1]!,
  ) as ReturnType<typeof viewerData>;
}

describe('instance-lifecycle view', () => {
  it('writes the diagram-only page without a history, exit 0', async () => {
    const out = join(work, 'diagram.html');
    const result = await runCliCapture(['view', 'dcs', '--out', out]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(`wrote ${out} (the diagram)\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(embedded(html)).toMatchObject({ service: { id: 'dcs' }, instances: [] });
  });

  it('embeds the histories of a file with their verdicts in the mode asked for; exit 1 when one is illegal', async () => {
    const history = join(work, 'fleet.ndjson');
    writeFileSync(
      history,
      [
        '{"instance_id":"a","status":"RUNNING"}',
        '{"instance_id":"b","status":"RUNNING"}',
        '{"instance_id":"a","status":"DELETED"}',
        '',
      ].join('\n'),
    );
    const out = join(work, 'fleet.html');
    const sampled = await runCliCapture(['view', 'kafka', history, '--out', out, '--mode', 'sampled']);
    expect(sampled.code).toBe(0);
    expect(
      embedded(readFileSync(out, 'utf8')).instances.map((i) => [i.instance, i.verdict.ok, i.verdict.mode]),
    ).toEqual([
      ['a', true, 'sampled'],
      ['b', true, 'sampled'],
    ]);
    const strict = await runCliCapture(['view', 'kafka', history, '--out', out]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('2 histories, 1 with problems');
    expect(embedded(readFileSync(out, 'utf8')).instances.map((i) => [i.instance, i.verdict.ok])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('reads standard input for -, and writes standard output for --out -', async () => {
    const out = join(work, 'stdin.html');
    expect((await runCliCapture(['view', 'kafka', '-', '--out', out], { stdin: 'CREATING\nRUNNING\n' })).code).toBe(0);
    expect(embedded(readFileSync(out, 'utf8')).instances[0]!.observations.map((o) => o.status)).toEqual([
      'CREATING',
      'RUNNING',
    ]);
    const printed = await runCliCapture(['view', 'kafka', '--out', '-']);
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('on bad input prints one line naming the place, exit 2, and leaves the output file as it was', async () => {
    const out = join(work, 'kept.html');
    writeFileSync(out, 'the old page');
    const bad = join(work, 'bad.ndjson');
    writeFileSync(bad, '{"status":"RUNNING"}\n{"status": RUNNING}\n');
    const result = await runCliCapture(['view', 'kafka', bad, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${bad}:2`);
    expect(readFileSync(out, 'utf8')).toBe('the old page');
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a missing history file and an unwritable output in one line, exit 2, writing nothing', async () => {
    const missing = await runCliCapture(['view', 'kafka', join(work, 'nope.ndjson'), '--out', join(work, 'x.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(work, 'x.html'))).toBe(false);
    const nowhere = join(work, 'no-such-dir', 'x.html');
    const unwritable = await runCliCapture(['view', 'kafka', '--out', nowhere]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe(
      `instance-lifecycle view: ${nowhere}: cannot write: no such file or directory (ENOENT)\n`,
    );
    const underFile = join(work, 'kept.html', 'x.html');
    writeFileSync(join(work, 'kept.html'), 'a file');
    const notDir = await runCliCapture(['view', 'kafka', '--out', underFile]);
    expect(notDir.stderr).toBe(
      `instance-lifecycle view: ${underFile}: cannot write: a part of the path is not a directory (ENOTDIR)\n`,
    );
    mkdirSync(join(work, 'a-dir'));
    const onDirectory = await runCliCapture(['view', 'kafka', '--out', join(work, 'a-dir')]);
    expect(onDirectory.code).toBe(2);
    expect(onDirectory.stderr).toBe(
      `instance-lifecycle view: --out ${join(work, 'a-dir')} is a directory, not a file: give the path of a file to write (see instance-lifecycle view --help)\n`,
    );
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a regular file atomically keeping its mode, and writes through links, FIFOs and devices', async () => {
    const page = join(work, 'mode.html');
    writeFileSync(page, 'old');
    chmodSync(page, 0o640);
    expect((await runCliCapture(['view', 'kafka', '--out', page])).code).toBe(0);
    expect(statSync(page).mode & 0o777).toBe(0o640);
    expect(readFileSync(page, 'utf8')).toMatch(/^<!DOCTYPE html>/);

    const link = join(work, 'link.html');
    symlinkSync(page, link);
    writeFileSync(page, 'old');
    expect((await runCliCapture(['view', 'kafka', '--out', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(page, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(statSync(page).mode & 0o777).toBe(0o640);

    const dangling = join(work, 'dangling.html');
    symlinkSync(join(work, 'made-through-link.html'), dangling);
    expect((await runCliCapture(['view', 'kafka', '--out', dangling])).code).toBe(0);
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(work, 'made-through-link.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);

    expect((await runCliCapture(['view', 'kafka', '--out', '/dev/null'])).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);

    const fifo = join(work, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.setEncoding('utf8').on('data', (text: string) => (received += text));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    expect((await runCliCapture(['view', 'kafka', '--out', fifo])).code).toBe(0);
    await closed;
    expect(received).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n?$/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [['kafka'], 'missing --out'],
    [['--out', 'x.html'], 'missing <service>'],
    [['kafka', '--out', 'x.html', '--mode', 'loose'], 'unknown --mode "loose"'],
    [['kafka', '-', '--out', '-'], 'cannot both be used'],
    [['nosuch', '--out', 'x.html'], 'unknown service "nosuch"'],
  ])('refuses %j: %s, exit 2', async (args, message) => {
    const result = await runCliCapture(['view', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
