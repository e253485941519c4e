/** Reading request bodies with a size cap, and writing JSON answers, for the fake cloud's server. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body as read: nothing, JSON, text that is not JSON, or more bytes than allowed. */
export type Body = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'not-json' } | { kind: 'too-large' };

/**
 * Read a request's body, at most `maxBytes` of it: past that, reading stops and the answer is `too-large` (the
 * connection should then be closed, since the rest is not read).
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body) => {
      if (done) return;
      done = true;
      request.off('data', onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.pause();
        finish({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('error', () => finish({ kind: 'too-large' }));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return finish({ kind: 'empty' });
      try {
        finish({ kind: 'json', value: JSON.parse(text) });
      } catch {
        finish({ kind: 'not-json' });
      }
    });
  });
}

/** Write an answer: JSON (or NDJSON text) with its status, or an empty 204. */
export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (body === undefined || status === 204) {
    response.writeHead(status);
    response.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (!response.hasHeader('content-type'))
    response.setHeader('content-type', typeof body === 'string' ? 'application/x-ndjson' : 'application/json');
  response.setHeader('content-length', Buffer.byteLength(text));
  response.writeHead(status);
  response.end(text);
}
