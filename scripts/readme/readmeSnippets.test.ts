// The READMEs' TypeScript snippets, as written: every one is compiled by tsc, and every server-side one runs
// against the local sandbox and real servers on loopback (the browser ones run in readmeSnippets.browser.test.tsx).
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '@dots-flow/sandbox';
import { createDotsClient, signTestWebhook, toNodeHandler, type DotsClient } from '@dots-flow/server';
import type { Flow } from '@dots-flow/core';
import { startRedisServer } from '../../packages/server/src/testing/startRedisServer.js';
import { allSnippets, REPO_DIR } from './extractSnippets.js';
import { walkSandboxFlow } from '../../packages/server/src/testing/walkSandboxFlow.js';
import { ctx } from './serverContext.js';
import { SNIPPET_CONTEXTS } from './snippetContexts.js';
import { checkedModule, CONTEXT_MODULES } from './snippetModule.js';

const run = promisify(execFile);
const snippets = allSnippets();
const CREDENTIALS = { clientId: 'readme_client', apiKey: 'readme_key' };
const SECRET = 'whsec_' + Buffer.from('readme-snippets-secret-24b').toString('base64');
const KNOWN_DOTS_USER = 'b7e1c2a4-5d6f-4a8b-9c0d-1e2f3a4b5c6d';
const PAYEE = {
  first_name: 'Ada',
  last_name: 'Payee',
  email: 'ada.payee@example.com',
  country_code: '1',
  phone_number: '4155550190',
};

describe('README snippets', () => {
  it('each ts/tsx snippet has a context (scripts/readme/snippetContexts.ts), and each context a snippet', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(18);
    expect(snippets.map((snippet) => snippet.id).sort()).toEqual(Object.keys(SNIPPET_CONTEXTS).sort());
  });

  it('compile with tsc, exactly as written', async () => {
    const dir = join(REPO_DIR, '.fixtures', 'readme-snippets');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const files: string[] = [];
    for (const snippet of snippets) {
      const context = SNIPPET_CONTEXTS[snippet.id]!;
      const contextModule = relative(dir, CONTEXT_MODULES[context.env]).replace(/\.ts$/, '.js');
      const file = `${snippet.id.replace(/[/:.]/g, '_')}.${snippet.lang}`;
      // The snippet's README line, so a compile error points at it.
      await writeFile(
        join(dir, file),
        `// ${snippet.file}:${snippet.line}\n${checkedModule(snippet, context, contextModule)}`,
      );
      files.push(file);
    }
    const tsconfig = {
      extends: relative(dir, join(REPO_DIR, 'tsconfig.base.json')),
      compilerOptions: { noEmit: true, declaration: false, declarationMap: false, types: ['node'] },
      files,
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', dir]).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('README snippets, run (server side)', () => {
  let sandbox: Sandbox;
  let client: DotsClient;
  const servers: Server[] = [];
  /** What the webhooks snippet's onFlowUpdated saved (the module keeps the function it was loaded with). */
  const saved: [string, string][] = [];
  /** What the webhooks snippets' onTransferCompleted recorded. */
  const recorded: string[] = [];

  const load = (id: string) => import(/* @vite-ignore */ `readme-snippet:${id}`) as Promise<Record<string, unknown>>;
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  async function listen(server: Server): Promise<string> {
    servers.push(server);
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    else await new Promise((resolve) => setTimeout(resolve, 0));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  /** A flow for `hostUserId` whose Dots user is already known, as a webhook would announce it. */
  const flowFor = (hostUserId: string) =>
    client.flows.create({ steps: ['payout'], user_id: KNOWN_DOTS_USER, metadata: { host_user_id: hostUserId } });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...CREDENTIALS, users: [KNOWN_DOTS_USER] });
    client = createDotsClient({ baseUrl: sandbox.url, ...CREDENTIALS });
    vi.stubEnv('DOTS_CLIENT_ID', CREDENTIALS.clientId);
    vi.stubEnv('DOTS_API_KEY', CREDENTIALS.apiKey);
    vi.stubEnv('DOTS_WEBHOOK_SECRET', SECRET);
    Object.assign(ctx, { sandboxUrl: sandbox.url, dots: client, secret: SECRET });
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const server of [...servers, ...ctx.servers]) server.closeAllConnections?.();
    await Promise.all([...servers, ...ctx.servers].map((server) => new Promise((resolve) => server.close(resolve))));
    await sandbox.close();
  });

  it('root README: the backend creates a flow for the session user, and answers 401 without one', async () => {
    let session: { hostUserId: string } | null = { hostUserId: 'host-root' };
    ctx.lookUpSession = () => session;
    const { handler } = (await load('README.md:1')) as { handler: (request: Request) => Promise<Response> };
    const created = await handler(post('https://app.example/api/dots/flows', { steps: ['compliance'] }));
    expect(created.status).toBe(201);
    const flow = (await created.json()) as Flow;
    expect(flow.link.startsWith(`${sandbox.url}/flow/`)).toBe(true);
    expect(flow.metadata).toEqual({ host_user_id: 'host-root' });
    session = null;
    expect((await handler(post('https://app.example/api/dots/flows', { steps: ['compliance'] }))).status).toBe(401);
  });

  it('server README, the client: creates a flow for a Dots user and reads it back', async () => {
    ctx.dotsUserId = KNOWN_DOTS_USER;
    ctx.signal = new AbortController().signal;
    const { flow, fresh, dots } = (await load('packages/server/README.md:1')) as {
      flow: Flow;
      fresh: Flow;
      dots: unknown;
    };
    expect(flow.user_id).toBe(KNOWN_DOTS_USER);
    expect(fresh).toEqual(flow);
    expect(typeof (dots as DotsClient).flows.create).toBe('function');
  });

  it('server README: a user paid by transfer, the wallet read back', async () => {
    const { user, transfer, wallet } = (await load('packages/server/README.md:4')) as {
      user: { id: string };
      transfer: { amount: number; user_id: string };
      wallet: number;
    };
    expect(transfer).toMatchObject({ amount: -2500, user_id: user.id });
    expect(wallet).toBe(2500);
  });

  it('server README: a flow with every step option and string metadata, then the list pages', async () => {
    await load('packages/server/README.md:2');
    const { page, next, recent } = (await load('packages/server/README.md:3')) as {
      page: { has_more: boolean; data: Flow[] };
      next: { data: Flow[] };
      recent: Flow[];
    };
    const withOptions = recent.find((flow) => flow.metadata === 'order A-1');
    expect(withOptions?.steps).toEqual(['compliance', 'manage-payouts', 'payout', 'pdf-form-fill', 'redirect']);
    expect(page.data.length).toBeGreaterThan(0);
    expect(next.data.map((flow) => flow.id)).not.toContain(page.data.at(-1)!.id);
  });

  it('server README, the flow route: POST creates for the session user, GET /:id reads only theirs', async () => {
    ctx.getSessionUser = async (request) =>
      request.headers.get('cookie') === 'session=ada' ? { id: 'host-ada', dotsUserId: null } : null;
    const { handler } = (await load('packages/server/README.md:5')) as { handler: typeof ctx.handler };
    ctx.handler = handler;
    const cookie = { cookie: 'session=ada' };
    const created = await handler(post('https://app.example/api/dots/flows', { steps: ['compliance'] }, cookie));
    expect(created.status).toBe(201);
    const flow = (await created.json()) as Flow;
    const read = await handler(new Request(`https://app.example/api/dots/flows/${flow.id}`, { headers: cookie }));
    expect(read.status).toBe(200);
    // The README's own metadata, and the owner stamp the handler adds.
    expect(((await read.json()) as Flow).metadata).toEqual({ app: 'my-app', host_user_id: 'host-ada' });
    expect((await handler(new Request(`https://app.example/api/dots/flows/${flow.id}`))).status).toBe(401);
  });

  it('server README, Next.js: the route exports the handler as POST and GET', async () => {
    const route = await load('packages/server/README.md:6');
    expect(route['POST']).toBe(ctx.handler);
    expect(route['GET']).toBe(ctx.handler);
  });

  it('server README, Hono: app.all serves POST /api/dots/flows and GET /api/dots/flows/:id', async () => {
    ctx.hono = new Hono();
    await load('packages/server/README.md:7');
    const created = await ctx.hono.request(
      post('http://hono.local/api/dots/flows', { steps: ['payout'] }, { cookie: 'session=ada' }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Flow;
    const read = await ctx.hono.request(`/api/dots/flows/${id}`, { headers: { cookie: 'session=ada' } });
    expect(read.status).toBe(200);
  });

  it('server README, Express: app.use mounts the flow route', async () => {
    ctx.express = express();
    await load('packages/server/README.md:8');
    const url = await listen(ctx.express.listen(0, '127.0.0.1'));
    const created = await fetch(post(`${url}/api/dots/flows`, { steps: ['payout'] }, { cookie: 'session=ada' }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Flow;
    expect((await fetch(`${url}/api/dots/flows/${id}`, { headers: { cookie: 'session=ada' } })).status).toBe(200);
  });

  it('server README, node:http: the handler serves a plain server', async () => {
    await load('packages/server/README.md:9');
    expect(ctx.servers).toHaveLength(1);
    const url = await listen(ctx.servers[0]!);
    const created = await fetch(post(`${url}/api/dots/flows`, { steps: ['payout'] }, { cookie: 'session=ada' }));
    expect(created.status).toBe(201);
  });

  it('server README, webhooks: a signed flow.updated reaches onFlowUpdated with the host user and Dots user', async () => {
    ctx.saveDotsUserId = async (hostUserId, dotsUserId) => void saved.push([hostUserId, dotsUserId]);
    ctx.recordPayment = async (transferId) => void recorded.push(transferId);
    const { webhooks } = (await load('packages/server/README.md:10')) as { webhooks: typeof ctx.webhooks };
    ctx.webhooks = webhooks;
    const flow = await flowFor('host-hook');
    const { body, headers } = await signTestWebhook({ event: 'flow.updated', flow_id: flow.id }, SECRET);
    expect(
      (await webhooks(new Request('https://app.example/api/dots/webhooks', { method: 'POST', headers, body }))).status,
    ).toBe(200);
    expect(saved).toEqual([['host-hook', KNOWN_DOTS_USER]]);
    const forged = await signTestWebhook({ event: 'flow.updated', flow_id: flow.id }, 'whsec_' + 'B'.repeat(32));
    const rejected = await webhooks(
      new Request('https://app.example/api/dots/webhooks', { method: 'POST', ...forged }),
    );
    expect(rejected.status).toBeGreaterThanOrEqual(400);
    expect(saved).toHaveLength(1);

    // transfer.completed as webhooks.mdx shows it (no `event` field, placed by its fields): read back, then recorded.
    const user = await client.users.create(PAYEE);
    const transfer = await client.transfers.create({ amount: -300, user_id: user.id });
    const paid = await signTestWebhook({ transfer, transfer_id: transfer.id }, SECRET);
    const response = await webhooks(new Request('https://app.example/api/dots/webhooks', { method: 'POST', ...paid }));
    expect(response.status).toBe(200);
    expect(recorded).toEqual([transfer.id]);
  });

  it('server README, several instances: two loads of the snippet share a real redis-server, pay once, process once', async () => {
    const redisServer = await startRedisServer();
    type Instance = {
      webhooks: typeof ctx.webhooks;
      payGig: (gigId: string, userId: string) => Promise<{ id: string; amount: number }>;
      redis: { quit(): Promise<unknown> };
    };
    const instances: Instance[] = [];
    try {
      vi.stubEnv('REDIS_URL', redisServer.url);
      recorded.length = 0;
      // Slow enough that the twin delivery arrives while the first still runs.
      ctx.recordPayment = async (transferId) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        recorded.push(transferId);
      };
      // Two instances: the same module evaluated twice, each with its own Redis connection.
      for (const copy of ['a', 'b']) {
        const module = (await import(
          /* @vite-ignore */ `readme-snippet:packages/server/README.md:19?instance=${copy}`
        )) as Instance;
        instances.push(module);
      }
      const user = await client.users.create(PAYEE);
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, index) => instances[index % 2]!.payGig('42', user.id)),
      );
      expect(new Set(attempts.map((transfer) => transfer.id)).size).toBe(1);
      expect((await client.users.retrieve(user.id)).wallet.amount).toBe(2500);

      const transfer = await client.transfers.retrieve(attempts[0]!.id);
      const delivery = await signTestWebhook({ transfer, transfer_id: transfer.id }, SECRET);
      const deliver = (index: number) =>
        instances[index]!.webhooks(
          new Request('https://app.example/api/dots/webhooks', { method: 'POST', ...delivery }),
        );
      const statuses = (await Promise.all([deliver(0), deliver(1)])).map((response) => response.status);
      expect(statuses.sort()).toEqual([200, 409]);
      expect(await (await deliver(1)).json()).toEqual({ received: true, duplicate: true });
      expect(recorded).toEqual([transfer.id]);
    } finally {
      await Promise.all(instances.map((module) => module.redis.quit().catch(() => undefined)));
      await redisServer.close();
    }
  });

  it('server README, mounting the webhooks: Next.js, Hono and Express all verify and deliver', async () => {
    expect((await load('packages/server/README.md:11'))['POST']).toBe(ctx.webhooks);

    ctx.hono = new Hono();
    await load('packages/server/README.md:12');
    const viaHono = await signTestWebhook({ event: 'flow.updated', flow_id: (await flowFor('host-hono')).id }, SECRET);
    expect((await ctx.hono.request('/api/dots/webhooks', { method: 'POST', ...viaHono })).status).toBe(200);

    ctx.express = express();
    await load('packages/server/README.md:13');
    const url = await listen(ctx.express.listen(0, '127.0.0.1'));
    const viaExpress = await signTestWebhook(
      { event: 'flow.updated', flow_id: (await flowFor('host-express')).id },
      SECRET,
    );
    expect((await fetch(`${url}/api/dots/webhooks`, { method: 'POST', ...viaExpress })).status).toBe(200);
  });

  it('server README, verifyWebhook by hand: returns the verified payload', async () => {
    const payload = { event: 'flow.updated', flow_id: 'ab7d7ea8-7f44-4d33-a0e1-5a1b2f4c9d10' };
    const signed = await signTestWebhook(payload, SECRET);
    Object.assign(ctx, {
      rawBody: signed.body,
      request: new Request('https://app.example/hook', { headers: signed.headers }),
    });
    const { event } = await load('packages/server/README.md:14');
    expect(event).toEqual(payload);
  });

  it('server README, signTestWebhook: the signed test delivery is accepted by your webhook route', async () => {
    saved.length = 0;
    const { createServer } = await import('node:http');
    const url = await listen(createServer(toNodeHandler(ctx.webhooks)));
    ctx.webhookUrl = `${url}/api/dots/webhooks`;
    ctx.flow_id = (await flowFor('host-signed')).id;
    await load('packages/server/README.md:15');
    await expect.poll(() => saved).toEqual([['host-signed', KNOWN_DOTS_USER]]);
  });

  describe('server README, paying users', () => {
    beforeAll(() => {
      ctx.userFinishedFlow = (flowId) => walkSandboxFlow(sandbox.url, flowId);
      ctx.codeTheUserTyped = '123456';
    });

    it('Flow Payouts: onboarded in a flow, paid by transfer, then a payout flow for that user', async () => {
      const { withdraw } = (await load('packages/server/README.md:16')) as { withdraw: Flow };
      expect(withdraw.steps).toEqual(['payout']);
      const transfers = await client.transfers.list({ user_id: withdraw.user_id! });
      expect(transfers.data.map((t) => [t.type, t.amount])).toEqual([['balance', -5000]]);
    });

    it('a Payout Link: claimed by the payee it onboarded, who withdrew the amount', async () => {
      const { link, claimed } = (await load('packages/server/README.md:17')) as {
        link: { id: string; status: string };
        claimed: { status: string; claimed_user_id: string };
      };
      expect(link.status).toBe('delivered');
      expect(claimed.status).toBe('claimed');
      expect((await client.users.retrieve(claimed.claimed_user_id)).wallet.amount).toBe(0);
      const payouts = await client.transfers.list({ user_id: claimed.claimed_user_id, type: 'payout' });
      expect(payouts.data.map((t) => [t.amount, t.payout_link_id])).toEqual([[2500, link.id]]);
    });

    it('a white-label payout: a verified API user with a default method, paid out by API', async () => {
      const { payout } = (await load('packages/server/README.md:18')) as {
        payout: { type: string; amount: number; user_id: string; external_data: { platform: string } };
      };
      expect(payout).toMatchObject({ type: 'payout', amount: 1000, external_data: { platform: 'ach' } });
      const user = await client.users.retrieve(payout.user_id);
      expect(user).toMatchObject({ status: 'verified', wallet: { amount: 0 } });
    });
  });

  it('sandbox README: starts on a free port and closes', async () => {
    const { sandbox: started } = (await load('packages/sandbox/README.md:1')) as { sandbox: Sandbox };
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(`${started.url}/api/v2/flows`)).rejects.toThrow();
  });

  it('sandbox README: staticFlowLink builds a static flow page link with the config in it', async () => {
    const link = (await load('packages/sandbox/README.md:2')).default as string;
    expect(link.startsWith('/dots-sandbox/flow.html?config=')).toBe(true);
    const config = JSON.parse(
      Buffer.from(new URL(link, 'http://x').searchParams.get('config')!, 'base64url').toString(),
    );
    expect(config).toEqual({ steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }] });
  });
});
