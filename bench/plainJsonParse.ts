/**
 * The benchmark's yardstick: a plain Node script that only reads the lines of a file with `readline` and
 * `JSON.parse`s each one. The CLI's rate on an NDJSON fleet log is compared with this script's.
 *
 * Usage: node dist/bench/plainJsonParse.js <file>
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: plainJsonParse.js <file>');
let records = 0;
const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
for await (const line of lines) {
  if (line.length > 0) {
    JSON.parse(line);
    records++;
  }
}
process.stdout.write(`${records}\n`);
