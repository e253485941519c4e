/**
 * Model tests, generic over every registered service: a new machine added to machines/index.ts is checked by
 * everything here for free (it only needs its seed table below).
 */

import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { STATUS_TAGS, services } from '../../machines/index.js';
import { checkService, createValidator, leafOf, leafValue, lifecycleModel, statusGraph } from '../../src/index.js';
import { subStateService } from '../support/subStateService.js';

/**
 * The statuses of each service's documented status table, copied from the documentation page named here (not
 * from the machines), so a machine that drops or invents a documented status fails. `versioned`: the page's
 * versions were audited (issue 11), so the machine must say on each documented status which version documents it
 * (`meta.documentedIn`); the other machines may say it too, for all their documented statuses or for none.
 */
const SEED_TABLES: ReadonlyMap<
  string,
  { page: string; initial: string; statuses: readonly string[]; versioned?: boolean }
> = new Map([
  [
    'kafka',
    {
      page: 'kafka-api-180514012',
      versioned: true,
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
      versioned: true,
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
  return new Set([...reachableLeaves(machine, from, stop)].map((leaf) => leaf.split('.')[0]!));
}

/** The leaf states reachable from `from` (a status or a leaf id), by xstate/graph's traversal. */
function reachableLeaves(
  machine: AnyStateMachine,
  from: string,
  stop?: (s: AnyMachineSnapshot) => boolean,
): Set<string> {
  const fromState = machine.resolveState({ value: leafValue(from), context: undefined });
  const paths = getShortestPaths(machine, { fromState, stopWhen: stop });
  return new Set(paths.map((p) => leafOf(p.state.value)));
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

  it('says on each documented status which version of its seed page documents it (all or none), on no undocumented one', () => {
    const seed = SEED_TABLES.get(id)!;
    const versioned = seed.versioned === true || model.states.some((s) => s.documentedIn !== undefined);
    for (const state of model.states) {
      if (state.tags.includes('undocumented') || !versioned) expect(state.documentedIn, state.status).toBeUndefined();
      else
        expect(state.documentedIn, `${state.status} does not say where it is documented`).toContain(
          `page ${seed.page}`,
        );
    }
  });

  it('describes every hidden sub-state', () => {
    for (const leaf of model.leaves.filter((l) => l.leaf !== l.status))
      expect(leaf.description.length, `${leaf.leaf} has no description`).toBeGreaterThan(10);
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

  it('lets a transitional state move on by outcomes alone (from each of its sub-states)', () => {
    for (const state of model.states.filter((s) => s.tags.includes('transitional'))) {
      for (const leaf of model.leaves.filter((l) => l.status === state.status)) {
        const outcomes = model.transitions.filter((t) => t.fromLeaf === leaf.leaf && t.kind === 'outcome');
        expect(outcomes.length, `${leaf.leaf} is transitional but has no outcome`).toBeGreaterThan(0);
      }
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
});

/**
 * The modelling language, for every service and for the test machine that uses all of it: statuses with hidden
 * sub-states, aliases, transitions between leaf states.
 */
describe.each([...services, subStateService].map((s) => [s.id, s] as const))('language of %s', (_, service) => {
  const model = lifecycleModel(service);
  const machine = service.machine;
  const leafSnapshot = (leaf: string) => machine.resolveState({ value: leafValue(leaf), context: undefined });

  it('lists exactly the transitions that xstate transition() takes from each leaf state (round trip of the plain data)', () => {
    const taken: string[] = [];
    for (const { leaf } of model.leaves) {
      for (const type of machine.events) {
        const [after] = transition(machine, leafSnapshot(leaf), { type });
        const to = leafOf(after.value);
        if (to !== leaf) taken.push(`${leaf} ${type} ${to}`);
      }
    }
    const listed = model.transitions.map((t) => `${t.fromLeaf} ${t.event} ${t.toLeaf}`);
    expect([...listed].sort()).toEqual(taken.sort());
    for (const t of model.transitions) {
      expect(t.from).toBe(t.fromLeaf.split('.')[0]);
      expect(t.to).toBe(t.toLeaf.split('.')[0]);
    }
  });

  it('lists every leaf state of the machine, each under its status, and each status with sub-states lists them', () => {
    const leaves = (node: { states: Record<string, unknown> }, path: string): string[] => {
      const children = Object.entries(node.states as Record<string, { states: Record<string, unknown> }>);
      return children.length === 0 ? [path] : children.flatMap(([key, child]) => leaves(child, `${path}.${key}`));
    };
    const expected = Object.entries(machine.states).flatMap(([status, node]) => leaves(node, status));
    expect(model.leaves.map((l) => l.leaf)).toEqual(expected);
    for (const state of model.states) {
      const own = model.leaves.filter((l) => l.status === state.status).map((l) => l.leaf);
      if (state.subStates === undefined) expect(own).toEqual([state.status]);
      else {
        expect(state.subStates).toEqual(own);
        expect(own).toContain(state.initialSubState);
      }
    }
  });

  it('shows every status with sub-states as one status: the API value, the tags and the validator agree', () => {
    const graph = statusGraph(service);
    for (const state of model.states.filter((s) => s.subStates !== undefined)) {
      for (const leaf of state.subStates!) {
        const snapshot = leafSnapshot(leaf);
        expect(Object.keys(snapshot.value as object)).toEqual([state.status]);
        for (const tag of state.tags) expect(snapshot.hasTag(tag), `${leaf} lacks ${tag}`).toBe(true);
        const sub = machine.getStateNodeById(`${machine.id}.${leaf}`);
        expect(sub.tags, `${leaf} has tags of its own`).toEqual([]);
      }
      const validator = createValidator(service);
      expect(validator.pushStatus(state.status)).toBe(true);
      expect(validator.status).toBe(state.status);
      expect(validator.leaves).toEqual(state.subStates);
      expect(graph.idOf(state.status)).toBeGreaterThanOrEqual(0);
    }
  });

  it('reaches every leaf state (every hidden sub-state) from the initial state', () => {
    expect([...reachableLeaves(machine, model.initial)].sort()).toEqual(model.leaves.map((l) => l.leaf).sort());
  });

  it('spells each alias once, never like a status or another alias, even ignoring case', () => {
    const names = model.states.flatMap((s) => [s.status, ...(s.aliases ?? [])]).map((n) => n.trim().toUpperCase());
    expect(new Set(names).size).toBe(names.length);
  });
});
