/**
 * `reportJsonChunks`: the `validate --json` output, `JSON.stringify(report, null, 2)` exactly, produced as UTF-8
 * bytes in pieces of some tens of kilobytes, so a report on a big fleet is never one huge string in memory: each
 * history is stringified alone and written, indented, straight into a buffer (see {@link TextBytes}).
 */
import type { HistoryReport } from '../validation/fleetValidator.js';
import type { InputReportStream } from '../validation/validateInput.js';
import { REPORT_PIECE_BYTES } from './formatFleetReport.js';
import { TextBytes } from './textBytes.js';

/**
 * The report as indented JSON (the fields first: `ok`, `summary`, `histories`, then `service`, `mode`,
 * `fromStart`, `file`, `format`), in pieces of UTF-8 whose concatenation ends with a newline.
 *
 * @example for (const piece of reportJsonChunks(report)) await write(stdout, piece);
 */
export function* reportJsonChunks(report: InputReportStream): Generator<Uint8Array, void, undefined> {
  const { ok, summary, histories, ...about } = report;
  const out = new TextBytes();
  let started = false;
  for (const history of histories) {
    if (!started) out.text(`${JSON.stringify({ ok, summary }, null, 2).slice(0, -2)},\n  "histories": [\n`);
    else out.text(',\n');
    started = true;
    out.text('    ').indented(JSON.stringify(history, null, 2), '    ');
    if (out.length >= REPORT_PIECE_BYTES) yield out.take();
  }
  if (!started) {
    out.text(`${JSON.stringify({ ok, summary, histories: [] as HistoryReport[], ...about }, null, 2)}\n`);
  } else out.text(`\n  ],\n${JSON.stringify(about, null, 2).slice(2)}\n`);
  yield out.take();
}
