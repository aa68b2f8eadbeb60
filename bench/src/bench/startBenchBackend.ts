// The host backend of the bench page, on node:http: it serves the built page and creates flows on the sandbox,
// as an integrator's route would. Every variant uses this same backend.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export interface BenchBackendOptions {
  sandboxUrl: string;
  clientId: string;
  apiKey: string;
  /** URL prefix (`/`, `/dev/`) → folder of a built page. */
  pages: Record<string, string>;
  /** Modelled network: the Dots call takes at least this long (default 0: loopback as it is). */
  dotsLatencyMs?: number;
  /** Modelled network: the origin the flow link is rewritten to (a delaying proxy in front of the sandbox). */
  frameOrigin?: string;
}

export interface BenchBackend {
  url: string;
  /** Flow creations the backend has forwarded to the sandbox so far. */
  flowCreations(): number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the backend on 127.0.0.1 and a free port. */
export async function startBenchBackend(options: BenchBackendOptions): Promise<BenchBackend> {
  const auth = `Basic ${Buffer.from(`${options.clientId}:${options.apiKey}`).toString('base64')}`;
  let creations = 0;

  const { dotsLatencyMs = 0, frameOrigin } = options;

  async function createFlow(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    creations += 1;
    // As a distant Dots would: the answer comes no sooner than dotsLatencyMs after the call.
    const [upstream] = await Promise.all([
      fetch(`${options.sandboxUrl}/api/v2/flows`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body,
      }),
      dotsLatencyMs > 0 ? sleep(dotsLatencyMs) : undefined,
    ]);
    let text = await upstream.text();
    if (frameOrigin !== undefined && upstream.ok) text = withLinkOrigin(text, frameOrigin);
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(text);
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const prefix = Object.keys(options.pages)
      .sort((a, b) => b.length - a.length)
      .find((p) => pathname.startsWith(p));
    if (prefix === undefined) return notFound(res);
    const dir = options.pages[prefix]!;
    const relative = pathname.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, relative));
    if (!file.startsWith(dir + sep)) return notFound(res);
    try {
      const content = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(content);
    } catch {
      notFound(res);
    }
  }

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://bench');
    const handled =
      req.method === 'POST' && pathname === '/api/dots/flows' ? createFlow(req, res) : serveStatic(pathname, res);
    handled.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    flowCreations: () => creations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The flow object with its link moved to `origin`, path and query kept. */
function withLinkOrigin(flowJson: string, origin: string): string {
  const flow = JSON.parse(flowJson) as { link: string };
  const link = new URL(flow.link);
  flow.link = `${origin}${link.pathname}${link.search}`;
  return JSON.stringify(flow);
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
