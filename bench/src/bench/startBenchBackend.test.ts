import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchBackend, type BenchBackend } from './startBenchBackend.js';

let backend: BenchBackend;
let upstream: ReturnType<typeof createServer>;
let seen: { headers: IncomingHttpHeaders; body: string }[] = [];
const root = mkdtempSync(join(tmpdir(), 'bench-backend-'));
const pageDir = join(root, 'page');

/** A GET with the path sent exactly as written (fetch would normalise `..` away before sending). */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${backend.url}${path}`, { path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(pageDir);
  writeFileSync(join(pageDir, 'index.html'), '<p>page</p>');
  writeFileSync(join(root, 'outside.txt'), 'secret');
  // Stands in for the sandbox: records what the backend forwards.
  upstream = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ headers: req.headers, body });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'flow_1', link: 'http://127.0.0.1/flow/flow_1?styles=x' }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  backend = await startBenchBackend({
    sandboxUrl: `http://127.0.0.1:${port}`,
    clientId: 'id',
    apiKey: 'key',
    pages: { '/': pageDir },
  });
});

afterAll(async () => {
  await backend.close();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('the bench backend', () => {
  it('serves the built page', async () => {
    const response = await fetch(`${backend.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toBe('<p>page</p>');
  });

  it('serves nothing outside the page folder, however the path is spelled', async () => {
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/page/../../outside.txt']) {
      expect(await rawGet(path), path).toBe(404);
    }
    expect(await rawGet('/missing.js')).toBe(404);
    expect(await rawGet('/index.html')).toBe(200);
  });

  it('forwards a flow creation to the sandbox with Basic auth, and counts it', async () => {
    seen = [];
    const before = backend.flowCreations();
    const response = await fetch(`${backend.url}/api/dots/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ steps: ['compliance'] }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 'flow_1' });
    expect(backend.flowCreations()).toBe(before + 1);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from('id:key').toString('base64')}`);
    expect(JSON.parse(seen[0]!.body)).toEqual({ steps: ['compliance'] });
  });

  it('creates flows only on POST', async () => {
    const before = backend.flowCreations();
    const response = await fetch(`${backend.url}/api/dots/flows`);
    expect(response.status).toBe(404);
    expect(backend.flowCreations()).toBe(before);
  });
});

describe('the bench backend on a modelled network', () => {
  it('answers no sooner than the Dots latency, with the link moved to the frame origin', async () => {
    const { port } = upstream.address() as AddressInfo;
    const slow = await startBenchBackend({
      sandboxUrl: `http://127.0.0.1:${port}`,
      clientId: 'id',
      apiKey: 'key',
      pages: { '/': pageDir },
      dotsLatencyMs: 150,
      frameOrigin: 'http://localhost:9',
    });
    try {
      const started = performance.now();
      const response = await fetch(`${slow.url}/api/dots/flows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ steps: ['compliance'] }),
      });
      const flow = (await response.json()) as { id: string; link: string };
      expect(performance.now() - started).toBeGreaterThanOrEqual(149);
      expect(flow).toEqual({ id: 'flow_1', link: 'http://localhost:9/flow/flow_1?styles=x' });
    } finally {
      await slow.close();
    }
  });
});
