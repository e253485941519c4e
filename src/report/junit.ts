/**
 * `reportJunit`: a fleet report as JUnit XML, the test report format CI systems read (Jenkins, GitLab, GitHub
 * actions...): one `<testsuite>` in a `<testsuites>` root, and one `<testcase>` per instance, failing with the
 * validator's messages where its history is illegal; or one per drift finding (`by: 'drift'`). The structure is the
 * common JUnit schema's: counts as attributes (`tests`, `failures`, `errors`, `skipped`, `time`), `<failure
 * message type>` with the details as text. Text from the input is escaped, and characters XML cannot carry at all
 * (control characters, lone surrogates) are written as `\uXXXX`.
 */
import { BadArgumentError } from '../model/badArgument.js';
import type { HistoryReport } from '../validation/index.js';
import type { ConformanceReport, DriftFinding } from './types.js';

/** What the test cases stand for. */
export type JunitBy = 'instance' | 'drift';

/** Options of {@link reportJunit}. */
export interface JunitOptions {
  /** One test case per instance (default; the report must have `histories`) or per drift finding. */
  by?: JunitBy;
}

interface TestCase {
  name: string;
  failure?: { message: string; type: string; text: string };
}

/**
 * The report as a JUnit XML document.
 *
 * @example await writeFile('conformance.xml', reportJunit(await reportInputs('kafka', ['fleet.ndjson'], { histories: true })));
 */
export function reportJunit(report: ConformanceReport, options: JunitOptions = {}): string {
  const by = options.by ?? 'instance';
  const cases = by === 'drift' ? driftCases(report) : instanceCases(report);
  const failures = cases.filter((c) => c.failure).length;
  const files = report.inputs.map((i) => i.file).join(', ');
  const suite = `${report.service} ${by === 'drift' ? 'drift' : 'conformance'} (${report.mode} mode): ${files}`;
  const classname = `instance-lifecycle.${report.service}.${by}`;
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="instance-lifecycle report" ${counts}>`,
    `  <testsuite name="${attribute(suite)}" ${counts}>`,
    '    <properties>',
    ...[
      ['service', report.service],
      ['mode', report.mode],
      ['fromStart', String(report.fromStart)],
      ['inputs', files],
      ['driftMin', String(report.drift.minInstances)],
    ].map(([name, value]) => `      <property name="${attribute(name!)}" value="${attribute(value!)}"/>`),
    '    </properties>',
  ];
  for (const c of cases) {
    const head = `    <testcase name="${attribute(c.name)}" classname="${attribute(classname)}" time="0"`;
    if (!c.failure) {
      lines.push(`${head}/>`);
      continue;
    }
    const f = c.failure;
    lines.push(
      `${head}>`,
      `      <failure message="${attribute(f.message)}" type="${attribute(f.type)}">${text(f.text)}</failure>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}

function instanceCases(report: ConformanceReport): TestCase[] {
  if (!report.histories)
    throw new BadArgumentError('JUnit by instance needs the histories: make the report with { histories: true }');
  const single = report.inputs.length === 1 ? report.inputs[0]!.file : undefined;
  return report.histories.map((h) => instanceCase(h, single));
}

function instanceCase(history: HistoryReport, file: string | undefined): TestCase {
  const name = history.instance === null ? 'history (records without an instance id)' : `instance ${history.instance}`;
  if (history.ok) return { name };
  const where = (line: number | undefined) =>
    line === undefined ? (file ?? 'input') : file === undefined ? `line ${line}` : `${file}:${line}`;
  const first = history.violations[0]!;
  const more = history.omitted?.violations ?? 0;
  const details = history.violations.map((v) => `${where(v.line)}: ${v.message}`);
  if (more > 0) details.push(`... and ${more} more violations (counted, not kept)`);
  return { name, failure: { message: first.message, type: first.kind, text: details.join('\n') } };
}

function driftCases(report: ConformanceReport): TestCase[] {
  const findings = report.drift.findings;
  if (findings.length === 0)
    return [{ name: `no drift: no violation in ${report.drift.minInstances} or more instances` }];
  return findings.map((finding) => driftCase(finding));
}

function driftCase(finding: DriftFinding): TestCase {
  const pair = finding.from === undefined ? finding.to : `${finding.from} → ${finding.to}`;
  const evidence = finding.evidence.map((e) => {
    const who = e.instance === null ? 'records without an instance id' : `instance ${e.instance}`;
    const lines = e.lines.length > 0 ? `${e.file}:${e.lines.join(',')}` : e.file;
    return `${who}: ${lines} (${e.count}x)`;
  });
  const rest = finding.instances - finding.evidence.length;
  if (rest > 0) evidence.push(`... and ${rest} more instances`);
  return {
    name: `drift: ${pair} (${finding.kind})`,
    failure: {
      message: `${pair}: seen ${finding.count} times in ${finding.instances} instances; ${finding.message}`,
      type: finding.kind,
      text: evidence.join('\n'),
    },
  };
}

/** Text for an XML attribute value. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Text for XML character data: markup escaped, and characters XML 1.0 cannot carry written as `\uXXXX`. */
function text(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      // C0 controls other than tab, newline and return; DEL and C1; lone surrogates; U+FFFE and U+FFFF
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to replace
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/\r/g, '&#13;');
}
