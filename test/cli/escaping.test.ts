/** Control characters from the input never reach the terminal raw: a crafted log cannot print a fake summary. */
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../support/cliHarness.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FAKE = '\u001b[2K\rOK: 1 history; 1 legal, 0 illegal';

/** Every line of the text, checked: no control character but the line ends. */
function expectClean(text: string): void {
  expect(RAW_CONTROL.test(text)).toBe(false);
}

describe('escaping input in text output', () => {
  const crafted = [
    JSON.stringify({ id: `a${FAKE}`, status: 'RUNNING' }),
    JSON.stringify({ id: `a${FAKE}`, status: `DELETED\n${FAKE}` }),
    JSON.stringify({ id: 'b\u202eevil', status: 'RUNNING', time: `x${FAKE}` }),
    JSON.stringify({ id: 'c', status: ` running${'\u009b'}` }),
  ].join('\n');

  it('validate: ids, statuses, times and messages have their control characters escaped', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-', '--explain'], { stdin: crafted });
    expect(result.code).toBe(1);
    expectClean(result.stdout);
    expectClean(result.stderr);
    expect(result.stdout).toContain('instance a\\u001b[2K\\rOK: 1 history');
    expect(result.stdout).toContain('unknown status "DELETED\\n\\u001b[2K\\rOK: 1 history');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^ILLEGAL: 3 histories/);
  });

  it('validate --json keeps the texts as they are (JSON escapes them)', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-', '--json'], { stdin: crafted });
    const report = JSON.parse(result.stdout) as { histories: { instance: string }[] };
    expect(report.histories[0]!.instance).toBe(`a${FAKE}`);
  });

  it('errors: an input error quoting the input is one clean line', async () => {
    const result = await runCliCapture(['validate', 'kafka', '-'], { stdin: `status,x\n"a\u001b[31m,b\n` });
    expect(result.code).toBe(2);
    expectClean(result.stderr);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('inspect: instance ids in messages are quoted and escaped', async () => {
    const fleet = ['x\u001b[2Ka', 'y\rb'].map((id) => JSON.stringify({ id, status: 'RUNNING' })).join('\n');
    const result = await runCliCapture(['inspect', 'kafka', '-', '--no-open', '--no-wait'], { stdin: fleet });
    expect(result.code).toBe(2);
    expectClean(result.stderr);
    expect(result.stderr).toContain('("x\\u001b[2Ka", "y\\rb")');
  });
});
