// The host backend for the browser tests, mounted on the Vitest browser server (so on the test page's own
// origin). `/api/dots/flows` is exactly what an integrator deploys: @dots-flow/server's flow handler in
// front of the running sandbox. Two extra routes play hostile or failing backends.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { createDotsClient, createFlowHandler, toNodeHandler, type NodeHandler } from '@dots-flow/server';

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body);
}

export function dotsTestBackend(): Plugin {
  const failures = new Map<string, number>();
  let backend: { client: ReturnType<typeof createDotsClient>; flows: NodeHandler } | undefined;
  // The sandbox is started by the project's globalSetup, in this same process, before any request.
  const getBackend = () => {
    if (!backend) {
      const client = createDotsClient({
        baseUrl: process.env.DOTS_SANDBOX_URL!,
        clientId: process.env.DOTS_SANDBOX_CLIENT_ID!,
        apiKey: process.env.DOTS_SANDBOX_API_KEY!,
      });
      const flows = toNodeHandler(
        createFlowHandler({ client, resolveUser: () => ({ hostUserId: 'browser-test-user' }) }),
      );
      backend = { client, flows };
    }
    return backend;
  };

  return {
    name: 'dots-test-backend',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://test');
        if (url.pathname.startsWith('/api/dots/flows')) return getBackend().flows(req, res, next);
        // `/api/dots/fail?key=k&times=n` fails n times per key with a 502, then creates flows.
        if (url.pathname === '/api/dots/fail') {
          const key = url.searchParams.get('key') ?? '';
          const seen = failures.get(key) ?? 0;
          failures.set(key, seen + 1);
          const body = (await readJson(req)) as { steps: never[] };
          if (seen < Number(url.searchParams.get('times') ?? 1)) {
            return send(res, 502, { error: { code: 'dots_unavailable', message: 'Dots is unavailable' } });
          }
          return send(res, 201, await getBackend().client.flows.create({ steps: body.steps }));
        }
        // `/api/dots/link?link=…` answers a well-formed flow whose link is whatever the test asks for.
        if (url.pathname === '/api/dots/link') {
          await readJson(req);
          return send(res, 201, {
            id: 'flow_hostile',
            created: new Date().toISOString(),
            user_id: null,
            steps: ['payout'],
            completed_steps: [],
            link: url.searchParams.get('link'),
            metadata: null,
          });
        }
        next();
      });
    },
  };
}
