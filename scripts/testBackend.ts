// A host backend for the browser tests, mounted on the Vitest browser server (so on the test page's own
// origin): it creates real flows on the running sandbox, like an integrator's route would.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const failures = new Map<string, number>();

export function dotsTestBackend(): Plugin {
  return {
    name: 'dots-test-backend',
    configureServer(server) {
      server.middlewares.use('/api/dots', async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://test');
        // `/api/dots/fail?key=k&times=n` fails n times per key with a 502, then creates flows normally.
        if (url.pathname === '/fail') {
          const key = url.searchParams.get('key') ?? '';
          const seen = failures.get(key) ?? 0;
          failures.set(key, seen + 1);
          if (seen < Number(url.searchParams.get('times') ?? 1)) {
            await readBody(req);
            return send(res, 502, { error: { code: 'dots_unavailable', message: 'Dots is unavailable' } });
          }
        } else if (url.pathname === '/link') {
          // Answers with a flow whose link is whatever the test asks for (hostile backends).
          await readBody(req);
          return send(res, 200, {
            id: 'flow_hostile',
            created: new Date().toISOString(),
            user_id: null,
            steps: ['payout'],
            completed_steps: [],
            link: url.searchParams.get('link'),
            metadata: null,
          });
        } else if (url.pathname !== '/flows') {
          return send(res, 404, { error: { code: 'not_found', message: 'No such test route' } });
        }
        const sandbox = process.env.DOTS_SANDBOX_URL;
        const auth = Buffer.from(`${process.env.DOTS_SANDBOX_CLIENT_ID}:${process.env.DOTS_SANDBOX_API_KEY}`).toString(
          'base64',
        );
        const upstream = await fetch(`${sandbox}/api/v2/flows`, {
          method: 'POST',
          headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
          body: await readBody(req),
        });
        res.writeHead(upstream.status, { 'content-type': 'application/json' });
        res.end(await upstream.text());
      });
    },
  };
}
