/**
 * Model tests, generic over every registered service: a new machine added to machines/index.ts is checked by
 * everything here for free (it only needs its seed table below).
 */

import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { STATUS_TAGS, services } from '../../machines/index.js';
import { checkService, lifecycleModel } from '../../src/index.js';

/**
 * The statuses of each service's documented status table, copied from the documentation page named here (not
 * from the machines), so a machine that drops or invents a documented status fails.
 */
const SEED_TABLES: ReadonlyMap<string, { page: string; initial: string; statuses: readonly string[] }> = new Map([
  [
    'kafka',
    {
      page: 'kafka-api-180514012',
      initial: 'CREATING',
      statuses: [
        'CREATING',
        'CREATEFAILED',
        'RUNNING',
        'ERROR',
        'RESTARTING',
        'EXTENDING',
        'EXTENDEDFAILED',
        'DELETING',
        'DELETED',
        'FROZEN',
        'UPGRADING',
        'ROLLBACK',
      ],
    },
  ],
  [
    'dcs',
    {
      page: 'dcs-api-0312047',
      initial: 'CREATING',
      statuses: ['CREATING', 'CREATEFAILED', 'RUNNING', 'ERROR', 'RESTARTING', 'EXTENDING', 'RESTORING'],
    },
  ],
  [
    'ecs',
    {
      page: 'en-us_topic_0178420672',
      initial: 'BUILD',
      statuses: [
        'BUILD',
        'REBOOT',
        'HARD_REBOOT',
        'REBUILD',
        'MIGRATING',
        'RESIZE',
        'ACTIVE',
        'SHUTOFF',
        'REVERT_RESIZE',
        'VERIFY_RESIZE',
        'ERROR',
        'DELETED',
        'SHELVED',
        'SHELVED_OFFLOADED',
        'UNKNOWN',
      ],
    },
  ],
  [
    'rocketmq',
    {
      page: 'hrm-api-0010',
      initial: 'CREATING',
      statuses: ['CREATING', 'RUNNING', 'ERROR', 'RESTARTING', 'EXTENDING', 'EXTENDEDFAILED', 'DELETING'],
    },
  ],
  [
    'rds',
    {
      page: 'rds_01_0004',
      initial: 'BUILD',
      statuses: [
        'BUILD',
        'CREATE FAIL',
        'ACTIVE',
        'FAILED',
        'MODIFYING',
        'REBOOTING',
        'RESTORING',
        'MODIFYING INSTANCE TYPE',
        'SWITCHOVER',
        'MIGRATING',
        'BACKING UP',
        'MODIFYING DATABASE PORT',
        'SHUTDOWN',
      ],
    },
  ],
  [
    'cce',
    {
      page: 'cce_02_0238',
      initial: 'Creating',
      statuses: [
        'Available',
        'Unavailable',
        'ScalingUp',
        'ScalingDown',
        'Creating',
        'Deleting',
        'Upgrading',
        'Resizing',
        'Empty',
      ],
    },
  ],
  [
    'rabbitmq',
    {
      // Huawei Cloud's page: no Open Telekom Cloud page exists for RabbitMQ. These are the rows that could be read.
      page: 'rabbitmq-api-180514012',
      initial: 'CREATING',
      statuses: [
        'CREATING',
        'RUNNING',
        'ERROR',
        'RESTARTING',
        'STARTING',
        'EXTENDING',
        'EXTENDEDFAILED',
        'FROZEN',
        'FREEZING',
        'UPGRADING',
        'ROLLINGBACK',
      ],
    },
  ],
]);

function snapshotAt(machine: AnyStateMachine, status: string): AnyMachineSnapshot {
  return machine.resolveState({ value: status, context: undefined });
}

/** The statuses reachable from `from` (itself included) by xstate/graph's traversal, stopping where `stop` says. */
function reachable(machine: AnyStateMachine, from: string, stop?: (s: AnyMachineSnapshot) => boolean): Set<string> {
  const paths = getShortestPaths(machine, { fromState: snapshotAt(machine, from), stopWhen: stop });
  return new Set(paths.map((p) => String(p.state.value)));
}

describe.each(services.map((s) => [s.id, s] as const))('machine %s', (id, service) => {
  const model = lifecycleModel(service);
  const machine = service.machine;
  const statuses = model.states.map((s) => s.status);

  it('is registered with the page of its seed table', () => {
    const seed = SEED_TABLES.get(id);
    expect(seed, `no seed table in this test for service ${id}`).toBeDefined();
    expect(service.page).toBe(seed!.page);
  });

  it('has exactly the documented statuses, plus only states tagged undocumented (with evidence)', () => {
    const seed = SEED_TABLES.get(id)!;
    const documented = model.states.filter((s) => !s.tags.includes('undocumented')).map((s) => s.status);
    expect([...documented].sort()).toEqual([...seed.statuses].sort());
    for (const state of model.states.filter((s) => s.tags.includes('undocumented'))) {
      expect(seed.statuses).not.toContain(state.status);
      expect(state.evidence, `${state.status} has no evidence`).toBeTruthy();
    }
  });

  it('follows every rule of checkService (what `instance-lifecycle check` runs on a machine of your own)', () => {
    expect(checkService(service)).toEqual([]);
  });

  it('starts at the creation status of its seed table', () => {
    expect(model.initial).toBe(SEED_TABLES.get(id)!.initial);
  });

  it('describes every state and tags it from the vocabulary: exactly one of stable, transitional, final', () => {
    for (const state of model.states) {
      expect(state.description.length, `${state.status} has no description`).toBeGreaterThan(10);
      for (const tag of state.tags) expect(STATUS_TAGS).toContain(tag);
      const kinds = state.tags.filter((t) => t === 'stable' || t === 'transitional' || t === 'final');
      expect(kinds, `${state.status}: ${state.tags.join(',')}`).toHaveLength(1);
      expect(state.tags.includes('final')).toBe(machine.states[state.status]!.type === 'final');
    }
  });

  it('reaches every state from the initial state', () => {
    expect([...reachable(machine, model.initial)].sort()).toEqual([...statuses].sort());
  });

  it('reaches a stable or final state from every non-final state', () => {
    for (const state of model.states.filter((s) => !s.tags.includes('final'))) {
      const settled = [...reachable(machine, state.status)].filter((status) => {
        const tags = model.states.find((s) => s.status === status)!.tags;
        return status !== state.status && (tags.includes('stable') || tags.includes('final'));
      });
      expect(settled.length, `${state.status} never settles`).toBeGreaterThan(0);
    }
  });

  it('lets a transitional state move on by outcomes alone', () => {
    for (const state of model.states.filter((s) => s.tags.includes('transitional'))) {
      const outcomes = model.transitions.filter((t) => t.from === state.status && t.kind === 'outcome');
      expect(outcomes.length, `${state.status} is transitional but has no outcome`).toBeGreaterThan(0);
    }
  });

  it('has no way out of a final state', () => {
    for (const state of model.states.filter((s) => s.tags.includes('final'))) {
      expect(model.transitions.filter((t) => t.from === state.status)).toEqual([]);
      for (const type of machine.events) {
        const [after] = transition(machine, snapshotAt(machine, state.status), { type });
        expect(after.value).toBe(state.status);
      }
    }
  });

  it('targets only existing states, and gives every transition a description and a basis', () => {
    for (const t of model.transitions) {
      const where = `${t.from} --${t.event}--> ${t.to}`;
      expect(statuses, where).toContain(t.to);
      expect(t.description.length, where).toBeGreaterThan(5);
      expect(['documented', 'inferred'], where).toContain(t.basis);
      if (t.basis === 'documented') expect(t.source, `${where} is documented but names no source`).toBeTruthy();
      else expect(t.note, `${where} is inferred but gives no reason`).toBeTruthy();
    }
  });

  it('gives each event one kind (operation, outcome or failure outcome) everywhere it is used', () => {
    const kinds = new Map<string, Set<string>>();
    for (const t of model.transitions) {
      if (t.failure) expect(t.kind, `${t.event} is a failure but not an outcome`).toBe('outcome');
      kinds.set(t.event, (kinds.get(t.event) ?? new Set()).add(t.failure ? 'failure' : t.kind));
    }
    for (const [event, set] of kinds) expect([...set], event).toHaveLength(1);
    expect([...kinds.keys()].sort()).toEqual([...machine.events].sort());
  });

  it('lists exactly the transitions that xstate transition() takes (round trip of the plain data)', () => {
    const taken: string[] = [];
    for (const from of statuses) {
      for (const type of machine.events) {
        const [after] = transition(machine, snapshotAt(machine, from), { type });
        if (after.value !== from) taken.push(`${from} ${type} ${String(after.value)}`);
      }
    }
    const listed = model.transitions.map((t) => `${t.from} ${t.event} ${t.to}`);
    expect([...listed].sort()).toEqual(taken.sort());
  });
});
