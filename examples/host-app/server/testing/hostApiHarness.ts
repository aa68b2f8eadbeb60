// A host API wired to a real sandbox, for the backend tests: requests go straight to its fetch handler.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@dots-flow/sandbox';
import { createDotsClient, signTestWebhook, type SignTestWebhookOptions } from '@dots-flow/server';
import { createHostApi } from '../createHostApi.js';
import { openJsonFileStore } from '../jsonFileStore.js';
import { createWebhookLog } from '../webhookLog.js';

export const SECRET = 'whsec_aG9zdC1hcHAtdGVzdC1zZWNyZXQtMTIzNDU2';
export const OTHER_SECRET = 'whsec_c29tZWJvZHktZWxzZXMtc2VjcmV0LTEyMzQ=';
const CREDENTIALS = { clientId: 'host_app_test', apiKey: 'sk_test_host_app' };
/** A Dots user the sandbox knows from the start that no host user owns: the id an attacker would inject. */
export const SEEDED_DOTS_USER = '5f0c3a8e-2b7d-4c1e-9a6f-0d4b8e2c7a15';
/** Dots' user ids are UUIDs. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface TestFlow {
  id: string;
  user_id: string | null;
  steps: string[];
  completed_steps: string[];
  metadata: Record<string, string> | null;
}

/** Accounts signed up with this email are the harness's admins. */
export const ADMIN_EMAIL = 'ops@acme.test';

export async function startHarness() {
  const dir = await mkdtemp(join(tmpdir(), 'host-api-'));
  const sandbox = await startSandbox({ port: 0, ...CREDENTIALS, users: [SEEDED_DOTS_USER] });
  const client = createDotsClient({ ...CREDENTIALS, baseUrl: sandbox.url });
  const store = await openJsonFileStore(join(dir, 'store.json'));
  const webhookLog = createWebhookLog();
  const lines: string[] = [];
  const api = createHostApi({
    store,
    client,
    webhookSecret: SECRET,
    webhookLog,
    frameOrigins: [sandbox.url],
    adminEmails: [ADMIN_EMAIL],
    log: (line) => lines.push(line),
  });

  const call = (path: string, init: RequestInit = {}) => api.fetch(new Request(`http://app.test${path}`, init));
  const json = (method: string, body: unknown, cookie?: string): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  let accounts = 0;
  /** Signs up a host user; returns its id, email, password and the `Cookie` header value of its session. */
  const signUp = async (name = 'Ada', chosenEmail?: string) => {
    accounts += 1;
    const email = chosenEmail ?? `${name.toLowerCase().replace(/\W/g, '')}.${accounts}@example.com`;
    const password = `password-${accounts}`;
    const response = await call('/api/users', json('POST', { name, email, password }));
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status}`);
    const { user } = (await response.json()) as { user: { id: string } };
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { id: user.id, email, password, cookie };
  };

  const createFlow = async (cookie: string, body: unknown = { steps: ['compliance'] }) => {
    const response = await call('/api/dots/flows', json('POST', body, cookie));
    if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as TestFlow;
  };

  /** Completes onboarding on the sandbox, as the flow page would: the flow gets its Dots user. */
  const completeOnboarding = async (flowId: string) => {
    const response = await fetch(`${sandbox.url}/flow/${flowId}/steps/onboarding`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { phone: '+1 415 555 0100', code: '123456' } }),
    });
    if (!response.ok) throw new Error(`onboarding failed: ${response.status}`);
    return (await client.flows.retrieve(flowId)) as TestFlow;
  };

  /** Completes the tax step on the sandbox with its test data, as the flow page would. */
  const completeCompliance = async (flowId: string) => {
    const fields = { legal_name: 'Ada Lovelace', tin: '123-45-6789', address: '1 Market St', postal_code: '94105' };
    const response = await fetch(`${sandbox.url}/flow/${flowId}/steps/compliance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields }),
    });
    if (!response.ok) throw new Error(`compliance failed: ${response.status} ${await response.text()}`);
    return (await client.flows.retrieve(flowId)) as TestFlow;
  };

  /** Delivers a `flow.updated` webhook signed with `secret` (default: the right one). */
  const deliverWebhook = async (
    flowId: string,
    { secret = SECRET, ...options }: SignTestWebhookOptions & { secret?: string } = {},
  ) => {
    const { body, headers } = await signTestWebhook({ event: 'flow.updated', flow_id: flowId }, secret, options);
    return call('/api/dots/webhooks', { method: 'POST', headers, body });
  };

  /** A host user who finished sign-up (onboarding + compliance, confirmed by a webhook): has a Dots user. */
  const signUpReady = async (name = 'Ada') => {
    const account = await signUp(name);
    const flow = await createFlow(account.cookie, { steps: ['compliance'] });
    await completeOnboarding(flow.id);
    const done = await completeCompliance(flow.id);
    const delivered = await deliverWebhook(flow.id);
    if (delivered.status !== 200) throw new Error(`webhook failed: ${delivered.status}`);
    return { ...account, dotsUserId: done.user_id! };
  };

  /** Delivers a signed transfer webhook as the sandbox sends it: `{ transfer_id, transfer }`. */
  const deliverTransferWebhook = async (transferId: string, secret = SECRET) => {
    const { body, headers } = await signTestWebhook({ transfer_id: transferId }, secret);
    return call('/api/dots/webhooks', { method: 'POST', headers, body });
  };

  /** Delivers a signed `payout_link.*` webhook whose body is the link as Dots reads it now. */
  const deliverPayoutLinkWebhook = async (payoutLinkId: string, secret = SECRET) => {
    const link = await client.payoutLinks.retrieve(payoutLinkId);
    const { body, headers } = await signTestWebhook(link, secret);
    return call('/api/dots/webhooks', { method: 'POST', headers, body });
  };

  const close = async () => {
    api.close();
    await sandbox.close();
    await store.flush();
    await rm(dir, { recursive: true, force: true });
  };

  return {
    api,
    call,
    json,
    signUp,
    createFlow,
    completeOnboarding,
    completeCompliance,
    deliverWebhook,
    signUpReady,
    deliverTransferWebhook,
    deliverPayoutLinkWebhook,
    sandbox,
    store,
    webhookLog,
    client,
    lines,
    close,
  };
}
