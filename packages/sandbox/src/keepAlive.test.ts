// A 413 must not poison a kept-alive connection: the sandbox answers it with `Connection: close`.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH } from './test-support/http.js';
import { MAX_API_BODY_BYTES } from './apiRoutes.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

/** Writes raw HTTP/1.1 on one socket and collects everything the server sends until it closes or goes quiet. */
function rawExchange(chunks: string[], quietMs = 1500): Promise<{ text: string; closedByServer: boolean }> {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    let timer: NodeJS.Timeout;
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer });
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), quietMs);
    };
    socket.on('data', (data) => {
      text += data.toString('latin1');
      quiet();
    });
    socket.on('end', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      quiet();
    });
  });
}

const request = (method: string, path: string, headers: Record<string, string>, body = '') =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n${body}`;

describe('413 on a keep-alive connection', () => {
  it.each([
    [
      'with Content-Length',
      (body: string) => ({ 'content-length': String(Buffer.byteLength(body)) }),
      (body: string) => body,
    ],
    [
      'chunked',
      () => ({ 'transfer-encoding': 'chunked' }),
      (body: string) => `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    ],
  ])('closes the connection (%s), so its unread body is never read as a request', async (_name, headersFor, encode) => {
    const body = JSON.stringify({ steps: ['payout'], metadata: { big: 'x'.repeat(MAX_API_BODY_BYTES) } });
    const huge = request(
      'POST',
      '/api/v2/flows',
      {
        authorization: AUTH,
        'content-type': 'application/json',
        ...headersFor(body),
      },
      encode(body),
    );
    const next = request('GET', '/api/v2/flows', { authorization: AUTH });
    const { text, closedByServer } = await rawExchange([huge, next]);
    const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => match[1]);
    expect(statuses[0]).toBe('413');
    expect(text.split('\r\n\r\n')[0]).toMatch(/^connection: close$/im);
    // Without the close, the server sits on the leftover body and the GET never gets an answer.
    expect(statuses).toEqual(['413']);
    expect(closedByServer).toBe(true);
  });

  it('lets a client go on with a fresh connection: the next fetch works', async () => {
    const huge = JSON.stringify({ steps: ['payout'], metadata: { big: 'x'.repeat(MAX_API_BODY_BYTES) } });
    const post = await fetch(`${sandbox.url}/api/v2/flows`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: huge,
    });
    expect(post.status).toBe(413);
    expect(post.headers.get('connection')).toBe('close');
    await post.body?.cancel();
    const list = await fetch(`${sandbox.url}/api/v2/flows`, { headers: { authorization: AUTH } });
    expect(list.status).toBe(200);
  });
});
