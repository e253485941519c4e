import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_TAGS, services } from '../../machines/index.js';
import { toDot } from '../../src/diagram/dot.js';
import { OPERATION_COLOUR, OUTCOME_COLOUR, stateColours } from '../../src/diagram/palette.js';
import { inlineSvg, lifecycleSvg, renderSvg, svgSize } from '../../src/diagram/svg.js';
import { type LifecycleModel, lifecycleModel } from '../../src/index.js';
import { runCliCapture } from '../support/cliHarness.js';
import { svgElements } from '../support/svgElements.js';

describe.each(services.map((s) => s.id))('the SVG diagram of %s', (id) => {
  const model = lifecycleModel(id);

  it('draws every status once, labelled with it, classed and filled by its tags', async () => {
    const elements = svgElements(await lifecycleSvg(id));
    model.states.forEach((state, index) => {
      const drawn = elements.filter((e) => e.id === `state-${index}`);
      expect(drawn).toHaveLength(1);
      expect(drawn[0]!.texts).toEqual([state.status]);
      expect(drawn[0]!.classes).toEqual(['node', 'state', ...state.tags]);
      expect(drawn[0]!.fill).toBe(stateColours(state.tags).fill);
      expect(drawn[0]!.dashed).toBe(state.tags.includes('undocumented'));
    });
  });

  it('draws every transition labelled by its event: inferred dashed, documented solid, operations in their own colour', async () => {
    const elements = svgElements(await lifecycleSvg(id));
    model.transitions.forEach((t, index) => {
      const drawn = elements.find((e) => e.id === `transition-${index}`);
      expect(drawn, `${t.from} -${t.event}-> ${t.to}`).toBeDefined();
      expect(drawn!.texts).toEqual([t.event]);
      expect(drawn!.classes).toEqual(['edge', 'transition', t.kind, t.basis]);
      expect(drawn!.dashed).toBe(t.basis === 'inferred');
      expect(drawn!.stroke).toBe(t.kind === 'operation' ? OPERATION_COLOUR : OUTCOME_COLOUR);
    });
    expect(elements.filter((e) => e.classes.includes('transition'))).toHaveLength(model.transitions.length);
  });

  it('has a legend naming every tag the machine uses, and only those', async () => {
    const legend = svgElements(await lifecycleSvg(id)).find((e) => e.id === 'legend');
    expect(legend).toBeDefined();
    for (const tag of STATUS_TAGS) {
      const used = model.states.some((s) => s.tags.includes(tag));
      expect(legend!.texts.includes(tag), tag).toBe(used);
    }
    for (const word of ['operation', 'outcome', 'documented', 'inferred']) {
      const used = model.transitions.some((t) => t.kind === word || t.basis === word);
      expect(
        legend!.texts.some((text) => text.startsWith(`${word}:`)),
        word,
      ).toBe(used);
    }
  });

  it('renders the same bytes every time (so docs/ can be checked for staleness), in one of the two directions', async () => {
    const svg = await lifecycleSvg(id);
    expect(await lifecycleSvg(id)).toBe(svg);
    const layouts = await Promise.all(
      (['TB', 'LR'] as const).map((direction) => renderSvg(toDot(model, { direction }))),
    );
    expect(layouts).toContain(svg);
  });

  it('stays readable on a page: fitted to 1600 pixels wide, its smallest text is at least 8 pixels high', async () => {
    const { width, height } = svgSize(await lifecycleSvg(id));
    const pixels = 4 / 3; // CSS pixels per point
    const scale = Math.min(1, 1600 / (width * pixels));
    expect(10 * pixels * scale, `${id} is ${Math.round(width)} x ${Math.round(height)} pt`).toBeGreaterThanOrEqual(8);
    expect(width / height).toBeLessThanOrEqual(2);
  });
});

describe('toDot', () => {
  /** A one-transition model whose two statuses are the given strings. */
  function modelWith(a: string, b: string): LifecycleModel {
    const base = lifecycleModel('kafka');
    return {
      ...base,
      initial: a,
      states: [
        { status: a, tags: ['transitional'], description: `"${a}"` },
        { status: b, tags: ['stable'], description: 'b\\n' },
      ],
      transitions: [
        {
          from: a,
          to: b,
          event: `${a}>${b}`,
          kind: 'outcome',
          basis: 'inferred',
          note: '"quoted" \\',
          description: '',
        },
      ],
    };
  }

  it('draws any printable status text literally (quotes, backslashes, markup, prototype names)', async () => {
    const printable = fc
      .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'AZ_az09 "\\<>&\'-{}[];=#'.split('')) })
      .filter((s) => s.trim() === s && !s.includes('  '));
    const names = fc.oneof(
      printable,
      fc.constantFrom('__proto__', 'constructor', '</svg>', 'N', '"', '&#65;', '&#;', '&#;A', '&lt;x', 'a&amp;b'),
    );
    await fc.assert(
      fc.asyncProperty(names, names, async (a, b) => {
        fc.pre(a !== b);
        const elements = svgElements(await renderSvg(toDot(modelWith(a, b))));
        expect(elements.find((e) => e.id === 'state-0')!.texts).toEqual([a]);
        expect(elements.find((e) => e.id === 'state-1')!.texts).toEqual([b]);
        expect(elements.find((e) => e.id === 'transition-0')!.texts).toEqual([`${a}>${b}`]);
      }),
      { numRuns: 40, seed: 85 },
    );
  });

  it('refuses a transition to a status the model does not list', () => {
    const model = lifecycleModel('kafka');
    const broken = { ...model, transitions: [{ ...model.transitions[0]!, to: 'NOWHERE' }] };
    expect(() => toDot(broken)).toThrow(/NOWHERE/);
  });
});

describe('inlineSvg', () => {
  it('keeps only the <svg> element, without prolog, DOCTYPE or comments', async () => {
    const svg = inlineSvg(await lifecycleSvg('dcs'));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toContain('<!');
    expect(svg).not.toContain('<?xml');
  });
});

describe('instance-lifecycle graph --format svg', () => {
  it('prints the SVG diagram of the service', async () => {
    const result = await runCliCapture(['graph', 'kafka', '--format', 'svg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await lifecycleSvg('kafka'));
    expect(result.stdout).toContain('</svg>');
  });
});
