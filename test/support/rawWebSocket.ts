/**
 * A WebSocket client that writes raw frames, for testing how a server takes malformed ones: it does the opening
 * handshake, then sends whatever bytes it is given.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** A raw connection after the WebSocket handshake. */
export interface RawWebSocket {
  socket: Socket;
  /** Every byte received after the handshake. */
  received(): Buffer;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

/**
 * Connect to `ws://host:port/path` and complete the handshake.
 *
 * @example const raw = await rawWebSocket('127.0.0.1', port); raw.socket.write(frame({ opcode: 3 }));
 */
export function rawWebSocket(host: string, port: number, path = '/'): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let head = Buffer.alloc(0);
    let body = Buffer.alloc(0);
    let upgraded = false;
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      if (upgraded) {
        body = Buffer.concat([body, chunk]);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      if (!head.subarray(0, end).toString().startsWith('HTTP/1.1 101')) {
        reject(new Error(`no upgrade: ${head.subarray(0, end).toString()}`));
        return;
      }
      upgraded = true;
      body = head.subarray(end + 4);
      resolve({ socket, received: () => body, closed });
    });
  });
}

/** Options of {@link frame}. */
export interface FrameOptions {
  /** The opcode (1 text, 2 binary, 3-7 and 11-15 reserved). Default 1. */
  opcode?: number;
  /** Mask the payload, as a client must. Default true. */
  masked?: boolean;
  /** The payload. Default empty. */
  payload?: Buffer;
}

/**
 * One WebSocket frame (FIN set), masked by default.
 *
 * @example frame({ opcode: 1, payload: Buffer.from([0xc3, 0x28]) }) // a text frame of invalid UTF-8
 */
export function frame({ opcode = 1, masked = true, payload = Buffer.alloc(0) }: FrameOptions = {}): Buffer {
  const length = payload.length;
  const size = length < 126 ? [length] : length < 65536 ? [126, length >> 8, length & 255] : undefined;
  if (size === undefined) throw new RangeError('frame: payloads of 64 KiB and more are not supported');
  const maskBit = masked ? 0x80 : 0;
  const header = Buffer.from([0x80 | opcode, maskBit | size[0]!, ...size.slice(1)]);
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const data = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, data]);
}
