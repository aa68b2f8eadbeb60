// Helpers for tests that talk to a real sandbox over HTTP.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Flow } from '@dots-flow/core';
import { DEFAULT_FIELDS } from '../../page/stepRules.js';
import { basicAuthHeader } from '../basicAuth.js';
import { SANDBOX_DEFAULTS } from '../defaults.js';

export const AUTH = basicAuthHeader(SANDBOX_DEFAULTS.clientId, SANDBOX_DEFAULTS.apiKey);

/** A user id to seed sandboxes with (`startSandbox({ users: [KNOWN_USER] })`): a UUID, as Dots' ids are. */
export const KNOWN_USER = '3f1c2b0e-8d4a-4c6f-9a7b-1e2d3c4b5a69';

/** `POST /api/v2/flows`; a string body is sent as is (to test malformed JSON). */
export function postFlow(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/v2/flows`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Creates a flow and returns it, failing loudly when the sandbox refuses. */
export async function createFlow(url: string, body: unknown): Promise<Flow> {
  const response = await postFlow(url, body);
  if (!response.ok) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Flow;
}

export async function getFlow(url: string, id: string): Promise<Flow> {
  const response = await fetch(`${url}/api/v2/flows/${id}`, { headers: { authorization: AUTH } });
  if (!response.ok) throw new Error(`get failed: ${response.status}`);
  return (await response.json()) as Flow;
}

/** `GET /api/v2/flows` with these query parameters; the answer as is. */
export function listFlows(url: string, query = ''): Promise<Response> {
  return fetch(`${url}/api/v2/flows${query}`, { headers: { authorization: AUTH } });
}

/** What the flow page sends to complete a step (server mode). */
export function completeStepHttp(url: string, flowId: string, step: string, fields: unknown): Promise<Response> {
  return fetch(`${url}/flow/${flowId}/steps/${step}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields }),
  });
}

/** What the flow page sends to sign its user in again with the SMS code. */
export function verifyCodeHttp(url: string, flowId: string, code: string): Promise<Response> {
  return fetch(`${url}/flow/${flowId}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
}

/** The pre-filled form of each step, as the page would send it unchanged. */
export const VALID_FIELDS: Record<string, Record<string, unknown>> = {
  ...DEFAULT_FIELDS,
  'manage-payouts': { default_method: 'pm_bank' },
};

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on 127.0.0.1 that answers each request with `statusFor(index)` (default 204). */
export async function startWebhookReceiver(statusFor: (index: number) => number = () => 204) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = statusFor(received.length);
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
