import { Hono } from 'hono';
import type { Context } from 'hono';
import { STEPS } from '@dots-flow/core';
import type { StepInput } from '@dots-flow/core';
import { isRedirectUrl } from '../page/stepRules.js';
import { apiError } from './apiError.js';
import type { FlowStore, StoredFlow } from './flowStore.js';
import type { PageAsset } from './pageAssets.js';
import { sendAsset } from './pageRoutes.js';
import { toFlowObject } from './toFlowObject.js';
import { toTransferObject } from './toTransferObject.js';
import type { Notify } from './payoutStore.js';
import type { TransferStore } from './transferStore.js';
import type { SandboxUser } from './userStore.js';
import { validateCreateFlow } from './validateCreateFlow.js';

/** The template id the demo's pdf-form-fill step shows. */
export const DEMO_TEMPLATE_ID = 'demo-w9-template';

/** The metadata every demo flow carries; with `demo: true` it marks the flows whose user the app pays. */
export const DEMO_METADATA = { source: 'dots-sandbox --demo' } as const;

/** What the app pays a demo flow's user once onboarded, so the `payout` step has money to withdraw. */
export const DEMO_PAY_CENTS = 10_000;

/** Pays a demo flow's new user `DEMO_PAY_CENTS` from the app wallet: a recorded transfer and its webhook, as the API's. */
export function payDemoUser(transfers: TransferStore, notify: Notify, user: SandboxUser): void {
  const paid = transfers.create({
    amountCents: -DEMO_PAY_CENTS,
    userId: user.id,
    taxExempt: null,
    idempotencyKey: null,
    metadata: { ...DEMO_METADATA },
  });
  if (paid.ok)
    notify('transfer.completed', { transfer: toTransferObject(paid.transfer), transfer_id: paid.transfer.id });
}

/** A demo flow: created by `/demo/flows` or `dots-sandbox --demo`, both with `DEMO_METADATA`. */
export function isDemoFlow(flow: StoredFlow): boolean {
  const { metadata } = flow;
  return typeof metadata === 'object' && metadata !== null && metadata['source'] === DEMO_METADATA.source;
}

/**
 * Every step, for the demo: what a person clicks through with `dots-sandbox --demo`. The redirect step
 * goes back to the sandbox's home page when that URL passes Dots' redirect_url rule (not on `localhost`).
 */
export function demoSteps(baseUrl: string): StepInput[] {
  const home = `${baseUrl}/`;
  return STEPS.flatMap((name): StepInput[] => {
    if (name === 'redirect') return isRedirectUrl(home) ? [{ name, redirect_url: home }] : [];
    if (name === 'pdf-form-fill') return [{ name, template_id: DEMO_TEMPLATE_ID }];
    return [name];
  });
}

/**
 * Refuses a request a browser sent from another site: `Sec-Fetch-Site` must say same-origin and `Origin`
 * must be this server's own (`Host`). Clients that send neither (curl) are not browsers and may post.
 */
export function isCrossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return true;
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== `${new URL(c.req.url).protocol}//${c.req.header('host') ?? ''}`;
}

/** `/demo` and `POST /demo/flows`: served only when the sandbox runs with `demo: true`. */
export function createDemoRoutes(store: FlowStore, assets: Map<string, PageAsset>, baseUrl: () => string): Hono {
  const demo = new Hono({ strict: false });
  demo.get('/demo', (c) => sendAsset(c, assets.get('demo.html') as PageAsset));
  demo.post('/demo/flows', (c) => {
    if (isCrossSite(c)) {
      return apiError(
        c,
        403,
        'forbidden',
        'The demo creates flows for pages of this sandbox only, not for other sites.',
      );
    }
    const result = validateCreateFlow(
      { steps: demoSteps(baseUrl()), metadata: DEMO_METADATA },
      { isKnownUser: () => false, strict: true },
    );
    if (!result.ok) return apiError(c, 500, 'internal-error', result.message);
    return c.json(toFlowObject(store.createFlow(result.value), baseUrl()));
  });
  return demo;
}
