/** Library arguments of the wrong type or out of range: a clear TypeError or RangeError naming the argument. */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';
import {
  BadArgumentError,
  BadArgumentTypeError,
  createFleetValidator,
  createValidator,
  lifecycleModel,
  readObservations,
  validateHistory,
  validateInput,
} from '../../src/index.js';
import { replayHistory } from '../../src/inspect/replayHistory.js';
import { checkNumber, checkOneOf, checkString, describeValue } from '../../src/model/index.js';

const loose = <T>(value: unknown) => value as T;

describe('the argument checks', () => {
  it('name where, what and what was given', () => {
    expect(() => checkNumber('f', 'n', '3')).toThrow(new BadArgumentTypeError('f: n must be a number, got string "3"'));
    expect(() => checkNumber('f', 'n', 7, { min: 0, max: 5 })).toThrow('f: n must be a number from 0 to 5, got 7');
    expect(() => checkNumber('f', 'n', Infinity, { min: 0 })).toThrow(
      'f: n must be a number >= 0 (finite), got Infinity',
    );
    expect(checkNumber('f', 'n', Infinity, { min: 0, infinite: true })).toBe(Infinity);
    expect(() => checkString('f', 's', 42)).toThrow(TypeError);
    expect(() => checkOneOf('f', 'mode', 'x', ['a', 'b'])).toThrow(
      new BadArgumentError('f: mode must be one of a, b, got "x"'),
    );
    expect(describeValue(Object.create(null))).toBe('an object');
    expect(describeValue('a\nb')).toBe('string "a\\nb"');
  });
});

describe('library functions given bad arguments', () => {
  it.each([undefined, null, {}, 42, { id: 'kafka' }])('refuse service %s with a TypeError naming it', (service) => {
    for (const call of [
      () => validateHistory(loose(service), ['RUNNING']),
      () => createValidator(loose(service)),
      () => lifecycleModel(loose(service)),
    ]) {
      expect(call).toThrow(BadArgumentTypeError);
      expect(call).toThrow(/^service must be a service id \(one of .*\) or a Service object/);
    }
  });

  it('refuse a status that is not a string, and a time that is null', () => {
    expect(() => validateHistory('kafka', loose([42]))).toThrow(
      new BadArgumentTypeError(
        'validator: an observation must be a status string or an object with "status", got number 42',
      ),
    );
    expect(() => validateHistory('kafka', [{ status: loose(null) }])).toThrow(
      'validator: status must be a string, got null',
    );
    expect(() => createValidator('kafka').pushStatus(loose(['RUNNING']))).toThrow(TypeError);
    expect(() => validateHistory('kafka', [{ status: 'RUNNING', time: loose(null) }])).toThrow(
      /^validator: time must be ISO 8601 text, a number of milliseconds or a Date \(or left out\), got null$/,
    );
    expect(() => validateHistory('kafka', loose('RUNNING'))).toThrow(
      'validateHistory: history must be a list of statuses or observations, got string "RUNNING"',
    );
  });

  it("refuse mode 'bogus' and a bad maxDetails, naming them", () => {
    for (const call of [
      () => validateHistory('kafka', ['RUNNING'], { mode: loose('bogus') }),
      () => createValidator('kafka', { mode: loose('bogus') }),
      () => createFleetValidator('kafka', { mode: loose('bogus') }),
    ])
      expect(call).toThrow(/mode must be one of strict, sampled, got "bogus"$/);
    expect(() => createFleetValidator('kafka', { maxDetails: -1 })).toThrow(RangeError);
  });

  it('refuse an unknown format and a source that is not a path or a stream', async () => {
    const stream = Readable.from(['RUNNING\n']);
    await expect(validateInput('kafka', stream, { format: loose('xml') })).rejects.toThrow(
      new BadArgumentError('validateInput: format must be one of json, ndjson, csv, lines, got "xml"'),
    );
    expect(() => readObservations(stream, { format: loose('yaml') })).toThrow(RangeError);
    expect(() => readObservations(loose(42))).toThrow(TypeError);
  });

  it('replayHistory takes status strings as well as observations, and refuses a string or a bad pace', async () => {
    const result = await replayHistory('kafka', ['RUNNING', 'RESTARTING']);
    expect(result).toMatchObject({ ok: true, events: ['RESTART'], status: 'RESTARTING' });
    result.actor?.stop();
    await expect(replayHistory('kafka', loose('RUNNING'))).rejects.toThrow(
      'replayHistory: history must be a list of statuses or observations, got string "RUNNING"',
    );
    await expect(replayHistory('kafka', ['RUNNING'], { pace: Number.NaN })).rejects.toThrow(RangeError);
    await expect(replayHistory('kafka', ['RUNNING'], { mode: loose('bogus') })).rejects.toThrow(RangeError);
  });

  it('the command line reports a BadArgumentTypeError in one line, exit 2 (and another TypeError as a bug, 70)', async () => {
    const thrower = (error: Error): Command => ({
      name: 'throws',
      summary: '',
      help: '',
      run: async () => {
        throw error;
      },
    });
    let stderr = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        stderr += String(chunk);
        done();
      },
    });
    const io = { stdout: sink, stderr: sink, stdin: Readable.from([]), env: {} };
    expect(await runCli(['throws'], io, [thrower(new BadArgumentTypeError('x must be a string, got null'))])).toBe(2);
    expect(stderr).toBe('instance-lifecycle throws: x must be a string, got null\n');
    expect(await runCli(['throws'], io, [thrower(new TypeError('boom'))])).toBe(70);
  });
});
