/**
 * Status and event names of the built-in services are checked at compile time (`npm test` type-checks the tests,
 * so each `@ts-expect-error` below fails the run if the line compiles); other services take any string.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { kafkaMachine } from '../../machines/index.js';
import {
  coveringPaths,
  expectations,
  type Service,
  type StatusOf,
  shortestPaths,
  simulate,
  waitForStatus,
} from '../../src/index.js';
import { createSimulatedInstance } from '../../src/testing/index.js';

describe('typed status and event names', () => {
  it('built-in services: a misspelled name does not compile (and is still refused at run time)', async () => {
    // @ts-expect-error DELTED is no status of kafka
    expect(() => expectations('kafka', 'DELTED')).toThrow(/did you mean DELETED/);
    // @ts-expect-error DELET is no event of kafka
    expect(() => expectations('kafka', 'DELETED', { after: 'DELET' })).toThrow(/unknown operation/);
    // @ts-expect-error RESTORING is a DCS status, not a Kafka one
    expect(() => shortestPaths('kafka', { to: 'RESTORING' })).toThrow(/unknown status/);
    // @ts-expect-error
    expect(() => coveringPaths('dcs', { from: 'ROLLBACK' })).toThrow(/unknown status/);
    // @ts-expect-error
    expect(() => simulate('dcs', { from: 'RUNING' })).toThrow(/unknown status/);
    // @ts-expect-error
    expect(() => createSimulatedInstance('kafka', { from: 'RESTORING' })).toThrow(/unknown status/);
    // @ts-expect-error DELTED is no status of kafka
    const misspelled = waitForStatus({ service: 'kafka', target: 'DELTED', poll: () => 'RUNNING', timeout: 0 });
    await expect(misspelled).rejects.toThrow(/unknown status/);
  });

  it('built-in services: the status type is exactly the machine’s statuses', () => {
    expectTypeOf<'DELETED'>().toExtend<StatusOf<'kafka'>>();
    expectTypeOf<'RESTORING'>().toExtend<StatusOf<'dcs'>>();
    expectTypeOf<'RESTORING'>().not.toExtend<StatusOf<'kafka'>>();
    expectTypeOf<StatusOf<Service<typeof kafkaMachine>>>().toEqualTypeOf<StatusOf<'kafka'>>();
  });

  it('other services and plain strings: any name compiles, and is checked at run time', () => {
    const id: string = 'kafka';
    expectTypeOf<StatusOf<typeof id>>().toEqualTypeOf<string>();
    expectTypeOf<StatusOf<'my-service'>>().toEqualTypeOf<string>();
    expectTypeOf<StatusOf<Service>>().toEqualTypeOf<string>();
    expect(() => expectations(id, 'DELTED')).toThrow(/did you mean DELETED/);
    expect(expectations(id, 'DELETED').target).toEqual(['DELETED']);
  });
});
