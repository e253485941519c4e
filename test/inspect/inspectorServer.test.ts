import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { type InspectorServer, PortInUseError, startInspectorServer } from '../../src/inspect/inspectorServer.js';
import { startInspectorSession } from '../../src/inspect/inspectorSession.js';
import { BadArgumentError } from '../../src/model/index.js';
import { frame, rawWebSocket } from '../support/rawWebSocket.js';

const started: InspectorServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

async function server(options: Parameters<typeof startInspectorServer>[0] = {}): Promise<InspectorServer> {
  const s = await startInspectorServer({ port: 0, ...options });
  started.push(s);
  return s;
}

/** A `ws` client, open, collecting the text messages it receives. */
async function client(url: string): Promise<{ socket: WebSocket; messages: string[]; closed: Promise<number> }> {
  const socket = new WebSocket(url);
  const messages: string[] = [];
  socket.on('message', (data) => messages.push(data.toString()));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages, closed };
}

/** The relay still works: a sender's message reaches a new receiver. */
async function stillRelays(s: InspectorServer): Promise<void> {
  const receiver = await client(s.webSocketUrl);
  const sender = await client(s.senderUrl);
  sender.socket.send('{"after":"the bad client"}');
  await vi.waitFor(() => expect(receiver.messages).toContain('{"after":"the bad client"}'));
  receiver.socket.close();
  sender.socket.close();
}

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;
}

describe('the inspector server', () => {
  it('listens on 127.0.0.1 only by default, and serves the page there', async () => {
    const s = await server();
    expect(s.host).toBe('127.0.0.1');
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    const page = await (await fetch(s.url)).text();
    expect(page).toContain('https://stately.ai/inspect');
    await expect(
      new Promise((resolve, reject) => {
        const probe = new WebSocket(`ws://[::1]:${s.port}`);
        probe.once('open', () => resolve(probe.close()));
        probe.once('error', reject);
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it.each([
    ['a reserved opcode', frame({ opcode: 3, payload: Buffer.from('x') })],
    ['an unmasked client frame', frame({ masked: false, payload: Buffer.from('{}') })],
    ['invalid UTF-8 in a text frame', frame({ payload: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]) })],
    ['a control frame longer than 125 bytes', frame({ opcode: 9, payload: Buffer.alloc(200) })],
  ])('closes the connection that sends %s, and goes on serving the others', async (_what, bad) => {
    const s = await server();
    const bystander = await client(s.webSocketUrl);
    const raw = await rawWebSocket('127.0.0.1', s.port);
    raw.socket.write(bad);
    await raw.closed;
    expect(raw.received()[0]! & 0x0f).toBe(8); // the server sent a close frame first
    expect(bystander.socket.readyState).toBe(WebSocket.OPEN);
    await stillRelays(s);
    bystander.socket.close();
  });

  it('refuses a message above its size cap (close code 1009) without keeping or relaying it', async () => {
    const s = await server({ maxMessageBytes: 1000 });
    const receiver = await client(s.webSocketUrl);
    const sender = await client(s.senderUrl);
    sender.socket.send('x'.repeat(1001));
    expect(await sender.closed).toBe(1009);
    expect(s.replayBytes).toBe(0);
    await stillRelays(s);
    expect(receiver.messages.some((m) => m.length > 1000)).toBe(false);
    receiver.socket.close();
  });

  it('replays to a late receiver what was sent, keeping at most its byte cap (the newest)', async () => {
    const s = await server({ maxReplayBytes: 100 });
    const sender = await client(s.senderUrl);
    const sent = Array.from({ length: 30 }, (_, i) => `{"n":${String(i).padStart(3, '0')}}`); // 9 bytes each
    for (const message of sent) sender.socket.send(message);
    await vi.waitFor(() => expect(s.replayBytes).toBe(11 * 9));
    const late = await client(s.webSocketUrl);
    await vi.waitFor(() => expect(late.messages).toEqual(sent.slice(-11)));
    sender.socket.close();
    late.socket.close();
  });

  it('rejects with PortInUseError when the port is taken on ::1 only (asked for ::1)', async () => {
    const taken: Server = await new Promise((resolve) => {
      const other = createServer().listen(0, '::1', () => resolve(other));
    });
    const { port } = taken.address() as { port: number };
    try {
      const attempt = startInspectorServer({ host: '::1', port });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`port ${port} is already in use on ::1`);
      const session = startInspectorSession({ host: '::1', port });
      await expect(session).rejects.toBeInstanceOf(PortInUseError);
      // on 127.0.0.1 the same port is another socket: the default host is not disturbed by it
      const s = await server({ port });
      expect(s.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('rejects an address of another machine with a BadArgumentError', async () => {
    await expect(startInspectorServer({ host: '192.0.2.1', port: 0 })).rejects.toBeInstanceOf(BadArgumentError);
  });

  it('closes every connection, even a client that ignores the close, and releases every handle', async () => {
    await vi.waitFor(() => expect(tcpHandles()).toBe(0)); // what earlier tests opened is closed
    const s = await startInspectorServer({ port: 0 });
    const polite = await client(s.webSocketUrl);
    const raw = await rawWebSocket('127.0.0.1', s.port); // never answers the close frame
    await s.close();
    expect(await polite.closed).toBe(1001);
    await raw.closed;
    await vi.waitFor(() => expect(tcpHandles()).toBe(0));
  });
});
