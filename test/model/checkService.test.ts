import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { STATUS_TAGS, services } from '../../machines/index.js';
import { type CheckRule, checkMachineConfig, checkService, defineService } from '../../src/index.js';
import { queueConfig } from '../support/serviceFiles.js';

type Config = ReturnType<typeof queueConfig> & { states: Record<string, Record<string, unknown>> };
const base = () => queueConfig() as Config;
const rules = (config: unknown) => checkMachineConfig(config).map((f) => f.rule);

describe('checkService', () => {
  it.each(services.map((s) => [s.id, s] as const))('finds nothing in the built-in machine %s', (_, service) => {
    expect(checkService(service)).toEqual([]);
  });

  it('finds nothing in a small valid machine, made by xstate or given as JSON', () => {
    expect(checkMachineConfig(base())).toEqual([]);
    expect(checkService(defineService({ id: 'q', machine: createMachine(base() as never) }))).toEqual([]);
  });

  it('reports a misspelled tag as an error with a suggestion, not as "not transitional"', () => {
    const config = base();
    config.states.ACTIVE!.tags = ['stabel'];
    const findings = checkMachineConfig(config);
    expect(findings.map((f) => f.message)).toContain(
      'ACTIVE: unknown tag "stabel" (did you mean stable?); tags are stable, transitional, failed, final, undocumented',
    );
    expect(findings.find((f) => f.rule === 'unknown-tag')?.status).toBe('ACTIVE');
  });

  const cases: [string, (c: Config) => void, CheckRule, RegExp][] = [
    [
      'no meta',
      (c) => ((c.states.ACTIVE!.on as { DELETE: { meta?: unknown } }).DELETE.meta = undefined),
      'missing-meta',
      /^ACTIVE --DELETE-->: no meta/,
    ],
    ['a bad kind', (c) => (meta(c, 'ACTIVE', 'DELETE').kind = 'request'), 'transition-kind', /meta\.kind is "request"/],
    [
      'documented without a source',
      (c) => (meta(c, 'CREATING', 'CREATED').source = ''),
      'transition-basis',
      /documented, but names no source/,
    ],
    [
      'inferred without a reason',
      (c) => (meta(c, 'ACTIVE', 'DELETE').note = undefined),
      'transition-basis',
      /inferred, but gives no reason/,
    ],
    ['no basis', (c) => (meta(c, 'ACTIVE', 'DELETE').basis = undefined), 'transition-basis', /meta\.basis is missing/],
    [
      'a missing target',
      (c) => ((c.states.ACTIVE!.on as { DELETE: { target: string } }).DELETE.target = 'DELETNG'),
      'unknown-target',
      /ACTIVE --DELETE--> DELETNG: the target is none of the statuses \(did you mean DELETING\?\)/,
    ],
    [
      'an unreachable status',
      (c) => (c.states.LOST = { tags: ['stable'] }),
      'unreachable',
      /^LOST: not reachable from CREATING/,
    ],
    [
      'a transitional status without outcome',
      (c) =>
        (c.states.CREATING!.on = {
          CREATED: { target: 'ACTIVE', meta: { kind: 'operation', basis: 'inferred', note: 'x' } },
        }),
      'no-outcome',
      /^CREATING: transitional, but no outcome leads on/,
    ],
    [
      'a way out of a final status',
      (c) =>
        (c.states.DELETED!.on = {
          UNDELETE: { target: 'ACTIVE', meta: { kind: 'operation', basis: 'inferred', note: 'x' } },
        }),
      'way-out-of-final',
      /^DELETED: final, but transitions lead out of it \(to ACTIVE\)/,
    ],
    [
      'final tag without final type',
      (c) => (c.states.DELETED!.type = undefined),
      'final-tag',
      /tagged final, but not a final state/,
    ],
    [
      'two kinds of tag',
      (c) => (c.states.ACTIVE!.tags = ['stable', 'transitional']),
      'status-kind',
      /needs exactly one of the tags stable, transitional, final; has stable, transitional/,
    ],
    [
      'an event of two kinds',
      (c) => {
        meta(c, 'ACTIVE', 'DELETE').kind = 'outcome';
        c.states.DELETING!.on = {
          DELETED: { target: 'DELETED', meta: { kind: 'outcome', basis: 'inferred', note: 'x' } },
          DELETE: { target: 'DELETING', meta: { kind: 'operation', basis: 'inferred', note: 'x' } },
        };
      },
      'event-kinds',
      /^DELETE: one event must have one kind everywhere/,
    ],
    [
      'an unknown initial status',
      (c) => (c.initial = 'NEW'),
      'unknown-initial',
      /the initial status "NEW" is none of the statuses/,
    ],
  ];
  it.each(cases)('reports %s, one line naming the status and event', (_, breakIt, rule, message) => {
    const config = base();
    breakIt(config);
    const findings = checkMachineConfig(config);
    const found = findings.filter((f) => f.rule === rule);
    expect(found.length, JSON.stringify(findings)).toBeGreaterThan(0);
    expect(found.map((f) => f.message).join('\n')).toMatch(new RegExp(message.source, 'm'));
    for (const f of findings) expect(f.message).not.toMatch(/\n/);
  });

  it('says what it expected of something that is no machine config', () => {
    expect(rules([])).toEqual(['not-a-machine']);
    expect(rules({ id: 'x' })).toEqual(['not-a-machine']);
  });

  it('finds any tag outside the vocabulary on any status (property)', () => {
    const statuses = Object.keys(base().states);
    const notATag = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((t) => !(STATUS_TAGS as readonly string[]).includes(t));
    fc.assert(
      fc.property(fc.constantFrom(...statuses), notATag, (status, tag) => {
        const config = base();
        config.states[status]!.tags = [...(config.states[status]!.tags as string[]), tag];
        const found = checkMachineConfig(config).filter((f) => f.rule === 'unknown-tag');
        return found.length === 1 && found[0]!.status === status && found[0]!.message.includes(JSON.stringify(tag));
      }),
    );
  });
});

function meta(config: Config, status: string, event: string): Record<string, unknown> {
  return (config.states[status]!.on as Record<string, { meta: Record<string, unknown> }>)[event]!.meta;
}
