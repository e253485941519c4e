/**
 * A yardstick of the benchmark: a Node script that only reads a file and splits it into lines (no parsing), the
 * least any line-based reader must do. Usage: node dist/bench/splitLines.js <file>
 */
import { createReadStream } from 'node:fs';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: splitLines.js <file>');
let lines = 0;
let rest = '';
for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const parts = (rest + chunk).split('\n');
  rest = parts.pop()!;
  lines += parts.length;
}
process.stdout.write(`${lines + (rest.length > 0 ? 1 : 0)}\n`);
