/**
 * `startInspectorServer`: the local server of the Stately inspector, our own (the one `@statelyai/inspect/server`
 * ships listens on every interface and dies on the first malformed frame). It serves one page, which embeds the
 * Stately inspector UI and feeds it what a WebSocket relay receives, and the relay: every message a client sends
 * goes to every other client and into a replay buffer that a client connecting later receives first.
 *
 * Hardened for any client: it binds 127.0.0.1 unless told otherwise; every connection's errors are handled (a
 * malformed frame closes that connection only); messages are capped in size, the replay buffer in bytes, and a
 * client that does not read what is sent to it is dropped; `close()` ends every connection and releases the port.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { BadArgumentError } from '../model/index.js';

/** Options of {@link startInspectorServer}. */
export interface InspectorServerOptions {
  /** The address to listen on (default `127.0.0.1`: this machine only). */
  host?: string;
  /** The port (default 0: a free one). */
  port?: number;
  /** The largest message a client may send, in bytes (default 1 MiB); a bigger one closes its connection. */
  maxMessageBytes?: number;
  /** The replay buffer's size in bytes (default 8 MiB); the oldest messages are dropped beyond it. */
  maxReplayBytes?: number;
  /** A client with more than this many bytes queued unsent is dropped (default 16 MiB). */
  maxQueuedBytes?: number;
}

/** A running inspector server. */
export interface InspectorServer {
  /** The address it listens on. */
  host: string;
  /** The port it listens on. */
  port: number;
  /** The inspector page. */
  url: string;
  /** The relay's WebSocket address for a sender (the inspector); its messages are not counted as viewers. */
  senderUrl: string;
  /** The relay's WebSocket address for receivers. */
  webSocketUrl: string;
  /** Calls `listener` each time a receiver (a page, a `createWebSocketReceiver`) connects. */
  onViewer(listener: () => void): () => void;
  /** How many clients are connected now. */
  readonly clients: number;
  /** The bytes held in the replay buffer now. */
  readonly replayBytes: number;
  /** Close every connection and stop listening. */
  close(): Promise<void>;
}

/** The port asked for is taken. */
export class PortInUseError extends BadArgumentError {
  override name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly host = '127.0.0.1',
  ) {
    super(`port ${port} is already in use on ${host}; choose another with --port, or leave it out for a free one`);
  }
}

const SENDER_PATH = '/sender';
const DEFAULT_MAX_MESSAGE = 1 << 20;
const DEFAULT_MAX_REPLAY = 8 << 20;
const DEFAULT_MAX_QUEUED = 16 << 20;
const CLOSE_GRACE_MS = 1000;

/**
 * Start the inspector server; resolves once it listens. Rejects with {@link PortInUseError} when the port is taken
 * on that address, and with a {@link BadArgumentError} for an address that cannot be listened on.
 *
 * @example
 * const server = await startInspectorServer({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:PORT ... later: await server.close();
 */
export async function startInspectorServer(options: InspectorServerOptions = {}): Promise<InspectorServer> {
  const host = options.host ?? '127.0.0.1';
  const maxMessage = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE;
  const maxReplay = options.maxReplayBytes ?? DEFAULT_MAX_REPLAY;
  const maxQueued = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED;
  const replay: { data: Buffer; binary: boolean }[] = [];
  let replayBytes = 0;
  const viewerListeners = new Set<() => void>();
  const sockets = new Set<Socket>();

  const http: Server = createServer((request, response) => {
    response.on('error', () => undefined);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : PAGE);
  });
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  http.on('clientError', (_error, socket) => socket.destroy());
  const relay = new WebSocketServer({ server: http, maxPayload: maxMessage });
  relay.on('error', () => undefined);

  relay.on('connection', (client: WebSocket, request: IncomingMessage) => {
    client.on('error', () => undefined); // a malformed frame, an oversized message: ws closes this client
    for (const { data, binary } of replay) client.send(data, { binary });
    client.on('message', (data: RawData, binary: boolean) => {
      const message = toBuffer(data);
      replay.push({ data: message, binary });
      replayBytes += message.length;
      while (replayBytes > maxReplay && replay.length > 0) replayBytes -= replay.shift()!.data.length;
      for (const other of relay.clients) {
        if (other === client || other.readyState !== WebSocket.OPEN) continue;
        if (other.bufferedAmount > maxQueued) other.terminate();
        else other.send(message, { binary });
      }
    });
    if (request.url !== SENDER_PATH) for (const listener of viewerListeners) listener();
  });

  const port = await new Promise<number>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      relay.close();
      reject(listenError(error, options.port ?? 0, host));
    };
    http.once('error', onError);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', onError);
      http.on('error', () => undefined);
      resolve((http.address() as { port: number }).port);
    });
  });
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const local = host === '0.0.0.0' ? `127.0.0.1:${port}` : host === '::' ? `[::1]:${port}` : authority;
  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    url: `http://${authority}`,
    senderUrl: `ws://${local}${SENDER_PATH}`,
    webSocketUrl: `ws://${local}`,
    onViewer(listener) {
      viewerListeners.add(listener);
      return () => viewerListeners.delete(listener);
    },
    get clients() {
      return relay.clients.size;
    },
    get replayBytes() {
      return replayBytes;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        viewerListeners.clear();
        for (const client of relay.clients) client.close(1001, 'server closing');
        const timer = setTimeout(() => {
          for (const client of relay.clients) client.terminate();
          for (const socket of sockets) socket.destroy();
        }, CLOSE_GRACE_MS);
        timer.unref();
        relay.close(() => {
          http.close(() => {
            clearTimeout(timer);
            resolve();
          });
          http.closeIdleConnections();
        });
      });
      return closing;
    },
  };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === 'EADDRINUSE') return new PortInUseError(port, host);
  if (error.code === 'EACCES') return new BadArgumentError(`port ${port} on ${host}: permission denied`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
    return new BadArgumentError(`cannot listen on ${host}: not an address of this machine`);
  return new BadArgumentError(`cannot listen on ${host} port ${port}: ${error.code ?? error.message}`);
}

/**
 * The page: the Stately inspector UI in a frame, fed with what the relay sends. It connects back to the address
 * it was loaded from, and holds messages until the frame says it is ready.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Stately inspector (instance-lifecycle)</title>
<style>html,body{height:100%;margin:0}iframe{border:0;width:100%;height:100%}</style>
</head>
<body>
<iframe id="inspector" src="https://stately.ai/inspect" title="Stately inspector"></iframe>
<script>
(() => {
  const frame = document.getElementById('inspector');
  const waiting = [];
  let ready = false;
  const deliver = (event) => frame.contentWindow.postMessage(event, '*');
  window.addEventListener('message', (message) => {
    if (!message.data || message.data.type !== '@statelyai.connected') return;
    ready = true;
    waiting.splice(0).forEach(deliver);
  });
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host);
  socket.onmessage = (message) => {
    let event;
    try { event = JSON.parse(message.data); } catch { return; }
    if (ready) deliver(event); else waiting.push(event);
  };
})();
</script>
</body>
</html>
`;
