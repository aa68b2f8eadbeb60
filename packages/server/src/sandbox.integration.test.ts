import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { startSandbox } from '@dots-flow/sandbox';
import type { Sandbox } from '@dots-flow/sandbox';
import type { Flow } from '@dots-flow/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import type { DotsClient } from './createDotsClient.js';
import { createFlowHandler } from './createFlowHandler.js';
import { createWebhookHandler } from './createWebhookHandler.js';
import type { WebhookEvent } from './createWebhookHandler.js';
import { DotsApiError } from './DotsApiError.js';
import { signTestWebhook } from './signTestWebhook.js';
import { toNodeHandler } from './toNodeHandler.js';
import type { WebHandler } from './toNodeHandler.js';

// Real @dots-flow/sandbox, real node:http receiver, real signatures: nothing here is mocked.
const CLIENT_ID = 'integration_client';
const API_KEY = 'integration_key_9f8e7d';
const SECRET = 'whsec_' + Buffer.from('integration-webhook-secret-bytes').toString('base64');
// A UUID, as Dots' user ids are; today's sandbox takes any id it was started with.
const KNOWN_USER = 'f33919ae-6793-41bd-b512-1ad3c19f4ecb';

let sandbox: Sandbox;
let receiver: Server;
let receiverUrl: string;
let client: DotsClient;
let webhooks: WebHandler = () => new Response(null, { status: 503 });
let updates: { flow: Flow; event: WebhookEvent }[] = [];
let money: string[] = [];
const failures: unknown[] = [];
const log: string[] = [];

beforeAll(async () => {
  // The receiver must exist before the sandbox (its webhookUrl), the handler after it (its client).
  receiver = createServer((req, res) => void toNodeHandler((request) => webhooks(request))(req, res));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/dots/webhooks`;
  sandbox = await startSandbox({
    port: 0,
    clientId: CLIENT_ID,
    apiKey: API_KEY,
    webhookUrl: receiverUrl,
    webhookSecret: SECRET,
    users: [KNOWN_USER],
    webhookRetryDelaysMs: [],
    log: (line) => void log.push(line),
  });
  client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: sandbox.url });
  webhooks = createWebhookHandler({
    secret: SECRET,
    client,
    onFlowUpdated: (flow, event) => void updates.push({ flow, event }),
    // What this endpoint subscribes to in Svix: places bodies that carry no `event` (webhooks.mdx shows
    // payout_link.claimed so); the sandbox's name their type, which decides first.
    onError: (error) => void failures.push(error),
    eventTypes: ['flow.updated', 'transfer.completed', 'transfer.failed', 'payout_link.claimed'],
    onTransferCompleted: async (event, { client: dots }) => {
      const transfer = await dots.transfers.retrieve(event.payload.transfer_id);
      money.push(`completed ${transfer.id} ${transfer.status} ${transfer.amount} ${event.payload.transfer.amount}`);
    },
    onPayoutLinkClaimed: async (event, { client: dots }) => {
      const claimant = await dots.users.retrieve(event.payload.claimed_user_id!);
      money.push(`claimed ${event.payload.id} by ${claimant.id}`);
    },
  });
});

afterAll(async () => {
  await sandbox?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

beforeEach(() => {
  updates = [];
  money = [];
});

/** Completes a step the way the sandbox's flow page does when the user submits its form. */
async function completeStep(flow: Flow, step: string, fields: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/flow/${flow.id}/steps/${step}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const COMPLIANCE = { legal_name: 'Ada Lovelace', tin: '123456789', address: '1 Main St', postal_code: '94105' };

describe('createDotsClient against the sandbox', () => {
  it('creates and retrieves flows, with and without a user', async () => {
    const anonymous = await client.flows.create({ steps: ['compliance'], metadata: { host_user_id: 'h1' } });
    expect(anonymous).toMatchObject({ user_id: null, completed_steps: [], metadata: { host_user_id: 'h1' } });
    expect(anonymous.steps.at(-1)).toBe('compliance');
    expect(anonymous.link).toBe(`${sandbox.url}/flow/${anonymous.id}`);
    await expect(client.flows.retrieve(anonymous.id)).resolves.toEqual(anonymous);

    const known = await client.flows.create({ steps: ['payout'], user_id: KNOWN_USER });
    expect(known).toMatchObject({ user_id: KNOWN_USER, steps: ['payout'] });
  });

  it('maps the sandbox’s refusals to typed errors without the credentials', async () => {
    const wrong = createDotsClient({ clientId: CLIENT_ID, apiKey: 'wrong_key_123', baseUrl: sandbox.url });
    const unauthorized = await wrong.flows.create({ steps: ['payout'] }).catch((error: unknown) => error);
    expect(unauthorized).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(inspect(unauthorized)).not.toContain('wrong_key_123');

    await expect(client.flows.retrieve(randomUUID())).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    });
    const refused = await client.flows.create({ steps: ['payout'], user_id: randomUUID() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DotsApiError);
    expect(refused).toMatchObject({ code: 'bad_request', status: 400 });
    expect((refused as DotsApiError).dotsMessage).toBeTruthy();
  });
});

describe('createFlowHandler → sandbox', () => {
  const NOBODY = randomUUID();
  const routeErrors: unknown[] = [];
  const handler = () =>
    createFlowHandler({
      client,
      resolveUser: (request) => {
        const user = request.headers.get('x-user');
        const dotsUserId = user === 'returning' ? KNOWN_USER : user === 'unknown-to-dots' ? NOBODY : null;
        return user ? { hostUserId: user, dotsUserId } : null;
      },
      allowedSteps: ['compliance', 'manage-payouts', 'payout'],
      onError: (error) => void routeErrors.push(error),
    });
  const postFlow = (user: string, body: unknown) =>
    handler()(
      new Request('http://app.test/api/dots/flows', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user': user },
        body: JSON.stringify(body),
      }),
    );

  it('creates the flow in the sandbox for the signed-in user and reads it back only for them', async () => {
    const created = await postFlow('returning', { steps: [{ name: 'manage-payouts', hide_continue_button: true }] });
    expect(created.status).toBe(201);
    const flow = (await created.json()) as Flow;
    expect(flow).toMatchObject({
      user_id: KNOWN_USER,
      steps: ['manage-payouts'],
      metadata: { host_user_id: 'returning' },
    });
    expect(await client.flows.retrieve(flow.id)).toEqual(flow);

    const own = await handler()(
      new Request(`http://app.test/api/dots/flows/${flow.id}`, { headers: { 'x-user': 'returning' } }),
    );
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual(flow);
    const other = await handler()(
      new Request(`http://app.test/api/dots/flows?id=${flow.id}`, { headers: { 'x-user': 'mallory' } }),
    );
    expect(other.status).toBe(404);
  });

  it('refuses disallowed steps and a browser user_id before the sandbox sees them', async () => {
    const response = await postFlow('u', { steps: ['background-check'] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'step_not_allowed' } });
    const chosen = await postFlow('u', { steps: ['payout'], user_id: KNOWN_USER });
    expect(chosen.status).toBe(400);
    expect(await chosen.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });

  it('answers 400 with the sandbox’s reason when it refuses the request, never 502', async () => {
    routeErrors.length = 0;
    const response = await postFlow('unknown-to-dots', { steps: ['payout'] });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; dots_code?: string } };
    expect(error.code).toBe('dots_rejected');
    expect(error.dots_code).toMatch(/^[a-z]+(?:[-_][a-z]+)*$/);
    expect(error.message).toMatch(/^Dots refused the request while creating the flow( \([a-z_-]+\))?: \S/);
    expect(routeErrors).toHaveLength(1);
  });

  it('never answers 502 for a metadata key of 41 to 64 characters: the sandbox takes it or says why not', async () => {
    for (const length of [41, 64]) {
      const response = await postFlow('u', { steps: ['payout'], metadata: { ['k'.repeat(length)]: 'v' } });
      const body = (await response.json()) as { error?: { code: string; message: string } };
      if (response.status === 400) {
        expect(body.error?.code).toBe('dots_rejected');
        expect(body.error?.message).toMatch(/metadata/i);
      } else {
        expect(response.status).toBe(201);
      }
    }
  });

  it('sends string metadata from the browser under browser_metadata, and reads the flow back for its owner', async () => {
    const response = await postFlow('writer', { steps: ['compliance'], metadata: 'order A-1' });
    expect(response.status).toBe(201);
    const flow = (await response.json()) as Flow;
    expect(flow.metadata).toEqual({ browser_metadata: 'order A-1', host_user_id: 'writer' });
    const read = await handler()(
      new Request(`http://app.test/api/dots/flows/${flow.id}`, { headers: { 'x-user': 'writer' } }),
    );
    expect(await read.json()).toEqual(flow);
  });
});

describe('signed webhooks from the sandbox → createWebhookHandler', () => {
  it('verifies flow.updated after each completed step and hands over the flow as Dots reports it', async () => {
    const flow = await client.flows.create({ steps: ['compliance', 'payout'], metadata: { host_user_id: 'h2' } });
    await completeStep(flow, 'onboarding', { phone: '+1 415 555 0100', code: '123456' });
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    const [onboarded] = updates;
    expect(onboarded?.flow.id).toBe(flow.id);
    // Today's sandbox lists its onboarding step; Dots (and the next sandbox) never do.
    expect(onboarded?.flow.completed_steps.filter((step) => step !== 'onboarding')).toEqual([]);
    // Onboarding created the Dots user: what the host stores for this host user.
    expect(onboarded?.flow.user_id).toMatch(/\S/);
    expect(onboarded?.event).toMatchObject({
      type: 'flow.updated',
      payload: { event: 'flow.updated', flow_id: flow.id },
    });

    await completeStep(flow, 'compliance', COMPLIANCE);
    await vi.waitFor(() => expect(updates).toHaveLength(2));
    expect(updates[1]?.flow.completed_steps.filter((step) => step !== 'onboarding')).toEqual(['compliance']);
    expect(updates[1]?.event.id).not.toBe(onboarded?.event.id);
    expect(log.some((line) => line.includes('delivered') && line.includes('(200)'))).toBe(true);
  });

  it('answers 400 to the sandbox when the secrets differ, so nothing is handed over', async () => {
    const otherLog: string[] = [];
    const other = await startSandbox({
      port: 0,
      clientId: CLIENT_ID,
      apiKey: API_KEY,
      webhookUrl: receiverUrl,
      webhookSecret: 'whsec_' + Buffer.from('a-completely-different-secret!!').toString('base64'),
      users: [KNOWN_USER],
      webhookRetryDelaysMs: [],
      log: (line) => void otherLog.push(line),
    });
    try {
      const otherClient = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: other.url });
      const flow = await otherClient.flows.create({ steps: ['compliance'], user_id: KNOWN_USER });
      const response = await fetch(`${other.url}/flow/${flow.id}/steps/compliance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: COMPLIANCE }),
      });
      expect(response.status).toBe(200);
      await vi.waitFor(() => expect(otherLog.join('\n')).toContain('answered 400'));
      expect(updates).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('verifies a signTestWebhook delivery for a sandbox flow through the same route', async () => {
    const flow = await client.flows.create({ steps: ['payout'], user_id: KNOWN_USER });
    const { body, headers } = await signTestWebhook({ event: 'flow.updated', flow_id: flow.id }, SECRET);
    const response = await fetch(receiverUrl, { method: 'POST', headers, body });
    expect(response.status).toBe(200);
    expect(updates.map((update) => update.flow.id)).toEqual([flow.id]);
  });

  it("hands the sandbox's signed transfer.completed to onTransferCompleted, which reads the transfer back", async () => {
    const user = await client.users.create({
      first_name: 'Ada',
      last_name: 'Hook',
      email: 'ada@example.com',
      country_code: '1',
      phone_number: '4155550177',
    });
    const transfer = await client.transfers.create({ amount: -700, user_id: user.id });
    await vi.waitFor(() => expect(money).toHaveLength(1));
    expect(money).toEqual([`completed ${transfer.id} completed -700 -700`]);
  });

  it('dispatches a payout_link.claimed body (no event field; the sandbox does not send it yet) by subscription', async () => {
    const user = await client.users.create({
      first_name: 'Lin',
      last_name: 'Payee',
      email: 'lin@example.com',
      country_code: '1',
      phone_number: '4155550178',
    });
    const link = {
      id: randomUUID(),
      created: '2026-12-02T07:00:00.000000',
      link: `${sandbox.url}/flow/${randomUUID()}`,
      amount: 1500,
      status: 'claimed',
      claimed_user_id: user.id,
      flow_id: randomUUID(),
    };
    const { body, headers } = await signTestWebhook(link, SECRET);
    expect((await fetch(receiverUrl, { method: 'POST', headers, body })).status).toBe(200);
    expect(money).toEqual([`claimed ${link.id} by ${user.id}`]);
    // The same body naming a user the sandbox does not know: the read-back fails, Svix is told to retry.
    const stranger = await signTestWebhook({ ...link, claimed_user_id: randomUUID() }, SECRET);
    const response = await fetch(receiverUrl, { method: 'POST', ...stranger });
    expect(response.status).toBe(502);
    expect(money).toHaveLength(1);
    expect(failures.at(-1)).toMatchObject({ name: 'DotsApiError', code: 'not_found' });
  });
});
