import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError, bodyTooLarge } from './apiError.js';
import { completeStep, toPageState, verifyCode } from './completeStep.js';
import type { PageResult, StepEffects } from './completeStep.js';
import type { FlowStore } from './flowStore.js';
import type { PageAsset } from './pageAssets.js';
import { isUuid } from './uuid.js';
import type { WebhookSender } from './webhookSender.js';

export interface PageRoutesOptions {
  store: FlowStore;
  assets: Map<string, PageAsset>;
  webhooks: WebhookSender | null;
  /** Money and payout links behind the steps. */
  effects?: StepEffects;
}

// Any origin may frame the flow pages, as any host app may embed a Dots flow.
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors *";
const MAX_FORM_BYTES = 16 * 1024;

/** Serves one of the page files with the headers every page file gets. */
export function sendAsset(c: Context, asset: PageAsset, status: 200 | 404 = 200) {
  c.header('Content-Type', asset.type);
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  if (asset.type.startsWith('text/html')) c.header('Content-Security-Policy', PAGE_CSP);
  return c.body(asset.body, status);
}

/** The JSON a page form posts, or the response refusing it. */
async function readForm(
  c: Context,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  // Requiring JSON makes a cross-site form post impossible and a cross-site fetch need CORS we never grant.
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    return { ok: false, response: apiError(c, 415, 'unsupported-media-type', 'Send the form as application/json.') };
  }
  try {
    const body: unknown = JSON.parse(await c.req.text());
    return {
      ok: true,
      body: typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {},
    };
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid-input', 'The body is not valid JSON.') };
  }
}

/** The flow page, its state, step-completion and sign-in endpoints, and its assets. */
export function createPageRoutes({ store, assets, webhooks, effects }: PageRoutesOptions): Hono {
  const pages = new Hono({ strict: false });
  const answer = (c: Context, result: PageResult) =>
    result.ok
      ? c.json({ status: result.status, state: toPageState(store, result.flow) })
      : apiError(c, result.httpStatus, result.code, result.message, result.field);
  const limit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => bodyTooLarge(c, MAX_FORM_BYTES) });

  pages.get('/flow/:name', (c) => {
    const name = c.req.param('name');
    const file = assets.get(name);
    if (file) return sendAsset(c, file);
    return sendAsset(c, assets.get('flow.html') as PageAsset, isUuid(name) && store.getFlow(name) ? 200 : 404);
  });

  pages.get('/flow/:id/state', (c) => {
    const flow = store.getFlow(c.req.param('id'));
    if (!flow) return apiError(c, 404, 'not-found', `No flow "${c.req.param('id')}" in this sandbox.`);
    c.header('Cache-Control', 'no-store');
    return c.json(toPageState(store, flow));
  });

  pages.post('/flow/:id/steps/:step', limit, async (c) => {
    const form = await readForm(c);
    if (!form.ok) return form.response;
    const fields = Object.hasOwn(form.body, 'fields') ? form.body['fields'] : {};
    const result = completeStep(store, c.req.param('id'), c.req.param('step'), fields, effects);
    if (result.ok) webhooks?.flowUpdated(result.flow.id);
    return answer(c, result);
  });

  pages.post('/flow/:id/auth', limit, async (c) => {
    const form = await readForm(c);
    if (!form.ok) return form.response;
    return answer(c, verifyCode(store, c.req.param('id'), form.body));
  });

  return pages;
}
