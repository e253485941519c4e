import { describe, expect, it } from 'vitest';
import { InputError, loadService, validateHistory } from '../../src/index.js';
import { machineModule, queueConfig, serviceFile } from '../support/serviceFiles.js';

async function loadError(file: string): Promise<InputError> {
  const error = await loadService(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('loadService', () => {
  it('an ES module with a machine as its default export: the machine id is the service id', async () => {
    const service = await loadService(machineModule(queueConfig('mq')));
    expect(service.id).toBe('mq');
    expect(validateHistory(service, ['CREATING', 'ACTIVE']).ok).toBe(true);
  });

  it('an ES module exporting a Service as "service" (a plain object is fine)', async () => {
    const file = machineModule(
      queueConfig(),
      "export const service = { id: 'q2', name: 'Q two', page: 'p', machine };",
    );
    expect(await loadService(file)).toMatchObject({ id: 'q2', name: 'Q two', page: 'p' });
  });

  it('a JSON machine config (as the Stately editor exports it), with name and page from its meta', async () => {
    const service = await loadService(serviceFile(JSON.stringify(queueConfig('json-q')), 'json'));
    expect(service).toMatchObject({ id: 'json-q', name: 'A queue', page: 'queue-page' });
    expect(validateHistory(service, ['ACTIVE', 'DELETED'], { mode: 'sampled' }).missed[0]?.missed).toEqual([
      'DELETING',
    ]);
  });

  it('a machine without an id is named after its file', async () => {
    const { id: _, ...config } = queueConfig();
    const file = serviceFile(JSON.stringify(config), 'json');
    expect((await loadService(file)).id).toBe(file.replace(/^.*\//, '').replace(/\.json$/, ''));
  });

  it('names the file and what was wrong: invalid JSON with its place, a missing target, no machine, no file', async () => {
    const invalid = serviceFile('{\n  "id": "x",\n  "states": {,}\n}', 'json');
    expect((await loadError(invalid)).message).toMatch(/:3:14: invalid JSON: expected/);
    const config = queueConfig();
    (config.states as Record<string, { on?: unknown }>).ACTIVE!.on = { DELETE: { target: 'NOWHERE' } };
    expect((await loadError(serviceFile(JSON.stringify(config), 'json'))).message).toMatch(
      /not a valid machine: .*NOWHERE/,
    );
    expect((await loadError(serviceFile('export const answer = 42;', 'mjs'))).message).toMatch(
      /expected a Service or an xstate machine as the default export or as "service"; the module exports answer/,
    );
    expect((await loadError(serviceFile('[1]', 'json'))).message).toMatch(
      /expected a JSON object holding a machine config/,
    );
    expect((await loadError('/nonexistent/machine.json')).message).toBe('/nonexistent/machine.json: no such file');
    expect((await loadError('/nonexistent/machine.mjs')).message).toBe('/nonexistent/machine.mjs: no such file');
  });
});
