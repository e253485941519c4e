/**
 * `reportJsonChunks`: the `validate --json` output, `JSON.stringify(report, null, 2)` exactly, produced in pieces
 * of a few hundred histories, so a report on a big fleet is never one huge string in memory.
 */
import type { InputReport } from '../validation/validateInput.js';

const HISTORIES_PER_CHUNK = 500;

/**
 * The report as indented JSON (the fields first: `ok`, `summary`, `histories`, then `service`, `mode`,
 * `fromStart`, `file`, `format`), in pieces whose concatenation ends with a newline.
 *
 * @example for (const chunk of reportJsonChunks(report)) await write(stdout, chunk);
 */
export function* reportJsonChunks(report: InputReport): Generator<string, void, undefined> {
  const { ok, summary, histories, ...about } = report;
  const head = JSON.stringify({ ok, summary }, null, 2);
  const tail = JSON.stringify(about, null, 2);
  if (histories.length === 0) {
    yield JSON.stringify({ ok, summary, histories, ...about }, null, 2) + '\n';
    return;
  }
  yield `${head.slice(0, -2)},\n  "histories": [\n`;
  for (let start = 0; start < histories.length; start += HISTORIES_PER_CHUNK) {
    const part = histories
      .slice(start, start + HISTORIES_PER_CHUNK)
      .map((history) => indent(JSON.stringify(history, null, 2), '    '));
    const last = start + HISTORIES_PER_CHUNK >= histories.length;
    yield part.join(',\n') + (last ? '\n' : ',\n');
  }
  yield `  ],\n${tail.slice(2)}\n`;
}

function indent(text: string, by: string): string {
  return by + text.replaceAll('\n', `\n${by}`);
}
