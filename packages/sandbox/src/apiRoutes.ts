import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from './apiError.js';
import { checkBasicAuth } from './basicAuth.js';
import type { FlowStore } from './flowStore.js';
import { validateCreateFlow } from './validateCreateFlow.js';

export interface ApiRoutesOptions {
  store: FlowStore;
  clientId: string;
  apiKey: string;
  baseUrl: () => string;
}

/** Largest create request accepted; Dots' own limit is not documented, real requests are tiny. */
export const MAX_API_BODY_BYTES = 64 * 1024;

/** `POST /flows` and `GET /flows/:id`, as Dots serves them under `/api/v2`. */
export function createApiRoutes({ store, clientId, apiKey, baseUrl }: ApiRoutesOptions): Hono {
  const api = new Hono();

  api.use('*', async (c, next) => {
    if (!checkBasicAuth(c.req.header('authorization'), clientId, apiKey)) {
      c.header('WWW-Authenticate', 'Basic realm="dots-sandbox"');
      return apiError(
        c,
        401,
        'unauthorized',
        'Send HTTP Basic auth with the client id and API key the sandbox was started with: ' +
          'Authorization: Basic base64(client_id:api_key).',
      );
    }
    await next();
  });

  api.post(
    '/flows',
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      onError: (c) => apiError(c, 413, 'body_too_large', `The body must be at most ${MAX_API_BODY_BYTES} bytes.`),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return apiError(c, 400, 'invalid_json', 'The body is not valid JSON. Send {"steps": [...]} as JSON.');
      }
      const result = validateCreateFlow(body, (id) => store.getUser(id) !== undefined);
      if (!result.ok) return apiError(c, 400, result.code, result.message);
      return c.json(store.toFlowObject(store.createFlow(result.value), baseUrl()));
    },
  );

  api.get('/flows/:id', (c) => {
    const flow = store.getFlow(c.req.param('id'));
    if (!flow) return apiError(c, 404, 'flow_not_found', `No flow "${c.req.param('id')}". Check the flow id.`);
    return c.json(store.toFlowObject(flow, baseUrl()));
  });

  api.all('*', (c) =>
    apiError(
      c,
      404,
      'not_found',
      `No endpoint ${c.req.method} ${c.req.path}. The sandbox serves POST /api/v2/flows and GET /api/v2/flows/:id.`,
    ),
  );
  return api;
}
