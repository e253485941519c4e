/**
 * `startInspectorSession`: the Stately inspector for a Node process: our inspector server ({@link
 * startInspectorServer}: the page that embeds the Stately inspector UI, and its WebSocket relay, on 127.0.0.1 by
 * default) and `@statelyai/inspect`'s WebSocket inspector (`createWebSocketInspector`, xstate 5's inspector), which
 * sends an actor's inspection events to that relay. `close()` shuts everything down, including connections that
 * browsers or receivers still hold, so no handle is left open.
 */
import { spawn } from 'node:child_process';
import { platform } from 'node:os';
import { createWebSocketInspector } from '@statelyai/inspect';
import { PortInUseError, startInspectorServer } from './inspectorServer.js';

export { PortInUseError };

/** Options of {@link startInspectorSession}. */
export interface InspectorSessionOptions {
  /** The port of the inspector server (default: a free port). */
  port?: number;
  /** The address it listens on (default `127.0.0.1`: reachable from this machine only). */
  host?: string;
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

/**
 * Start the inspector server and connect a WebSocket inspector to it (resolves once connected). Rejects with
 * {@link PortInUseError} when the port is taken, and with a `BadArgumentError` for an address it cannot listen on.
 *
 * @example
 * const session = await startInspectorSession();
 * const actor = createActor(machine, { inspect: session.inspector.inspect }).start();
 * console.log(session.url); // ... later: await session.close();
 */
export async function startInspectorSession(options: InspectorSessionOptions = {}): Promise<InspectorSession> {
  const server = await startInspectorServer({
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  let viewerSeen = false;
  const stopWatching = server.onViewer(() => (viewerSeen = true));
  const inspector = createWebSocketInspector({ url: server.senderUrl });
  const socket = adapterSocket(inspector);
  try {
    await opened(socket);
  } catch (error) {
    inspector.stop();
    await server.close();
    throw error;
  }
  if (options.open) openInBrowser(server.url);
  let closing: Promise<void> | undefined;
  return {
    port: server.port,
    url: server.url,
    webSocketUrl: server.webSocketUrl,
    inspector,
    viewerConnected(signal) {
      if (viewerSeen) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          stop();
          reject(signal?.reason);
        };
        const stop = server.onViewer(() => {
          stop();
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    close() {
      closing ??= (async () => {
        stopWatching();
        // The inspector sends each event on a zero-delay timer: let those queued so far go out first.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const inspectorClosed =
          socket && socket.readyState !== 3
            ? new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()))
            : undefined;
        inspector.stop();
        await inspectorClosed;
        await server.close();
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

/** Open a page in the default browser, without waiting for it and ignoring a missing opener. */
function openInBrowser(url: string): void {
  const os = platform();
  const [command, args] =
    os === 'darwin' ? ['open', [url]] : os === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser to open: the address is printed anyway
  }
}
