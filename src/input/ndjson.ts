/**
 * NDJSON input: one JSON record per line (an object with `status`, or a bare status string); blank lines skipped.
 * Flat records take the fast path of `scanFlatRecord`; everything else goes through `JSON.parse`.
 */
import type { Observation } from '../model/index.js';
import { observationFromJson } from './fields.js';
import { scanFlatRecord } from './flatRecord.js';
import { InputError } from './inputError.js';
import { scanJson } from './jsonSyntax.js';
import { badRecord, DEFAULT_RECORD_OPTIONS, isBlankLine, type LineParser, type RecordOptions } from './lineParser.js';

/**
 * A reader of NDJSON lines (with the built-in field names, flat lines take the fast path).
 *
 * @example createNdjsonParser('fleet.ndjson').line('{"status":"RUNNING","instance_id":"a"}', 1)
 */
export function createNdjsonParser(file: string, options: RecordOptions = DEFAULT_RECORD_OPTIONS): LineParser {
  const fastPath = options.shape.builtIn;
  const { shape, timeUnit } = options;
  return {
    line(text: string, line: number): Observation | undefined {
      if (isBlankLine(text)) return undefined;
      if (fastPath) {
        const fast = scanFlatRecord(text, line, timeUnit);
        if (fast !== undefined) return fast;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        const scan = scanJson(text);
        const column = scan.ok ? 1 : scan.offset + 1;
        const expected = scan.ok ? 'one JSON value per line' : scan.expected;
        throw new InputError(`invalid JSON: expected ${expected}`, { file, line, column });
      }
      const observation = observationFromJson(value, line, shape, timeUnit, text);
      if (typeof observation === 'string')
        return badRecord(options, new InputError(observation, { file, line, column: firstNonSpace(text) }));
      return observation;
    },
  };
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return (match?.index ?? 0) + 1;
}
