// What the server kit's flow route adds to a flow creation: createFlowHandler (session lookup, body checks,
// the Dots client, the flow check) against the sandbox, vs a bare fetch of the same request to the sandbox.
import { createDotsClient, createFlowHandler, HOST_USER_ID_METADATA_KEY } from '@dots-flow/server';

export interface FlowRouteBenchResult {
  /** Milliseconds per creation through createFlowHandler, in run order. */
  handlerMs: number[];
  /** Milliseconds per bare fetch to the sandbox, in run order. */
  bareMs: number[];
}

const BROWSER_BODY = JSON.stringify({ steps: ['compliance'] });
const HOST_USER = 'bench-user-0001';
// What the handler forwards for that body and user, so the sandbox does the same work for both.
const FORWARDED_BODY = JSON.stringify({ steps: ['compliance'], metadata: { [HOST_USER_ID_METADATA_KEY]: HOST_USER } });

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Alternates the two paths, one request at a time, after `warmUp` rounds. */
export async function runFlowRouteBench(options: {
  sandboxUrl: string;
  clientId: string;
  apiKey: string;
  requests: number;
  warmUp: number;
}): Promise<FlowRouteBenchResult> {
  const { sandboxUrl } = options;
  const handler = createFlowHandler({
    client: createDotsClient({ clientId: options.clientId, apiKey: options.apiKey, baseUrl: sandboxUrl }),
    resolveUser: () => ({ hostUserId: HOST_USER }),
  });
  const auth = `Basic ${Buffer.from(`${options.clientId}:${options.apiKey}`).toString('base64')}`;

  const viaHandler = async () => {
    const response = await handler(
      new Request('http://host.test/api/dots/flows', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BROWSER_BODY,
      }),
    );
    const flow = (await response.json()) as { link?: unknown };
    if (response.status !== 201 || typeof flow.link !== 'string')
      throw new Error(`handler answered ${response.status}`);
  };
  const bare = async () => {
    const response = await fetch(`${sandboxUrl}/api/v2/flows`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: FORWARDED_BODY,
    });
    const flow = (await response.json()) as { link?: unknown };
    if (!response.ok || typeof flow.link !== 'string') throw new Error(`sandbox answered ${response.status}`);
  };

  const result: FlowRouteBenchResult = { handlerMs: [], bareMs: [] };
  for (let i = 0; i < options.warmUp + options.requests; i += 1) {
    const order = i % 2 === 0 ? (['handler', 'bare'] as const) : (['bare', 'handler'] as const);
    for (const path of order) {
      const ms = await timed(path === 'handler' ? viaHandler : bare);
      if (i >= options.warmUp) (path === 'handler' ? result.handlerMs : result.bareMs).push(ms);
    }
  }
  return result;
}
