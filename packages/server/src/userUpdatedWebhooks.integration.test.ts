import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { startSandbox } from '@dots-flow/sandbox';
import type { Sandbox } from '@dots-flow/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import type { DotsClient } from './createDotsClient.js';
import { createWebhookHandler } from './createWebhookHandler.js';
import { toNodeHandler } from './toNodeHandler.js';
import type { WebHandler } from './toNodeHandler.js';
import type { DotsWebhookEventType } from './webhookEvents.js';

// The sandbox's `user.updated*` bodies are `{ event, user_id }` (docs/webhooks.yaml): the kit places them by
// their `event`, with or without the endpoint's `eventTypes` (which only narrow bodies that lack it). The
// sandbox has one webhook URL for everything, so each test makes only one kind of user change.
const CLIENT_ID = 'user_events_client';
const API_KEY = 'user_events_key_4b1d';
const SECRET = 'whsec_' + Buffer.from('user-updated-webhooks-secret-32b').toString('base64');

let sandbox: Sandbox;
let receiver: Server;
let client: DotsClient;
let webhooks: WebHandler = () => new Response(null, { status: 503 });
let seen: string[] = [];
const failures: unknown[] = [];

/** The endpoint, subscribed to `eventTypes` (none: not given): records each event as `type user_id` (or `? candidates`). */
function subscribe(eventTypes?: DotsWebhookEventType[]): void {
  webhooks = createWebhookHandler({
    secret: SECRET,
    client,
    ...(eventTypes ? { eventTypes } : {}),
    onError: (error) => void failures.push(error),
    onEvent: (event) => {
      if (!event.known) return void seen.push(`? ${event.candidates.join(' ')}`);
      switch (event.type) {
        // Typed: each of these payloads is `{ user_id: string }`.
        case 'user.updated':
        case 'user.updated.id_verified':
        case 'user.updated.background_check':
        case 'user.updated.default_payout_method_changed':
          return void seen.push(`${event.type} ${event.payload.user_id}`);
        default:
          return void seen.push(event.type);
      }
    },
  });
}

beforeAll(async () => {
  receiver = createServer((req, res) => void toNodeHandler((request) => webhooks(request))(req, res));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sandbox = await startSandbox({
    port: 0,
    clientId: CLIENT_ID,
    apiKey: API_KEY,
    webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/dots/webhooks`,
    webhookSecret: SECRET,
    webhookRetryDelaysMs: [],
  });
  client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: sandbox.url });
});

afterAll(async () => {
  await sandbox?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

beforeEach(() => {
  seen = [];
  failures.length = 0;
});

async function completeStep(flowId: string, step: string, fields: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/flow/${flowId}/steps/${step}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const ONBOARDING = { phone: '+1 415 555 0100', code: '123456' };

describe('user.updated* webhooks from the sandbox → createWebhookHandler', () => {
  it('hands over user.updated.id_verified typed, after the identity step', async () => {
    subscribe(['flow.updated', 'user.updated.id_verified']);
    const flow = await client.flows.create({ steps: ['id-verification'] });
    await completeStep(flow.id, 'onboarding', ONBOARDING);
    await vi.waitFor(() => expect(seen).toEqual(['flow.updated']));
    const { user_id: userId } = await client.flows.retrieve(flow.id);
    await completeStep(flow.id, 'id-verification', { document_type: 'passport', document: true, selfie: true });
    // Two deliveries sent at once may arrive in either order.
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen.slice(1).sort()).toEqual(['flow.updated', `user.updated.id_verified ${userId}`]);
    expect(failures).toEqual([]);
  });

  it('hands over user.updated.default_payout_method_changed typed, and nothing about the user on an unchanged save', async () => {
    subscribe(['user.updated.default_payout_method_changed']);
    const flow = await client.flows.create({ steps: ['manage-payouts'] });
    await completeStep(flow.id, 'onboarding', ONBOARDING);
    const { user_id: userId } = await client.flows.retrieve(flow.id);
    await completeStep(flow.id, 'manage-payouts', { default_method: 'pm_venmo' });
    await vi.waitFor(() => expect(seen).toContain(`user.updated.default_payout_method_changed ${userId}`));
    const again = await client.flows.create({ steps: ['manage-payouts'], user_id: userId! });
    await completeStep(again.id, 'manage-payouts', { default_method: 'pm_venmo' });
    // flow.updated (not subscribed here, so only its own type fits) for onboarding and the two saves.
    await vi.waitFor(() => expect(seen.filter((line) => line === 'flow.updated')).toHaveLength(3));
    expect(seen.filter((line) => line.startsWith('user.'))).toEqual([
      `user.updated.default_payout_method_changed ${userId}`,
    ]);
    expect(failures).toEqual([]);
  });

  it('hands over user.updated typed when the users API verifies a user, by its event even where eventTypes differ', async () => {
    subscribe(['user.updated']);
    const user = await client.users.create({
      first_name: 'Grace',
      last_name: 'Hopper',
      email: `grace+${randomUUID().slice(0, 8)}@example.com`,
      country_code: '1',
      phone_number: '4155550123',
    });
    await client.users.verify(user.id, '123456');
    await vi.waitFor(() => expect(seen).toEqual([`user.updated ${user.id}`]));

    // The body names its type: an endpoint given another user type, or no eventTypes at all, still places it.
    subscribe(['user.updated.background_check']);
    const other = await client.users.create({
      first_name: 'Alan',
      last_name: 'Turing',
      email: `alan+${randomUUID().slice(0, 8)}@example.com`,
      country_code: '1',
      phone_number: '4155550124',
    });
    await client.users.verify(other.id, '123456');
    await vi.waitFor(() => expect(seen).toEqual([`user.updated ${user.id}`, `user.updated ${other.id}`]));
    subscribe();
    const third = await client.users.create({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: `ada+${randomUUID().slice(0, 8)}@example.com`,
      country_code: '1',
      phone_number: '4155550125',
    });
    await client.users.verify(third.id, '123456');
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen[2]).toBe(`user.updated ${third.id}`);
    expect(failures).toEqual([]);
  });
});
