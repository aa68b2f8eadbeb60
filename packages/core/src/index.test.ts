import { afterEach, describe, expect, it, vi } from 'vitest';

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'self', 'localStorage', 'addEventListener'];
const touched: string[] = [];

afterEach(() => {
  for (const name of BROWSER_GLOBALS) Reflect.deleteProperty(globalThis, name);
});

describe('@dots-flow/core entry point', () => {
  it('imports in Node without touching browser globals', async () => {
    expect('window' in globalThis).toBe(false);
    for (const name of BROWSER_GLOBALS) {
      if (name in globalThis) continue;
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name);
          return undefined;
        },
      });
    }
    vi.resetModules();
    const core = await import('./index.js');
    expect(touched).toEqual([]);
    expect(typeof core.createFlowSession).toBe('function');
  });

  it('exports exactly the public API', async () => {
    const core = await import('./index.js');
    expect(Object.keys(core).sort()).toEqual(
      [
        'APPEARANCE_THEMES',
        'APPEARANCE_VARIABLES',
        'DOTS_API_URLS',
        'DOTS_FLOW_ERROR_CODES',
        'DOTS_FRAME_ORIGINS',
        'DotsFlowError',
        'ERROR_MESSAGES',
        'INITIAL_FLOW_SESSION_STATE',
        'MAX_FRAME_HEIGHT',
        'ONBOARDING_STEPS',
        'PAYOUT_FEE_PARTIES',
        'STEPS',
        'STEP_STATUSES',
        'createAppearance',
        'createFlowController',
        'createFlowSession',
        'createFlowSessionReducer',
        'flowSessionActions',
        'flowSessionEvents',
        'flowLinkWithAppearance',
        'flowStepNameOf',
        'frameOriginsFor',
        'isDotsFlowError',
        'isRetryable',
        'isStepName',
        'isStepStatus',
        'isTrustedOrigin',
        'mergeAppearance',
        'parseFlow',
        'parseFlowMessage',
        'stepNameOf',
        'validateFlowLink',
      ].sort(),
    );
  });

  it('wires the whole path: environment, link, session, messages', async () => {
    const core = await import('./index.js');
    const trustedOrigins = core.frameOriginsFor({ frameOrigins: ['http://127.0.0.1:4010'] });
    const flow = core.parseFlow({
      id: 'flow_9',
      created: '2024-01-01T00:00:00Z',
      user_id: 'user_1',
      steps: ['payout'],
      completed_steps: [],
      link: 'http://127.0.0.1:4010/flow/flow_9',
      metadata: null,
    });
    const src = core.validateFlowLink(flow.link, trustedOrigins).href;
    expect(src).toBe('http://127.0.0.1:4010/flow/flow_9');
    const session = core.createFlowSession({ steps: ['payout'], trustedOrigins, warn: () => undefined });
    const frame = {};
    session.setFrame({ contentWindow: frame });
    session.flowCreated(flow);
    session.receive({ origin: new URL(src).origin, source: frame, data: { step: 'payout', status: 'completed' } });
    expect(session.getSnapshot().status).toBe('complete');
  });
});
