/**
 * toMermaid, read back the way Mermaid's own grammar reads it (test/support/mermaidStateDiagram.ts): for every
 * registered service, and for any status text (spaces, mixed case, Mermaid keywords, punctuation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_TAGS, services } from '../../machines/index.js';
import { toMermaid } from '../../src/diagram/mermaid.js';
import { type LifecycleModel, lifecycleModel } from '../../src/index.js';
import { type ParsedStateDiagram, parseStateDiagram } from '../support/mermaidStateDiagram.js';

/** The label Mermaid shows for each node id: its alias label, or the id itself. */
function labelOf(parsed: ParsedStateDiagram): (id: string) => string {
  return (id) => parsed.aliases.get(id) ?? id;
}

/** The leaf a node id stands for: `STATUS.sub` (the labels) for a state inside a composite state, else its label. */
function leafOf(parsed: ParsedStateDiagram): (id: string) => string {
  const label = labelOf(parsed);
  const parent = new Map([...parsed.composites].flatMap(([p, children]) => children.map((c) => [c, p] as const)));
  return (id) => (parent.has(id) ? `${leafOf(parsed)(parent.get(id)!)}.${label(id)}` : label(id));
}

/** The nodes of a parsed diagram that are not composite states: what the leaves of the model must be. */
function leafNodes(parsed: ParsedStateDiagram): string[] {
  const nodes = new Set(parsed.relations.flatMap((r) => [r.from, r.to]));
  for (const children of parsed.composites.values()) for (const child of children) nodes.add(child);
  nodes.delete('[*]');
  return [...nodes].filter((n) => !parsed.composites.has(n));
}

/** The text as Mermaid shows it once toMermaid has made it safe (replaced characters are spaces; trimmed). */
function shown(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters toMermaid replaces include control ones
  return text.replace(/[":;#\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
}

const visible = (text: string) => text.replaceAll('\u200b', '');

describe.each(services.map((s) => s.id))('the Mermaid diagram of %s', (id) => {
  const model = lifecycleModel(id);
  const parsed = parseStateDiagram(toMermaid(model));
  const label = labelOf(parsed);
  const leaf = leafOf(parsed);

  it('parses, with one node per leaf state (a status, or a sub-state inside its status), labelled as the API spells it', () => {
    expect(leafNodes(parsed).map(leaf).sort()).toEqual(model.leaves.map((l) => l.leaf).sort());
    expect([...parsed.composites.keys()].map(label).sort()).toEqual(
      model.states
        .filter((s) => s.subStates !== undefined)
        .map((s) => s.status)
        .sort(),
    );
  });

  it('enters each status with sub-states at its initial sub-state', () => {
    for (const state of model.states.filter((s) => s.subStates !== undefined)) {
      const starts = parsed.relations.filter(
        (r) => r.from === '[*]' && r.parent !== undefined && label(r.parent) === state.status,
      );
      expect(
        starts.map((r) => leaf(r.to)),
        state.status,
      ).toEqual([state.initialSubState]);
    }
  });

  it('has every transition once, between leaves (inferred ones marked), the start and the final statuses', () => {
    const top = parsed.relations.filter((r) => r.parent === undefined);
    const drawn = top
      .filter((r) => r.from !== '[*]' && r.to !== '[*]')
      .map((r) => `${leaf(r.from)} | ${leaf(r.to)} | ${r.label}`);
    const expected = model.transitions.map(
      (t) => `${t.fromLeaf} | ${t.toLeaf} | ${t.basis === 'inferred' ? `${t.event} (inferred)` : t.event}`,
    );
    expect(drawn.sort()).toEqual(expected.sort());
    expect(top.filter((r) => r.from === '[*]').map((r) => leaf(r.to))).toEqual([model.initialLeaf]);
    expect(top.filter((r) => r.to === '[*]').map((r) => leaf(r.from))).toEqual(
      model.states.filter((s) => s.tags.includes('final')).map((s) => s.status),
    );
  });

  it('classes every status by each of its tags, with a style for each tag used', () => {
    for (const tag of STATUS_TAGS) {
      const members = parsed.classes.filter((c) => c.className === tag).flatMap((c) => c.ids.map(label));
      expect(members.sort(), tag).toEqual(
        model.states
          .filter((s) => s.tags.includes(tag))
          .map((s) => s.status)
          .sort(),
      );
      if (members.length > 0) expect(parsed.classDefs.has(tag), tag).toBe(true);
    }
  });
});

describe('toMermaid with any status text', () => {
  /**
   * A model of the given statuses, each moving to the next by an event named after it. `subs[i]`, when not empty,
   * are the hidden sub-states of status i: it is entered at the first and left from the last, and its first moves to
   * each other one by a hidden event.
   */
  function modelOf(statuses: readonly string[], subs: readonly (readonly string[])[] = []): LifecycleModel {
    const leavesOf = (i: number) => (subs[i]?.length ? subs[i]!.map((sub) => `${statuses[i]}.${sub}`) : [statuses[i]!]);
    const transition = (from: string, to: string, fromLeaf: string, toLeaf: string, event: string) => ({
      from,
      to,
      fromLeaf,
      toLeaf,
      event,
      kind: 'outcome' as const,
      basis: 'documented' as const,
      source: 's',
      description: 'd',
    });
    return {
      service: 'x',
      name: 'x',
      page: 'x',
      initial: statuses[0]!,
      initialLeaf: leavesOf(0)[0]!,
      states: statuses.map((status, i) => ({
        status,
        tags: i === statuses.length - 1 ? ['final'] : ['stable'],
        description: 'd',
        ...(subs[i]?.length ? { subStates: leavesOf(i), initialSubState: leavesOf(i)[0]! } : {}),
      })),
      leaves: statuses.flatMap((status, i) => leavesOf(i).map((leaf) => ({ leaf, status, description: 'd' }))),
      transitions: statuses.flatMap((status, i) => [
        ...leavesOf(i)
          .slice(1)
          .map((leaf) => transition(status, status, leavesOf(i)[0]!, leaf, `${status} hidden`)),
        ...(i + 1 < statuses.length
          ? [transition(status, statuses[i + 1]!, leavesOf(i).at(-1)!, leavesOf(i + 1)[0]!, `${status} then`)]
          : []),
      ]),
    };
  }

  const keywords = fc.constantFrom(
    'state',
    'State',
    'Note',
    'class',
    'classDef',
    'default',
    'DEFAULT_X',
    'scale',
    'direction',
    'direction TB',
    'end',
    'hide empty description',
    'accTitle',
    's0',
    's1',
    'a <<fork>>',
    '[[choice]] x',
    'stateDiagram-v2',
    'as',
    'x as y',
    '--',
    '}',
    '{ }',
  );
  const text = fc
    .string({ minLength: 1, maxLength: 14, unit: fc.constantFrom(...'AZaz_09 -:;#"%{}[]<>*,.()'.split('')) })
    .filter((s) => shown(s).length > 0);
  const name = fc.oneof(text, keywords, fc.constantFrom('CREATE FAIL', 'MODIFYING INSTANCE TYPE', 'ScalingUp'));

  /** The leaf id as it reads back: each part of the dotted id as Mermaid shows it. */
  const shownLeaf = (leaf: string, status: string) =>
    leaf === status ? shown(status) : `${shown(status)}.${shown(leaf.slice(status.length + 1))}`;

  it('parses back to the same statuses, sub-states and transitions, whatever the names', () => {
    const subName = name.filter((n) => !n.includes('.'));
    const statusesAndSubs = fc.uniqueArray(name, { minLength: 2, maxLength: 6 }).chain((statuses) =>
      fc.tuple(
        fc.constant(statuses),
        fc.array(fc.oneof(fc.constant([]), fc.uniqueArray(subName, { minLength: 1, maxLength: 3 })), {
          minLength: statuses.length,
          maxLength: statuses.length,
        }),
      ),
    );
    fc.assert(
      fc.property(statusesAndSubs, ([statuses, subs]) => {
        fc.pre(new Set(statuses.map(shown)).size === statuses.length);
        fc.pre(subs.every((s) => new Set(s.map(shown)).size === s.length));
        const model = modelOf(statuses, subs);
        const parsed = parseStateDiagram(toMermaid(model));
        const leaf = leafOf(parsed);
        const label = labelOf(parsed);
        const nodes = leafNodes(parsed);
        expect(nodes.length).toBe(model.leaves.length);
        expect(nodes.map((n) => visible(leaf(n))).sort()).toEqual(
          model.leaves.map((l) => shownLeaf(l.leaf, l.status)).sort(),
        );
        expect([...parsed.composites.keys()].map((n) => visible(label(n))).sort()).toEqual(
          model.states
            .filter((s) => s.subStates)
            .map((s) => shown(s.status))
            .sort(),
        );
        const drawn = parsed.relations
          .filter((r) => r.from !== '[*]' && r.to !== '[*]')
          .map((r) => [visible(leaf(r.from)), visible(leaf(r.to)), visible(r.label ?? '')]);
        expect(drawn).toEqual(
          model.transitions.map((t) => [shownLeaf(t.fromLeaf, t.from), shownLeaf(t.toLeaf, t.to), shown(t.event)]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps plain ids as they are and aliases the others, without clashing with a status named like an alias', () => {
    const text = toMermaid(modelOf(['NEW STATE', 's0', 'ScalingUp', 'Note']));
    expect(text).toContain('state "NEW STATE" as s0_');
    expect(text).toContain('state "Note" as s3');
    expect(text).toContain('[*] --> s0_');
    expect(text).toContain('s0_ --> s0: NEW STATE then');
    expect(text).toContain('s0 --> ScalingUp: s0 then');
  });
});

describe('toMermaid', () => {
  // services whose statuses are Mermaid ids as they are (the parse-back test above covers the others)
  const plain = services.filter((s) => lifecycleModel(s).states.every((st) => /^[A-Z][A-Z0-9_]*$/.test(st.status)));
  it.each(plain.map((s) => s.id))('draws every transition of %s once, marks inferred ones, and ends finals', (id) => {
    const model = lifecycleModel(id);
    const text = toMermaid(model);
    const lines = text.split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    const node = (leaf: string) => leaf.replace(/\./g, '__'); // a hidden sub-state inside its composite state
    expect(lines).toContain(`  [*] --> ${node(model.initialLeaf)}`);
    for (const t of model.transitions) {
      const label = t.basis === 'inferred' ? `${t.event} (inferred)` : t.event;
      expect(lines.filter((l) => l === `  ${node(t.fromLeaf)} --> ${node(t.toLeaf)}: ${label}`)).toHaveLength(1);
    }
    for (const s of model.states.filter((s) => s.tags.includes('final')))
      expect(lines).toContain(`  ${s.status} --> [*]`);
  });

  it('aliases a status that is not a valid Mermaid id', () => {
    const model = lifecycleModel('kafka');
    const odd = {
      ...model,
      initial: 'NEW STATE',
      initialLeaf: 'NEW STATE',
      states: [{ status: 'NEW STATE', tags: ['transitional' as const], description: 'x' }, ...model.states],
      leaves: [{ leaf: 'NEW STATE', status: 'NEW STATE', description: 'x' }, ...model.leaves],
      transitions: [{ ...model.transitions[0]!, from: 'NEW STATE', fromLeaf: 'NEW STATE' }],
    };
    const text = toMermaid(odd);
    expect(text).toContain('state "NEW STATE" as s0');
    expect(text).toContain('[*] --> s0');
    expect(text).toContain(`s0 --> ${model.transitions[0]!.to}`);
  });
});
