// Servers for the Chromium tests: a host page on another origin, and a plain static file server.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

async function listen(server: Server, host = '127.0.0.1') {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server) {
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A host app on `http://localhost:<port>` (a different origin from the sandbox's 127.0.0.1):
 * `/host?src=<flow link>` frames the link and records every message event `{ origin, data }` in
 * `window.__messages` (and hands it to `window.__record` when a test exposes one); `/landed` is a
 * page to redirect to.
 */
export async function startHostServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/host') {
      const src = url.searchParams.get('src') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta charset="utf-8"><title>host</title>
<script>
window.__messages = [];
window.addEventListener('message', (event) => {
  const message = { origin: event.origin, data: event.data };
  window.__messages.push(message);
  if (typeof window.__record === 'function') window.__record(message);
});
</script>
<iframe title="Dots flow" style="width: 480px; height: 600px" src="${escapeAttribute(src)}"></iframe>`);
    } else if (url.pathname === '/landed') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>landed</title><h1>Back at the host</h1>');
    } else {
      res.writeHead(404).end();
    }
  });
  // Listening on 127.0.0.1 but addressed as localhost: same machine, different origin.
  const port = await listen(server);
  const url = `http://localhost:${port}`;
  return { url, hostPage: (src: string) => `${url}/host?src=${encodeURIComponent(src)}`, close: closer(server) };
}

/** Serves the package's `page/` folder as plain files (like Storybook's static dir) and logs each request path. */
export async function startStaticPageServer() {
  const folder = new URL('../../page/', import.meta.url);
  const requests: string[] = [];
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method ?? ''} ${path}`);
    const name = /^\/pages\/([a-zA-Z]+\.(html|js|css))$/.exec(path);
    if (!name?.[1]) return void res.writeHead(404).end();
    readFile(new URL(name[1], folder)).then(
      (body) => res.writeHead(200, { 'content-type': types[name[2] ?? ''] ?? 'text/plain' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  const port = await listen(server);
  return { pageBaseUrl: `http://127.0.0.1:${port}/pages`, requests, close: closer(server) };
}
