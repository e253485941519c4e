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

  it('parses, with one node per status, labelled with the status as the API spells it', () => {
    const nodes = new Set(parsed.relations.flatMap((r) => [r.from, r.to]).filter((n) => n !== '[*]'));
    expect([...nodes].map(label).sort()).toEqual(model.states.map((s) => s.status).sort());
  });

  it('has every transition once, labelled by its event (inferred ones marked), the start and the final statuses', () => {
    const drawn = parsed.relations
      .filter((r) => r.from !== '[*]' && r.to !== '[*]')
      .map((r) => `${label(r.from)} | ${label(r.to)} | ${r.label}`);
    const expected = model.transitions.map(
      (t) => `${t.from} | ${t.to} | ${t.basis === 'inferred' ? `${t.event} (inferred)` : t.event}`,
    );
    expect(drawn.sort()).toEqual(expected.sort());
    expect(parsed.relations.filter((r) => r.from === '[*]').map((r) => label(r.to))).toEqual([model.initial]);
    expect(parsed.relations.filter((r) => r.to === '[*]').map((r) => label(r.from))).toEqual(
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
  /** A model of the given statuses, each moving to the next by an event named after it. */
  function modelOf(statuses: readonly string[]): LifecycleModel {
    return {
      service: 'x',
      name: 'x',
      page: 'x',
      initial: statuses[0]!,
      states: statuses.map((status, i) => ({
        status,
        tags: i === statuses.length - 1 ? ['final'] : ['stable'],
        description: 'd',
      })),
      transitions: statuses.slice(1).map((to, i) => ({
        from: statuses[i]!,
        to,
        event: `${statuses[i]} then`,
        kind: 'outcome',
        basis: 'documented',
        source: 's',
        description: 'd',
      })),
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
  );
  const text = fc
    .string({ minLength: 1, maxLength: 14, unit: fc.constantFrom(...'AZaz_09 -:;#"%{}[]<>*,.()'.split('')) })
    .filter((s) => shown(s).length > 0);
  const name = fc.oneof(text, keywords, fc.constantFrom('CREATE FAIL', 'MODIFYING INSTANCE TYPE', 'ScalingUp'));

  it('parses back to the same statuses and transitions, whatever the names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 6 }), (statuses) => {
        fc.pre(new Set(statuses.map(shown)).size === statuses.length);
        const model = modelOf(statuses);
        const parsed = parseStateDiagram(toMermaid(model));
        const label = labelOf(parsed);
        const ids = new Set(parsed.relations.flatMap((r) => [r.from, r.to]).filter((n) => n !== '[*]'));
        expect(ids.size).toBe(statuses.length);
        expect([...ids].map((n) => visible(label(n))).sort()).toEqual(statuses.map(shown).sort());
        const drawn = parsed.relations
          .filter((r) => r.from !== '[*]' && r.to !== '[*]')
          .map((r) => [visible(label(r.from)), visible(label(r.to)), visible(r.label ?? '')]);
        expect(drawn).toEqual(model.transitions.map((t) => [shown(t.from), shown(t.to), shown(t.event)]));
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
