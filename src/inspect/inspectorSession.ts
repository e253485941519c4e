/**
 * `startInspectorSession`: the Stately inspector for a Node process, from `@statelyai/inspect` (xstate 5's
 * inspector): its local inspector server (`@statelyai/inspect/server`, a page at http://localhost:PORT that embeds
 * the Stately inspector UI and a WebSocket relay) and its WebSocket inspector (`createWebSocketInspector`), which
 * sends an actor's inspection events to that relay. `close()` shuts everything down, including connections that
 * browsers or receivers still hold, so no handle is left open.
 */
import diagnostics from 'node:diagnostics_channel';
import { EventEmitter } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { createWebSocketInspector } from '@statelyai/inspect';
import { createInspectorServer } from '@statelyai/inspect/server';
import { BadArgumentError } from '../model/index.js';

/** Options of {@link startInspectorSession}. */
export interface InspectorSessionOptions {
  /** The port of the inspector server (default: a free port). */
  port?: number;
  /** Open the inspector page in the default browser (default false). */
  open?: boolean;
}

/** A running inspector server with a connected WebSocket inspector. */
export interface InspectorSession {
  /** The port the server listens on. */
  port: number;
  /** The page to open in a browser: the Stately inspector fed by this session. */
  url: string;
  /** The WebSocket address of the relay (what receivers connect to). */
  webSocketUrl: string;
  /** The WebSocket inspector: pass `inspector.inspect` to `createActor`. */
  inspector: ReturnType<typeof createWebSocketInspector>;
  /** Resolves when something else than the inspector connects (a browser opening the page, a receiver). */
  viewerConnected(signal?: AbortSignal): Promise<void>;
  /** Deliver what was inspected, then stop the inspector and the server and close every connection. */
  close(): Promise<void>;
}

/** The port asked for is taken. */
export class PortInUseError extends BadArgumentError {
  override name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`port ${port} is already in use on 127.0.0.1; choose another with --port, or leave it out for a free one`);
  }
}

/**
 * Start the inspector server and connect a WebSocket inspector to it (resolves once connected).
 *
 * @example
 * const session = await startInspectorSession();
 * const actor = createActor(machine, { inspect: session.inspector.inspect }).start();
 * console.log(session.url); // ... later: await session.close();
 */
export async function startInspectorSession(options: InspectorSessionOptions = {}): Promise<InspectorSession> {
  const port = options.port ?? (await freePort());
  if (options.port !== undefined) await checkPortFree(port);
  const connections = new Set<Socket>();
  let inspectorConnected = false;
  const viewers = new EventEmitter();
  const track = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket;
    if (socket.localPort !== port) return;
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
    if (inspectorConnected) viewers.emit('viewer');
  };
  diagnostics.subscribe('net.server.socket', track);
  const server = createInspectorServer({ port, autoOpen: options.open ?? false });
  const webSocketUrl = `ws://127.0.0.1:${port}`;
  const inspector = createWebSocketInspector({ url: webSocketUrl });
  const socket = adapterSocket(inspector);
  try {
    await opened(socket);
  } catch (error) {
    server.stop();
    diagnostics.unsubscribe('net.server.socket', track);
    throw error;
  }
  inspectorConnected = true;
  let viewerSeen = connections.size > 1;
  viewers.once('viewer', () => (viewerSeen = true));
  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://localhost:${port}`,
    webSocketUrl,
    inspector,
    viewerConnected(signal) {
      if (viewerSeen) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          viewers.off('viewer', onViewer);
          reject(signal?.reason);
        };
        const onViewer = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return onAbort();
        viewers.once('viewer', onViewer);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    close() {
      closing ??= (async () => {
        // The inspector sends each event on a zero-delay timer: let those queued so far go out first.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const inspectorClosed = socket
          ? new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()))
          : undefined;
        inspector.stop();
        await inspectorClosed;
        server.stop();
        await Promise.all([...connections].map(endConnection));
        diagnostics.unsubscribe('net.server.socket', track);
      })();
      return closing;
    },
  };
}

/** The part of a WebSocket this module uses. */
interface WebSocketLike {
  readyState: number;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
}

/**
 * The WebSocket of the package's adapter. The package gives no way to wait for its connection, and stopping it
 * before it is open makes it retry forever, so this module waits on the socket itself (`adapter.ws`, present in
 * @statelyai/inspect 0.7 though not in its types).
 */
function adapterSocket(inspector: ReturnType<typeof createWebSocketInspector>): WebSocketLike | undefined {
  const socket = (inspector.adapter as unknown as { ws?: WebSocketLike }).ws;
  return socket && typeof socket.addEventListener === 'function' ? socket : undefined;
}

function opened(socket: WebSocketLike | undefined): Promise<void> {
  if (!socket || socket.readyState === 1) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('the inspector could not connect to its server')));
  });
}

/** End a server-side connection after what is queued on it is sent; destroy it if the peer does not close. */
function endConnection(socket: Socket): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.destroy(), 2000).unref();
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.end();
  });
}

/** A port that is free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves when `port` can be listened on at 127.0.0.1; rejects with {@link PortInUseError} when it is taken. */
function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
