import { createWebSocketReceiver, type StatelyInspectionEvent } from '@statelyai/inspect';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { services } from '../../machines/index.js';
import { createVirtualClock, lifecycleModel, statusGraph, validateHistory } from '../../src/index.js';
import { startInspectorSession } from '../../src/inspect/inspectorSession.js';
import { replayHistory } from '../../src/inspect/replayHistory.js';
import { legalHistory } from '../../src/testing/index.js';

const ids = services.map((s) => s.id);
const observe = (statuses: readonly string[]) => statuses.map((status) => ({ status }));

/** A legal history followed by a status that may not follow its last one (when there is such a status). */
function withIllegalEnd(id: string) {
  const graph = statusGraph(id);
  return legalHistory(id, { maxLength: 8 })
    .chain((history) => {
      const last = history[history.length - 1]!;
      const allowed = new Set(graph.allowedStrict[graph.idOf(last)]);
      const illegal = graph.statuses.filter((s) => s !== last && !allowed.has(s));
      return fc.tuple(
        fc.constant(history),
        fc.constantFrom(...illegal),
        fc.array(fc.constantFrom(...graph.statuses), { maxLength: 3 }),
      );
    })
    .map(([history, bad, after]) => ({ history: [...history, bad, ...after], illegalAt: history.length }));
}

describe.each(ids)('replayHistory (%s)', (id) => {
  it('replays every legal history through the actor, which is at each observed status in turn', async () => {
    await fc.assert(
      fc.asyncProperty(legalHistory(id, { maxLength: 15 }), async (history) => {
        const seen: string[] = [];
        const result = await replayHistory(id, observe(history), { onStep: (step) => seen.push(step.status) });
        expect(result.ok).toBe(true);
        expect(seen).toEqual(history);
        expect(result.status).toBe(history[history.length - 1]);
        expect(result.replayed).toBe(history.length);
        const verdict = validateHistory(id, history, { explain: true });
        expect(result.events).toEqual(verdict.steps!.flatMap((s) => s.events));
        result.actor?.stop();
      }),
      { numRuns: 60 },
    );
  });

  it('in sampled mode, sends several events where transitional statuses were missed, and reaches each observed status', async () => {
    const transitional = new Set(
      lifecycleModel(id)
        .states.filter((s) => s.tags.includes('transitional'))
        .map((s) => s.status),
    );
    const sampled = fc
      .tuple(legalHistory(id, { minLength: 2, maxLength: 15 }), fc.infiniteStream(fc.boolean()))
      .map(([history, drops]) =>
        history.filter(
          (status, i) => i === 0 || i === history.length - 1 || !transitional.has(status) || !drops.next().value,
        ),
      );
    await fc.assert(
      fc.asyncProperty(sampled, async (history) => {
        const seen: string[] = [];
        const result = await replayHistory(id, observe(history), {
          mode: 'sampled',
          onStep: (step) => seen.push(step.status),
        });
        expect(result.ok).toBe(true);
        expect(seen).toEqual(history);
        const verdict = validateHistory(id, history, { mode: 'sampled', explain: true });
        expect(result.events).toEqual(verdict.steps!.flatMap((s) => s.events));
        expect(result.events.length).toBe(verdict.steps!.reduce((n, s) => n + 1 + s.missed.length, 0));
        result.actor?.stop();
      }),
      { numRuns: 60 },
    );
  });

  it('stops at the first illegal step with the validator’s message, having replayed everything before it', async () => {
    await fc.assert(
      fc.asyncProperty(withIllegalEnd(id), async ({ history, illegalAt }) => {
        const result = await replayHistory(id, observe(history));
        const violation = validateHistory(id, history).violations[0]!;
        expect(result.ok).toBe(false);
        expect(result.stoppedBy).toEqual(violation);
        expect(result.stoppedBy!.index).toBe(illegalAt);
        expect(result.replayed).toBe(illegalAt);
        expect(result.status).toBe(history[illegalAt - 1]);
        result.actor?.stop();
      }),
      { numRuns: 40 },
    );
  });
});

describe('replayHistory (edges)', () => {
  it('replays nothing when the first observation is already wrong', async () => {
    const unknown = await replayHistory('kafka', observe(['__proto__', 'RUNNING']));
    expect(unknown).toMatchObject({
      ok: false,
      replayed: 0,
      events: [],
      stoppedBy: { index: 0, kind: 'unknown-status' },
    });
    expect(unknown.actor).toBeUndefined();
    const notInitial = await replayHistory('kafka', observe(['RUNNING']), { fromStart: true });
    expect(notInitial).toMatchObject({ ok: false, replayed: 0, stoppedBy: { kind: 'not-initial' } });
  });

  it('waits the pace before each change of status, on the given clock', async () => {
    const clock = createVirtualClock(0);
    const result = await replayHistory('kafka', observe(['RUNNING', 'RUNNING', 'RESTARTING', 'RUNNING']), {
      pace: 250,
      clock,
    });
    expect(result.ok).toBe(true);
    expect(clock.now()).toBe(2 * 250); // two changes; the repeat costs nothing
  });

  it('reads a status spelled in another case as the model’s status', async () => {
    const result = await replayHistory('kafka', observe([' running ', 'restarting']));
    expect(result).toMatchObject({ ok: true, status: 'RESTARTING', events: ['RESTART'] });
  });

  it('stops between steps when its signal aborts', async () => {
    const controller = new AbortController();
    const run = replayHistory('kafka', observe(['RUNNING', 'RESTARTING', 'RUNNING']), {
      signal: controller.signal,
      onStep: (step) => {
        if (step.index === 1) controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
  });
});

/** TCP handles of this process (servers and sockets). */
function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;
}

describe('the Stately inspector session', () => {
  it.each(ids)(
    'streams the actor, then each event and snapshot of a %s replay in the history’s order, and closes everything',
    async (id) => {
      const before = tcpHandles();
      const [history] = fc.sample(legalHistory(id, { fromStart: true, minLength: 4, maxLength: 8 }), {
        seed: 5,
        numRuns: 1,
      });
      const statuses = [...history!, history![history!.length - 1]!]; // with a repeat at the end
      const verdict = validateHistory(id, statuses, { explain: true });
      const expectedEvents = verdict.steps!.flatMap((s) => s.events);

      const session = await startInspectorSession();
      expect(session.url).toBe(`http://127.0.0.1:${session.port}`);
      const receiver = createWebSocketReceiver({ server: `ws://127.0.0.1:${session.port}` });
      const received: StatelyInspectionEvent[] = [];
      const snapshotsWanted = 1 + expectedEvents.length; // the start, then one per event
      const allArrived = new Promise<void>((resolve) => {
        receiver.subscribe((event) => {
          received.push(event);
          if (received.filter((e) => e.type === '@xstate.snapshot').length === snapshotsWanted) resolve();
        });
      });
      const result = await replayHistory(id, observe(statuses), {
        inspect: session.inspector.inspect,
        id: 'instance-1',
        pace: 0,
      });
      expect(result.ok).toBe(true);
      await allArrived;
      await session.close();

      const [registration, ...rest] = received;
      expect(registration).toMatchObject({ type: '@xstate.actor', name: 'instance-1' });
      expect(JSON.parse((registration as { definition: string }).definition)).toMatchObject({ id });
      expect(rest.every((e) => e.sessionId === registration!.sessionId)).toBe(true);
      const events = rest
        .filter((e) => e.type === '@xstate.event')
        .map((e) => (e as { event: { type: string } }).event.type);
      expect(events).toEqual(['xstate.init', ...expectedEvents]);
      const path = [statuses[0]!, ...verdict.steps!.flatMap((s) => [...s.missed, s.to])];
      const snapshots = rest
        .filter((e) => e.type === '@xstate.snapshot')
        .map((e) => (e as unknown as { snapshot: { value: unknown } }).snapshot.value);
      expect(snapshots).toEqual(path);
      // each event arrives before the snapshot it leads to
      expect(rest.map((e) => e.type)).toEqual(path.flatMap(() => ['@xstate.event', '@xstate.snapshot']));
      result.actor?.stop();
      await vi.waitFor(() => expect(tcpHandles()).toBe(before));
    },
  );

  it('refuses a port that is taken, in one line', async () => {
    const session = await startInspectorSession();
    await expect(startInspectorSession({ port: session.port })).rejects.toThrow(
      `port ${session.port} is already in use`,
    );
    await session.close();
  });
});
