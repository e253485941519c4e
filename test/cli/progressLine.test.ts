import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressLine, PROGRESS_AFTER_MS, PROGRESS_EVERY_MS } from '../../src/cli/progressLine.js';
import { createVirtualClock } from '../../src/time/clock.js';

function terminal(isTTY: boolean) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  stream.isTTY = isTTY;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('progress line', () => {
  it('is silent for the first second, then redraws at most every 250 ms, and is erased at the end', async () => {
    const clock = createVirtualClock(0);
    const tty = terminal(true);
    let n = 0;
    const progress = createProgressLine(tty.stream, clock, () => `step ${++n}`);
    progress.tick();
    clock.advance(PROGRESS_AFTER_MS - 1);
    progress.tick();
    expect(tty.text()).toBe('');
    clock.advance(1);
    progress.tick();
    progress.tick(); // too soon for another redraw
    clock.advance(PROGRESS_EVERY_MS);
    progress.tick();
    await progress.clear();
    expect(tty.text()).toBe('\r\u001b[Kstep 1\r\u001b[Kstep 2\r\u001b[K');
  });

  it('never writes when the stream is not a terminal, nor erases a line it never drew', async () => {
    const clock = createVirtualClock(0);
    const pipe = terminal(false);
    const progress = createProgressLine(pipe.stream, clock, () => 'x');
    clock.advance(10 * PROGRESS_AFTER_MS);
    progress.tick();
    await progress.clear();
    const quiet = terminal(true);
    await createProgressLine(quiet.stream, clock, () => 'x').clear();
    expect(pipe.text() + quiet.text()).toBe('');
  });
});
