/**
 * A local HTTP server (127.0.0.1, an ephemeral port) that answers GET requests with a simulated instance's status,
 * as a cloud API would: `{"instances":[{"status":"..."}]}`, 404 once the instance is gone, and 5xx answers when
 * scripted. Each request first moves the instance's virtual clock on by `step`, so a wait that polls every few
 * milliseconds sees minutes of the instance's life.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVirtualClock } from '../../src/index.js';
import { createSimulatedInstance, InstanceNotFoundError, type SimulatedInstance } from '../../src/testing/index.js';

/** Options of {@link startInstanceServer}. */
export interface InstanceServerOptions {
  service: string;
  from?: string;
  seed?: number;
  /** Virtual milliseconds that pass before each answer (default one minute). */
  step?: number;
  /** Request numbers (1-based) answered with this HTTP status instead (a 503, say). */
  failures?: ReadonlyMap<number, number>;
  /** Operations requested before the first answer. */
  requests?: readonly string[];
}

/** A running server: its URL, the instance, and what it answered. */
export interface InstanceServer {
  url: string;
  instance: SimulatedInstance;
  /** The HTTP status of each answer, in order. */
  answers: number[];
  close(): Promise<void>;
}

/**
 * Start a server for one simulated instance.
 *
 * @example const server = await startInstanceServer({ service: 'dcs', from: 'RUNNING', requests: ['DELETE'] });
 */
export async function startInstanceServer(options: InstanceServerOptions): Promise<InstanceServer> {
  const clock = createVirtualClock(0);
  const instance = createSimulatedInstance(options.service, {
    clock,
    seed: options.seed ?? 1,
    notFoundWhenFinal: true,
    ...(options.from === undefined ? {} : { from: options.from }),
  });
  for (const operation of options.requests ?? []) await instance.request(operation);
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const n = answers.length + 1;
    void clock.sleep(options.step ?? 60_000).then(async () => {
      const failure = options.failures?.get(n);
      if (failure !== undefined) return send(failure, { error: 'scripted failure' });
      if (request.url !== '/instance') return send(400, { error: 'unknown path' });
      try {
        send(200, { instances: [{ id: instance.id, status: await instance.status() }] });
      } catch (error) {
        if (error instanceof InstanceNotFoundError) send(404, { error: 'not found' });
        else send(500, { error: String(error) });
      }
    });
    function send(status: number, body: unknown) {
      answers.push(status);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/instance`,
    instance,
    answers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
