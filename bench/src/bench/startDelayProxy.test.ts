import { Agent, createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDelayProxy, type DelayProxy } from './startDelayProxy.js';

// Far apart, so a busy machine cannot blur which delays a request paid.
const CONNECT_MS = 600;
const REQUEST_MS = 60;

let upstream: Server;
let proxy: DelayProxy;
let agent: Agent;

/** POSTs `body` through the proxy; resolves with the echoed body and the milliseconds it took. */
function timedPost(body: string): Promise<{ body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${proxy.url}/echo`, { method: 'POST', agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  upstream = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    res.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  proxy = await startDelayProxy({
    target: `http://127.0.0.1:${port}`,
    requestDelayMs: REQUEST_MS,
    connectDelayMs: CONNECT_MS,
  });
});

beforeEach(() => {
  agent?.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
});

afterAll(async () => {
  agent.destroy();
  await proxy.close();
  await new Promise((resolve) => upstream.close(resolve));
});

describe('startDelayProxy', () => {
  it('passes bytes through unchanged, large bodies included', async () => {
    const body = 'x'.repeat(1_000_000) + 'é';
    expect((await timedPost(body)).body).toBe(body);
  });

  it('charges a new connection the handshake and the round trip, a reused one only the round trip', async () => {
    const before = proxy.connections();
    const first = await timedPost('a');
    const second = await timedPost('b');
    expect(first.ms).toBeGreaterThanOrEqual(CONNECT_MS + REQUEST_MS - 1);
    expect(second.ms).toBeGreaterThanOrEqual(REQUEST_MS - 1);
    expect(second.ms).toBeLessThan(CONNECT_MS);
    expect(proxy.connections()).toBe(before + 1);
  });

  it('makes the next request pay for a new connection after dropConnections', async () => {
    await timedPost('warm');
    const before = proxy.connections();
    proxy.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await timedPost('c');
    expect(again.ms).toBeGreaterThanOrEqual(CONNECT_MS + REQUEST_MS - 1);
    expect(proxy.connections()).toBe(before + 1);
  });

  it('lets a connection opened early (a preconnect) skip the handshake on its first request', async () => {
    const { port } = new URL(proxy.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    await new Promise((resolve) => setTimeout(resolve, CONNECT_MS + 20));
    const started = performance.now();
    socket.write('GET /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n');
    await new Promise((resolve) => socket.once('data', resolve));
    const ms = performance.now() - started;
    socket.destroy();
    expect(ms).toBeGreaterThanOrEqual(REQUEST_MS - 1);
    expect(ms).toBeLessThan(CONNECT_MS);
  });

  it('refuses negative delays', async () => {
    await expect(startDelayProxy({ target: proxy.url, requestDelayMs: -1, connectDelayMs: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
