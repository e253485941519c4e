/**
 * `reportJsonChunks`: the `validate --json` output, `JSON.stringify(report, null, 2)` exactly, produced in pieces
 * of a few hundred histories, so a report on a big fleet is never one huge string in memory.
 */
import type { HistoryReport } from '../validation/fleetValidator.js';
import type { InputReportStream } from '../validation/validateInput.js';

const HISTORIES_PER_CHUNK = 500;

/**
 * The report as indented JSON (the fields first: `ok`, `summary`, `histories`, then `service`, `mode`,
 * `fromStart`, `file`, `format`), in pieces whose concatenation ends with a newline.
 *
 * @example for (const chunk of reportJsonChunks(report)) await write(stdout, chunk);
 */
export function* reportJsonChunks(report: InputReportStream): Generator<string, void, undefined> {
  const { ok, summary, histories, ...about } = report;
  const head = JSON.stringify({ ok, summary }, null, 2);
  const tail = JSON.stringify(about, null, 2);
  let part: string[] = [];
  let started = false;
  for (const history of histories) {
    if (part.length === HISTORIES_PER_CHUNK) {
      yield (started ? ',\n' : `${head.slice(0, -2)},\n  "histories": [\n`) + part.join(',\n');
      started = true;
      part = [];
    }
    part.push(indent(JSON.stringify(history, null, 2), '    '));
  }
  if (!started && part.length === 0) {
    yield JSON.stringify({ ok, summary, histories: [] as HistoryReport[], ...about }, null, 2) + '\n';
    return;
  }
  yield (started ? ',\n' : `${head.slice(0, -2)},\n  "histories": [\n`) + part.join(',\n') + '\n';
  yield `  ],\n${tail.slice(2)}\n`;
}

function indent(text: string, by: string): string {
  return by + text.replaceAll('\n', `\n${by}`);
}
