// A TCP proxy that adds network latency in front of a local server, so the bench can model a distant origin
// (the Dots flow page) on loopback. It knows nothing of HTTP: it delays bytes, as a long wire would.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface DelayProxyOptions {
  /** The server to forward to, e.g. the sandbox's `http://127.0.0.1:4010`. */
  target: string;
  /** Added to every request: the client's bytes reach the target this much later (one round trip). */
  requestDelayMs: number;
  /** Added once per new connection, before its first bytes go through (the TCP and TLS handshakes). */
  connectDelayMs: number;
  /** Where to listen; default 127.0.0.1. */
  host?: string;
}

export interface DelayProxy {
  /** `http://host:port` of the proxy. */
  url: string;
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Closes every open connection, so the next request pays for a new one (a first visit). */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Starts the proxy on a free port. */
export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const { requestDelayMs, connectDelayMs } = options;
  if (!(requestDelayMs >= 0 && connectDelayMs >= 0)) throw new RangeError('Delays must be 0 ms or more.');
  const target = new URL(options.target);
  const open = new Set<Socket>();
  let accepted = 0;

  const server = createServer((client) => {
    accepted += 1;
    const readyAt = performance.now() + connectDelayMs;
    const upstream = connect(Number(target.port), target.hostname);
    const sockets = [client, upstream];
    for (const socket of sockets) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => sockets.forEach((s) => s.destroy()));
      socket.on('close', () => {
        open.delete(socket);
        sockets.forEach((s) => s.destroy());
      });
    }
    // Bytes wait in order: a chunk goes at (arrival, or the connection's readiness if later) + the delay.
    const queue: { at: number; chunk: Buffer | null }[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pump = () => {
      timer = undefined;
      while (queue.length > 0 && queue[0]!.at <= performance.now()) {
        const { chunk } = queue.shift()!;
        if (chunk === null) upstream.end();
        else upstream.write(chunk);
      }
      if (queue.length > 0) timer = setTimeout(pump, queue[0]!.at - performance.now());
    };
    const enqueue = (chunk: Buffer | null) => {
      queue.push({ at: Math.max(performance.now(), readyAt) + requestDelayMs, chunk });
      timer ??= setTimeout(pump, queue[0]!.at - performance.now());
    };
    client.on('data', (chunk: Buffer) => enqueue(chunk));
    client.on('end', () => enqueue(null));
    // Answers come straight back: the whole round trip is charged on the way out.
    upstream.pipe(client);
    client.on('close', () => clearTimeout(timer));
  });
  server.on('error', () => undefined);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const dropConnections = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    url: `http://${host}:${port}`,
    port,
    connections: () => accepted,
    dropConnections,
    close: () =>
      new Promise<void>((resolve) => {
        dropConnections();
        server.close(() => resolve());
      }),
  };
}
