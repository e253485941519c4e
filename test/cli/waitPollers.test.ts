/** The wait command's pollers: reading a status out of JSON, and what a URL's answers mean. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES, PollError, urlPoll, valueAt } from '../../src/cli/waitPollers.js';
import { NOT_FOUND } from '../../src/index.js';

describe('valueAt', () => {
  it.each([
    [{ status: 'A' }, 'status', 'A'],
    [{ instances: [{ status: 'B' }] }, 'instances.0.status', 'B'],
    [[{ s: 'C' }], '0.s', 'C'],
    [{ instances: [] }, 'instances.0.status', undefined],
    [{ a: 'x' }, 'a.b', undefined],
    [JSON.parse('{"__proto__": {"status": "D"}}'), '__proto__.status', 'D'],
    [{}, '__proto__', undefined],
    [{}, 'constructor', undefined],
    [{ a: { 1: 'E' } }, 'a.1', 'E'],
  ])('valueAt(%j, %j) is %j', (value, path, expected) => {
    expect(valueAt(value, path)).toBe(expected);
  });
});

describe('urlPoll', () => {
  let url = '';
  let seen: IncomingHttpHeaders = {};
  const server = createServer((request, response) => {
    seen = request.headers;
    const path = request.url ?? '';
    if (path === '/ok') return response.end(JSON.stringify({ data: { status: 'RUNNING' } }));
    if (path === '/gone') return response.writeHead(404).end();
    if (path === '/busy') return response.writeHead(429).end();
    if (path === '/teapot') return response.writeHead(418).end();
    if (path === '/html') return response.end('<html>');
    if (path === '/number') return response.end(JSON.stringify({ data: { status: 3 } }));
    if (path === '/huge') return response.end(JSON.stringify({ data: { status: 'x'.repeat(MAX_ANSWER_BYTES) } }));
    response.writeHead(500).end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const poll = (path: string) =>
    urlPoll(url + path, { headers: [['X-Auth-Token', 'secret']], statusPath: 'data.status', limit: () => 5_000 })({
      attempt: 1,
      signal: new AbortController().signal,
    });
  const failure = async (path: string) => {
    const error = await poll(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollError);
    return error as PollError;
  };

  it('reads the status at the path, and sends the headers', async () => {
    expect(await poll('/ok')).toBe('RUNNING');
    expect(seen['x-auth-token']).toBe('secret');
  });

  it('404 is NOT_FOUND', async () => {
    expect(await poll('/gone')).toBe(NOT_FOUND);
  });

  it.each([
    ['/busy', true, /answered 429/],
    ['/other', true, /answered 500/],
    ['/teapot', false, /answered 418/],
    ['/html', false, /not JSON/],
    ['/number', false, /no status string at data.status/],
    ['/huge', false, /larger than/],
  ])('%s fails, transient: %s', async (path, transient, message) => {
    const error = await failure(path);
    expect(error.transient).toBe(transient);
    expect(error.message).toMatch(message);
  });
});
