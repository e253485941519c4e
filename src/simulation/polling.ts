/**
 * `pollTimeline`: what a poller sees of a timed history. It asks for the status at a fixed interval from the
 * first observation on; each answer is the status at that moment, so long statuses show up repeatedly and a
 * status shorter than the interval may not show up at all.
 */
import { BadArgumentError } from '../model/index.js';

/** A status and the moment (milliseconds) it was entered, or seen. */
export interface TimedStatus {
  status: string;
  time: number;
}

/** The most polls {@link pollTimeline} makes before refusing (an interval far too small for the timeline). */
export const MAX_POLLS = 1_000_000;

/**
 * The polls of a timeline (statuses with increasing entry times) every `interval` ms, starting at the first
 * entry's time. With `end` (when the last status ends), polls happen before `end`; without it the last status
 * lasts for ever (a final status) and polling stops at the first poll that sees it. Throws a RangeError for an
 * interval that is not a positive integer or that would take more than {@link MAX_POLLS} polls.
 *
 * @example pollTimeline([{ status: 'A', time: 0 }, { status: 'B', time: 90 }], 60) // A at 0, A at 60, B at 120
 */
export function pollTimeline(timeline: readonly TimedStatus[], interval: number, end?: number): TimedStatus[] {
  if (!Number.isSafeInteger(interval) || interval < 1) {
    throw new BadArgumentError(`poll interval must be a whole number of milliseconds >= 1, got ${interval}`);
  }
  const first = timeline[0];
  if (first === undefined) return [];
  const last = timeline[timeline.length - 1]!;
  const until = end ?? last.time;
  if ((until - first.time) / interval > MAX_POLLS) {
    throw new BadArgumentError(
      `poll interval ${interval} ms is too small for a timeline of ${until - first.time} ms (over ${MAX_POLLS} polls)`,
    );
  }
  const polls: TimedStatus[] = [];
  let current = 0;
  for (let k = 0; ; k++) {
    const time = first.time + k * interval;
    if (end !== undefined && time >= end) break;
    while (current + 1 < timeline.length && timeline[current + 1]!.time <= time) current++;
    polls.push({ status: timeline[current]!.status, time });
    if (end === undefined && current === timeline.length - 1) break;
  }
  return polls;
}
