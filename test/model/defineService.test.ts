import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { kafkaMachine } from '../../machines/index.js';
import {
  BadArgumentError,
  coveringPaths,
  defineService,
  expectations,
  lifecycleModel,
  simulate,
  statusGraph,
  validateHistory,
} from '../../src/index.js';
import { viewerData, viewerHtml } from '../../src/viewer/index.js';
import { queueConfig } from '../support/serviceFiles.js';

const queueMachine = createMachine(queueConfig() as never);

describe('defineService', () => {
  it('names a machine: name defaults to the id, page to empty; the result is frozen', () => {
    const service = defineService({ id: 'queue', machine: queueMachine });
    expect(service).toMatchObject({ id: 'queue', name: 'queue', page: '' });
    expect(Object.isFrozen(service)).toBe(true);
    expect(defineService({ id: 'q', name: 'Queue', page: 'p', machine: queueMachine }).name).toBe('Queue');
  });

  it('rejects what is not a service with a BadArgumentError', () => {
    expect(() => defineService({ id: '', machine: queueMachine })).toThrow(BadArgumentError);
    expect(() => defineService({ id: 'q', machine: {} as typeof queueMachine })).toThrow(/not an xstate machine/);
  });

  it('every function of the library takes it', () => {
    const service = defineService({ id: 'queue', machine: queueMachine });
    expect(lifecycleModel(service).initial).toBe('CREATING');
    expect(validateHistory(service, ['CREATING', 'ACTIVE', 'DELETED'], { mode: 'sampled' }).ok).toBe(true);
    expect(
      expectations(service, ['DELETED'], { from: ['ACTIVE'], after: 'DELETE' }).pending.map((p) => p.status),
    ).toEqual(['DELETING']);
    expect(simulate(service, { seed: 1 }).observations.at(-1)?.status).toBe('DELETED');
    expect(coveringPaths(service).uncovered).toEqual([]);
  });

  it('two services sharing one machine keep their own ids (caches are keyed by the service)', () => {
    const a = defineService({ id: 'a', machine: queueMachine });
    const b = defineService({ id: 'b', machine: queueMachine });
    expect(lifecycleModel(a).service).toBe('a');
    expect(lifecycleModel(b).service).toBe('b');
    expect(statusGraph(a)).not.toBe(statusGraph(b));
    expect(validateHistory(b, ['ACTIVE', 'CREATING']).violations[0]?.message).toMatch(/no transition of b leads there/);
  });

  it('a custom service with a built-in id is itself everywhere, not the built-in one', async () => {
    const impostor = defineService({ id: 'kafka', name: 'Not Kafka', machine: queueMachine });
    const data = viewerData(impostor, [{ observations: [{ status: 'CREATING' }, { status: 'ACTIVE' }] }]);
    expect(data.statuses).toEqual(['CREATING', 'ACTIVE', 'DELETING', 'DELETED']);
    expect(data.instances[0]!.verdict.ok).toBe(true);
    const html = await viewerHtml(impostor, [{ observations: [{ status: 'ACTIVE' }] }]);
    expect(html).toContain('Not Kafka');
    expect(html).not.toContain('EXTENDEDFAILED'); // the built-in Kafka diagram would have it
    expect(lifecycleModel(impostor).states).toHaveLength(4);
    expect(lifecycleModel('kafka').states.length).toBeGreaterThan(4);
    expect(kafkaMachine).not.toBe(queueMachine);
  });

  it('viewerHtml works with a custom service (it used to throw "unknown service")', async () => {
    const service = defineService({ id: 'queue', machine: queueMachine });
    await expect(viewerHtml(service)).resolves.toContain('queue');
  });
});
