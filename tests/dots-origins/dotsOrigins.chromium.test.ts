// Dots' real frame origins, end to end in Chromium: the sandbox's flow page is served over TLS as
// `https://my-sandbox.dots.dev` (and `https://my.senddotssandbox.com`) through a loopback proxy that
// Chromium reaches by a host-resolver rule, so `environment="sandbox"` meets the exact origins Dots' sandbox
// links use (docs/guides/flow-payouts.mdx in Send-Dots/dots-docs-v2), offline. A look-alike origin must get
// no frame at all, and its messages must not move a trusted flow.
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@dots-flow/sandbox';
import { createDotsClient } from '@dots-flow/server';

const HERE = import.meta.dirname;
const USER = '5b0f8f62-3c1d-4d8e-9a57-0c8e2b7d4f11';
const TRUSTED = ['https://my-sandbox.dots.dev', 'https://my.senddotssandbox.com'];
const LOOK_ALIKE = 'https://my-sandbox.dots.dev.evil.example';

let sandbox: Sandbox;
let proxyPort: number;
let hostUrl: string;
let browser: Browser;
let outDir: string;
const cleanups: (() => Promise<unknown>)[] = [];

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const closer = (server: Server) => () => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
};

/** Plays Dots' flow host: every request on the TLS port goes on to the local sandbox unchanged. */
async function startTlsProxy(target: string): Promise<number> {
  const [key, cert] = await Promise.all(
    ['test-only.key', 'test-only.crt'].map((name) => readFile(join(HERE, 'fixtures', name))),
  );
  const { port } = new URL(target);
  const server = createHttpsServer({ key, cert }, (req, res) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${port}` },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  cleanups.push(closer(server));
  return listen(server);
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** The built host page, plus `POST /flow?origin=…`: a real sandbox flow whose link is moved to that origin. */
async function startHost(dir: string): Promise<string> {
  const dots = createDotsClient({ clientId: 'sandbox_client', apiKey: 'sandbox_key', baseUrl: sandbox.apiUrl });
  const server = createHttpServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (req.method === 'POST' && url.pathname === '/flow') {
      const flow = await dots.flows.create({ steps: ['compliance'], user_id: USER });
      const link = new URL(flow.link);
      const moved = `${url.searchParams.get('origin')}${link.pathname}${link.search}`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...flow, link: moved }));
      return;
    }
    const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const body = await readFile(join(dir, file)).catch(() => null);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  cleanups.push(closer(server));
  return `http://127.0.0.1:${await listen(server)}`;
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'dots-origins-'));
  cleanups.push(() => rm(outDir, { recursive: true, force: true }));
  sandbox = await startSandbox({ port: 0, users: [USER] });
  cleanups.push(() => sandbox.close());
  await build({
    configFile: false,
    root: join(HERE, 'page'),
    base: '/',
    // Vitest runs with NODE_ENV=test, which gives the React plugin its development JSX runtime: build to match.
    mode: 'development',
    logLevel: 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"development"' },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  proxyPort = await startTlsProxy(sandbox.url);
  hostUrl = await startHost(outDir);
  const hosts = [...TRUSTED, LOOK_ALIKE].map((origin) => `MAP ${new URL(origin).hostname} 127.0.0.1:${proxyPort}`);
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [`--host-resolver-rules=${hosts.join(',')}`],
  });
  cleanups.push(() => browser.close());
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function openHost(origin: string): Promise<Page> {
  // The proxy's certificate is a test fixture no CA signed; the origin is what is under test, not the chain.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await page.goto(`${hostUrl}/?origin=${encodeURIComponent(origin)}`);
  return page;
}

const events = (page: Page) => page.evaluate(() => window.__events);

describe('Dots sandbox frame origins in Chromium', { timeout: 30_000 }, () => {
  it.each(TRUSTED)('frames a flow on %s and follows its messages to completion', async (origin) => {
    const page = await openHost(origin);
    const frameElement = page.locator('iframe[title="Tax details"]');
    await frameElement.waitFor();
    expect(new URL((await frameElement.getAttribute('src'))!).origin).toBe(origin);

    const frame = page.frameLocator('iframe[title="Tax details"]');
    await frame.getByRole('heading', { level: 1, name: 'Tax information' }).waitFor();
    expect(await frame.locator('body').evaluate(() => location.origin)).toBe(origin);
    await frame.getByRole('button', { name: 'Submit', exact: true }).click();
    await frame.getByRole('heading', { level: 1, name: 'All done' }).waitFor();

    await expect
      .poll(() => events(page))
      .toEqual([
        expect.objectContaining({ type: 'step', step: 'compliance', status: 'completed' }),
        { type: 'complete' },
      ]);
    expect(await page.locator('[data-dots-flow]').getAttribute('data-status')).toBe('complete');
  });

  it('refuses a link on a look-alike origin: no frame, an untrusted_link error', async () => {
    const page = await openHost(LOOK_ALIKE);
    await expect.poll(() => events(page)).toEqual([{ type: 'error', code: 'untrusted_link' }]);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.locator('[data-dots-flow]').getAttribute('data-status')).toBe('error');
  });

  it('ignores a look-alike frame that posts Dots messages beside a trusted flow', async () => {
    const page = await openHost(TRUSTED[0]!);
    const frame = page.frameLocator('iframe[title="Tax details"]');
    await frame.getByRole('heading', { level: 1, name: 'Tax information' }).waitFor();

    // The same flow page, served from the look-alike host, completes its step and posts to the host page.
    const src = new URL((await page.locator('iframe[title="Tax details"]').getAttribute('src'))!);
    await page.evaluate((url) => {
      const seen: unknown[] = [];
      Object.assign(window, { __seen: seen });
      window.addEventListener('message', (event) => seen.push({ origin: event.origin, data: event.data as unknown }));
      const impostor = document.createElement('iframe');
      impostor.title = 'impostor';
      impostor.src = url;
      document.body.append(impostor);
    }, `${LOOK_ALIKE}${src.pathname}`);
    const impostor = page.frameLocator('iframe[title="impostor"]');
    await impostor.getByRole('button', { name: 'Submit', exact: true }).click();
    await impostor.getByRole('heading', { level: 1, name: 'All done' }).waitFor();
    // The impostor's completion did reach the host page: only the session refused it.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen))
      .toContainEqual({ origin: LOOK_ALIKE, data: { step: 'compliance', status: 'completed' } });

    expect(await events(page)).toEqual([]);
    expect(await page.locator('[data-dots-flow]').getAttribute('data-status')).toBe('ready');
  });
});
