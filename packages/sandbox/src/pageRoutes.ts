import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { STEPS } from '@dots-flow/core';
import type { StepInput } from '@dots-flow/core';
import { apiError } from './apiError.js';
import { completeStep, findLiveFlow, toPageState } from './completeStep.js';
import type { FlowStore } from './flowStore.js';
import type { PageAsset } from './pageAssets.js';
import { validateCreateFlow } from './validateCreateFlow.js';
import type { WebhookSender } from './webhookSender.js';

export interface PageRoutesOptions {
  store: FlowStore;
  assets: Map<string, PageAsset>;
  webhooks: WebhookSender | null;
  baseUrl: () => string;
}

// Any origin may frame the flow pages, as any host app may embed a Dots flow.
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors *";

function sendAsset(c: Context, asset: PageAsset, status: 200 | 404 = 200) {
  c.header('Content-Type', asset.type);
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  if (asset.type.startsWith('text/html')) c.header('Content-Security-Policy', PAGE_CSP);
  return c.body(asset.body, status);
}

/** Every step, for the demo: what a person clicks through with `dots-sandbox --demo`. */
export function demoSteps(baseUrl: string): StepInput[] {
  return STEPS.map((name) => (name === 'redirect' ? { name, redirect_url: `${baseUrl}/` } : name));
}

/** The flow page, its state and step-completion endpoints, its assets, and the demo. */
export function createPageRoutes({ store, assets, webhooks, baseUrl }: PageRoutesOptions): Hono {
  const pages = new Hono();
  const asset = (name: string) => assets.get(name) as PageAsset;

  pages.get('/', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'");
    return c.html(
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>Dots sandbox</title>' +
        '<h1>Dots sandbox</h1><p>A local stand-in for the Dots API.</p><ul>' +
        '<li>API: <code>POST /api/v2/flows</code>, <code>GET /api/v2/flows/:id</code> (HTTP Basic auth)</li>' +
        '<li>Flow pages: <code>/flow/:id</code></li>' +
        '<li><a href="/demo">Click through a demo flow</a> and see the messages a host receives</li></ul></html>',
    );
  });

  pages.get('/favicon.ico', (c) => c.body(null, 204));
  pages.get('/demo', (c) => sendAsset(c, asset('demo.html')));
  pages.post('/demo/flows', (c) => {
    const result = validateCreateFlow({ steps: demoSteps(baseUrl()) }, () => false);
    if (!result.ok) return apiError(c, 500, 'demo_failed', result.message);
    return c.json(store.toFlowObject(store.createFlow(result.value), baseUrl()));
  });

  pages.get('/flow/:name', (c) => {
    const name = c.req.param('name');
    const file = assets.get(name);
    if (file) return sendAsset(c, file);
    return sendAsset(c, asset('flow.html'), store.getFlow(name) ? 200 : 404);
  });

  pages.get('/flow/:id/state', (c) => {
    const found = findLiveFlow(store, c.req.param('id'));
    if (!('id' in found)) return apiError(c, found.httpStatus, found.code, found.message);
    c.header('Cache-Control', 'no-store');
    return c.json(toPageState(store, found));
  });

  pages.post(
    '/flow/:id/steps/:step',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => apiError(c, 413, 'body_too_large', 'Step forms are small.') }),
    async (c) => {
      // Requiring JSON makes a cross-site form post impossible and a cross-site fetch need CORS we never grant.
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        return apiError(c, 415, 'unsupported_media_type', 'Send the step form as application/json.');
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return apiError(c, 400, 'invalid_json', 'The body is not valid JSON.');
      }
      const fields =
        typeof body === 'object' && body !== null && Object.hasOwn(body, 'fields')
          ? (body as { fields: unknown }).fields
          : {};
      const result = completeStep(store, c.req.param('id'), c.req.param('step'), fields);
      if (!result.ok) return apiError(c, result.httpStatus, result.code, result.message, result.field);
      webhooks?.flowUpdated(result.flow.id);
      return c.json({ status: result.status, state: toPageState(store, result.flow) });
    },
  );

  return pages;
}
