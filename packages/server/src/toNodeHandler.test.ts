import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { createDotsClient } from './createDotsClient.js';
import { createFlowHandler } from './createFlowHandler.js';
import { startFakeDots } from './testing/startFakeDots.js';
import type { FakeDots } from './testing/startFakeDots.js';
import { toNodeHandler } from './toNodeHandler.js';
import type { WebHandler } from './toNodeHandler.js';

let dots: FakeDots;
const servers: Server[] = [];

beforeAll(async () => {
  dots = await startFakeDots('client_n', 'key_n');
});
afterAll(() => dots.close());
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)))),
  );
});

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function flowHandler(maxBodyBytes?: number): WebHandler {
  const client = createDotsClient({ clientId: 'client_n', apiKey: 'key_n', baseUrl: dots.url });
  return createFlowHandler({
    client,
    resolveUser: (request) => (request.headers.get('cookie') === 'session=alice' ? { hostUserId: 'alice' } : null),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
}

const json = { 'content-type': 'application/json', cookie: 'session=alice' };

describe('toNodeHandler', () => {
  it('serves the flow handler on a real node:http server: POST, then GET by trailing id', async () => {
    const url = await listen(toNodeHandler(flowHandler()));
    const created = await fetch(`${url}/api/dots/flows`, {
      method: 'POST',
      headers: json,
      body: '{"steps":["payout"]}',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const flow = (await created.json()) as Flow;
    const read = await fetch(`${url}/api/dots/flows/${flow.id}`, { headers: { cookie: 'session=alice' } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as Flow).id).toBe(flow.id);
    const byQuery = await fetch(`${url}/api/dots/flows?id=${flow.id}`, { headers: { cookie: 'session=bob' } });
    expect(byQuery.status).toBe(401);
  });

  it('maps every error path to a JSON status', async () => {
    const url = await listen(toNodeHandler(flowHandler(1024)));
    const cases: [RequestInit, number][] = [
      [{ method: 'POST', headers: { cookie: 'session=alice', 'content-type': 'text/plain' }, body: 'x' }, 415],
      [{ method: 'POST', headers: json, body: '{"steps":["nope"]}' }, 400],
      [{ method: 'POST', headers: json, body: 'x'.repeat(1025) }, 413],
      [{ method: 'DELETE', headers: json }, 405],
      [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"steps":["payout"]}' }, 401],
    ];
    for (const [init, status] of cases) {
      const response = await fetch(`${url}/api/dots/flows`, init);
      expect(response.status).toBe(status);
      expect(await response.json()).toHaveProperty('error.code');
    }
  });

  it('answers 413 to a huge streamed body without reading it all, and keeps serving', async () => {
    const url = await listen(toNodeHandler(flowHandler(1024)));
    const { status, body } = await rawPost(url, 'x'.repeat(8 * 1024 * 1024));
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'body_too_large' } });
    const next = await fetch(`${url}/api/dots/flows`, { method: 'POST', headers: json, body: '{"steps":["payout"]}' });
    expect(next.status).toBe(201);
  });

  it('passes method, path, query, headers and body through, and several Set-Cookie headers back', async () => {
    const seen: { method: string; url: string; header: string | null; body: string }[] = [];
    const echo: WebHandler = async (request) => {
      seen.push({
        method: request.method,
        url: request.url,
        header: request.headers.get('x-a'),
        body: await request.text(),
      });
      const headers = new Headers({ 'content-type': 'text/plain' });
      headers.append('set-cookie', 'a=1');
      headers.append('set-cookie', 'b=2');
      return new Response('ok', { status: 203, headers });
    };
    const url = await listen(toNodeHandler(echo));
    const response = await fetch(`${url}/p/q?x=1&y=2`, { method: 'PUT', headers: { 'x-a': 'A' }, body: 'héllo' });
    expect(response.status).toBe(203);
    expect(await response.text()).toBe('ok');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(seen).toEqual([{ method: 'PUT', url: `${url}/p/q?x=1&y=2`, header: 'A', body: 'héllo' }]);
    const head = await fetch(`${url}/p`, { method: 'HEAD' });
    expect(head.status).toBe(203);
    expect(await head.text()).toBe('');
  });

  it('uses a body a parser already read, and Express’ originalUrl', async () => {
    let seen = '';
    const adapted = toNodeHandler(async (request) => {
      seen = `${new URL(request.url).pathname} ${await request.text()}`;
      return new Response(null, { status: 204 });
    });
    const url = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        // What express.raw() and a mount path leave behind.
        Object.assign(req, { body: Buffer.concat(chunks), originalUrl: req.url, url: '/' });
        void adapted(req, res);
      });
    });
    expect((await fetch(`${url}/mounted/hooks`, { method: 'POST', body: 'raw bytes' })).status).toBe(204);
    expect(seen).toBe('/mounted/hooks raw bytes');
  });

  it('answers 500 JSON when the handler throws, or hands the error to next()', async () => {
    const failure = new Error('handler bug');
    const broken = toNodeHandler(() => Promise.reject(failure));
    const plain = await listen((req, res) => void broken(req, res));
    const response = await fetch(plain);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal_error', message: 'The server failed.' } });

    const passed: unknown[] = [];
    const express = await listen(
      (req, res) =>
        void broken(req, res, (error) => {
          passed.push(error);
          res.writeHead(599).end();
        }),
    );
    expect((await fetch(express)).status).toBe(599);
    expect(passed).toEqual([failure]);
  });
});

/** A POST through node:http that tolerates the server answering before the whole body is sent. */
function rawPost(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/dots/flows`, { method: 'POST', headers: json }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(body);
  });
}
