import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFlowSession } from './createFlowSession.js';
import type { FlowSession } from './createFlowSession.js';
import type { FlowSessionEvent } from './flowSessionEvents.js';
import { testFlow } from './testFlow.fixture.js';

const TRUSTED = ['https://my.dots.dev', 'http://127.0.0.1:4010'];
const frame = { name: 'the flow frame' };

/** Messages that would change the session if they came from the right place. */
const validMessage = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((height) => ({ height })),
  fc.constantFrom(
    { step: 'onboarding', status: 'completed' },
    { step: 'authorization', status: 'completed' },
    { step: 'compliance', status: 'completed' },
    { step: 'manage-payouts', status: 'completed-saved' },
  ),
);
const anyData = fc.oneof(validMessage, fc.anything());

const untrustedOrigin = fc
  .oneof(
    fc.constantFrom(
      'https://my.dots.dev.evil.com',
      'https://my.dots.devil.io',
      'http://my.dots.dev',
      'https://my.dots.dev:444',
      'https://my.dots.dev/',
      'https://MY.DOTS.DEV',
      'http://127.0.0.1:40100',
      'http://localhost:4010',
      'null',
      '',
    ),
    fc.string(),
    fc.webUrl().map((url) => new URL(url).origin),
    fc
      .constantFrom(...TRUSTED)
      .chain((origin) => fc.tuple(fc.string(), fc.string()).map(([before, after]) => `${before}${origin}${after}`)),
    fc.anything(),
  )
  .filter((origin) => !(typeof origin === 'string' && TRUSTED.includes(origin)));

/** A session in each status where messages matter: loading, ready, or ready with a sticky step saved. */
const sessionInStatus = fc.constantFrom('loading', 'ready', 'sticky').map((status) => () => {
  const session = createFlowSession({
    steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }],
    trustedOrigins: TRUSTED,
    warn: () => undefined,
  });
  session.setFrame({ contentWindow: frame });
  session.flowCreated(testFlow());
  if (status !== 'loading') session.receive({ origin: TRUSTED[0], source: frame, data: { height: 50 } });
  if (status === 'sticky') {
    session.receive({ origin: TRUSTED[0], source: frame, data: { step: 'manage-payouts', status: 'completed' } });
  }
  return session;
});

function watch(session: FlowSession) {
  const events: FlowSessionEvent[] = [];
  let notified = 0;
  session.onEvent((event) => events.push(event));
  session.subscribe(() => (notified += 1));
  return { events, notified: () => notified };
}

describe('createFlowSession properties', () => {
  it('a message from any origin outside the allowlist changes nothing and fires nothing', () => {
    fc.assert(
      fc.property(sessionInStatus, untrustedOrigin, anyData, (make, origin, data) => {
        const session = make();
        const before = session.getSnapshot();
        const watched = watch(session);
        expect(session.receive({ origin, source: frame, data })).toBe(false);
        expect(session.getSnapshot()).toBe(before);
        expect(watched.events).toEqual([]);
        expect(watched.notified()).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('a message from any sender other than the frame window changes nothing, even from a trusted origin', () => {
    const otherSender = fc.oneof(
      fc.anything(),
      fc.constant({ name: 'the flow frame' }),
      fc.constant(globalThis),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(sessionInStatus, fc.constantFrom(...TRUSTED), otherSender, anyData, (make, origin, source, data) => {
        const session = make();
        const before = session.getSnapshot();
        const watched = watch(session);
        expect(session.receive({ origin, source, data })).toBe(false);
        expect(session.getSnapshot()).toBe(before);
        expect(watched.events).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('receive never throws, and only a trusted origin, the frame and valid data can change the session', () => {
    fc.assert(
      fc.property(
        sessionInStatus,
        fc.oneof(fc.constantFrom(...TRUSTED), untrustedOrigin),
        fc.oneof(fc.constant(frame), fc.anything()),
        anyData,
        (make, origin, source, data) => {
          const session = make();
          const before = session.getSnapshot();
          const applied = session.receive({ origin, source, data });
          expect(applied).toBe(session.getSnapshot() !== before);
          if (applied) {
            expect(TRUSTED).toContain(origin);
            expect(source).toBe(frame);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the frame can still drive the session after any amount of foreign traffic', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(untrustedOrigin, anyData), { maxLength: 20 }), (noise) => {
        const session = createFlowSession({
          steps: ['payout'],
          trustedOrigins: TRUSTED,
          hasUser: true,
          warn: () => {},
        });
        session.setFrame({ contentWindow: frame });
        session.flowCreated(testFlow());
        for (const [origin, data] of noise) session.receive({ origin, source: frame, data });
        expect(session.getSnapshot().status).toBe('loading');
        session.receive({ origin: TRUSTED[1], source: frame, data: { step: 'payout', status: 'completed' } });
        expect(session.getSnapshot().status).toBe('complete');
      }),
      { numRuns: 200 },
    );
  });
});
