/**
 * JUnit XML from the fleet report, checked against the structure of the common JUnit schema (the one CI systems
 * read): parsed strictly, with each element where the schema puts it, the required attributes, and counts that
 * match the test cases. Instance ids with XML's special and forbidden characters come out well-formed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifecycleModel, type Observation, statusGraph, validateFleet } from '../../src/index.js';
import { fleetReport, reportJunit } from '../../src/report/index.js';
import { fleetLog } from '../support/fleetArbitrary.js';
import { childElements, parseXml, textOf, type XmlElement } from '../support/xml.js';

const service = 'kafka';

/** Text XML carries as it is: no control characters (tab and newline aside) and no surrogates, lone or paired. */
function carriedAsIs(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 9 && code !== 10) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0xd800 && code <= 0xdfff)
    )
      return false;
  }
  return true;
}

/** Check the schema's structure; returns the test cases. */
function checkJunitStructure(xml: string): XmlElement[] {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  const whole = (value: string | undefined) => {
    expect(value).toMatch(/^\d+$/);
    return Number(value);
  };
  const suites = childElements(root);
  expect(suites.length).toBeGreaterThan(0);
  const all: XmlElement[] = [];
  let tests = 0;
  let failures = 0;
  for (const suite of suites) {
    expect(suite.name).toBe('testsuite');
    expect(typeof suite.attributes.name).toBe('string');
    for (const attribute of ['tests', 'failures', 'errors', 'skipped']) whole(suite.attributes[attribute]);
    expect(Number(suite.attributes.time)).toBeGreaterThanOrEqual(0);
    const children = childElements(suite);
    // properties? testcase* (system-out and system-err are not used)
    const cases = children.filter((c) => c.name === 'testcase');
    expect(children.map((c) => c.name)).toEqual([
      ...(children[0]?.name === 'properties' ? ['properties'] : []),
      ...cases.map(() => 'testcase'),
    ]);
    for (const property of children.filter((c) => c.name === 'properties').flatMap((p) => childElements(p))) {
      expect(property.name).toBe('property');
      expect(Object.keys(property.attributes).sort()).toEqual(['name', 'value']);
    }
    let suiteFailures = 0;
    for (const testcase of cases) {
      expect(testcase.attributes.name?.length).toBeGreaterThan(0);
      expect(typeof testcase.attributes.classname).toBe('string');
      expect(Number(testcase.attributes.time)).toBeGreaterThanOrEqual(0);
      const inner = childElements(testcase);
      expect(inner.every((c) => c.name === 'failure')).toBe(true);
      expect(inner.length).toBeLessThanOrEqual(1);
      for (const failure of inner) {
        expect(typeof failure.attributes.message).toBe('string');
        expect(typeof failure.attributes.type).toBe('string');
      }
      if (inner.length > 0) suiteFailures++;
    }
    expect(whole(suite.attributes.tests)).toBe(cases.length);
    expect(whole(suite.attributes.failures)).toBe(suiteFailures);
    expect(whole(suite.attributes.errors)).toBe(0);
    tests += cases.length;
    failures += suiteFailures;
    all.push(...cases);
  }
  if (root.attributes.tests !== undefined) expect(whole(root.attributes.tests)).toBe(tests);
  if (root.attributes.failures !== undefined) expect(whole(root.attributes.failures)).toBe(failures);
  return all;
}

describe('reportJunit', () => {
  it("has one test case per instance, failing with the validator's first message (property)", async () => {
    const awkward = fc.constantFrom(
      'a&b',
      '<x>',
      'quote"d',
      "it's",
      'tab\tnew\nline',
      'bell\u0007',
      '\ud800lone',
      '😀',
    );
    await fc.assert(
      fc.asyncProperty(fleetLog(service), awkward, async (log, id) => {
        const renamed = log.map((o) => (o.instance === 'i-0' ? { ...o, instance: `${id}-0` } : o));
        const report = await fleetReport(service, renamed, { mode: 'sampled', histories: true });
        const cases = checkJunitStructure(reportJunit(report));
        const validation = await validateFleet(service, renamed, { mode: 'sampled' });
        expect(cases).toHaveLength(validation.histories.length);
        for (const [i, history] of validation.histories.entries()) {
          const testcase = cases[i]!;
          if (history.instance !== null && carriedAsIs(history.instance))
            expect(testcase.attributes.name).toBe(`instance ${history.instance}`);
          const [failure] = childElements(testcase, 'failure');
          expect(failure === undefined).toBe(history.ok);
          if (failure) {
            const first = history.violations[0]!;
            if (carriedAsIs(first.message)) expect(failure.attributes.message).toBe(first.message);
            expect(failure.attributes.type).toBe(first.kind);
            expect(textOf(failure).split('\n')).toHaveLength(history.violations.length + (history.omitted ? 1 : 0));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('has one test case per drift finding, with the evidence; one passing case when there is none', async () => {
    const graph = statusGraph(service);
    const from = lifecycleModel(service).initial;
    const to = graph.statuses.find((s) => s !== from && !graph.allowedStrict[graph.idOf(from)]!.includes(s))!;
    const log: Observation[] = [0, 1, 2].flatMap((k) => [
      { instance: `i-${k}`, status: from, line: 2 * k + 1 },
      { instance: `i-${k}`, status: to, line: 2 * k + 2 },
    ]);
    const report = await fleetReport(service, log, { histories: true });
    const [drift] = checkJunitStructure(reportJunit(report, { by: 'drift' }));
    expect(drift!.attributes.name).toBe(`drift: ${from} → ${to} (illegal-transition)`);
    const failure = childElements(drift!, 'failure')[0]!;
    expect(failure.attributes.message).toContain('seen 3 times in 3 instances');
    expect(textOf(failure).split('\n')).toEqual([
      'instance i-0: <input>:2 (1x)',
      'instance i-1: <input>:4 (1x)',
      'instance i-2: <input>:6 (1x)',
    ]);
    const none = checkJunitStructure(reportJunit(await fleetReport(service, log.slice(0, 2)), { by: 'drift' }));
    expect(none.map((c) => [c.attributes.name, childElements(c).length])).toEqual([
      ['no drift: no violation in 3 or more instances', 0],
    ]);
  });

  it('needs the histories for test cases per instance', async () => {
    const report = await fleetReport(service, [{ status: lifecycleModel(service).initial }]);
    expect(() => reportJunit(report)).toThrow(/histories: true/);
  });

  it('the strict parser used here rejects what is not XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a b="1" b="2"/>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(parseXml('<a b="&lt;&#65;"/>').attributes.b).toBe('<A');
  });
});
