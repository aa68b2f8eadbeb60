import { vi } from 'vitest';
import type { Mock } from 'vitest';
import { createFlowSession } from './createFlowSession.js';
import type { FlowSession, FlowSessionOptions } from './createFlowSession.js';
import type { FlowSessionEvent } from './flowSessionEvents.js';
import { testFlow } from './testFlow.fixture.js';

export const ORIGIN = 'https://my.dots.dev';
export const frame = { name: 'flow frame window' };
/** The iframe a session is given: its window is `frame`. */
export const iframe = { contentWindow: frame };

export interface SessionFixture {
  session: FlowSession;
  events: FlowSessionEvent[];
  warn: Mock<(message: string, detail?: unknown) => void>;
  onListenerError: Mock<(error: unknown) => void>;
  /** Sends `data` as a message event, from the trusted origin and the frame unless told otherwise. */
  send: (data: unknown, ...sender: [origin?: unknown, source?: unknown]) => boolean;
}

/** A session with spies, listening to its events; no frame set, no flow yet. */
export function setup(options: Partial<FlowSessionOptions> = {}): SessionFixture {
  const warn = vi.fn<(message: string, detail?: unknown) => void>();
  const onListenerError = vi.fn<(error: unknown) => void>();
  const session = createFlowSession({
    steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }],
    trustedOrigins: [ORIGIN],
    warn,
    onListenerError,
    ...options,
  });
  const events: FlowSessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  // Explicit arguments (even undefined) replace the defaults: no default parameters here.
  const send = (data: unknown, ...sender: [origin?: unknown, source?: unknown]) =>
    session.receive({
      origin: sender.length > 0 ? sender[0] : ORIGIN,
      source: sender.length > 1 ? sender[1] : frame,
      data,
    });
  return { session, events, warn, onListenerError, send };
}

/** A session whose frame is set and whose flow (without a user) was created: status `loading`. */
export function loaded(options: Partial<FlowSessionOptions> = {}): SessionFixture {
  const context = setup(options);
  context.session.setFrame(iframe);
  context.session.flowCreated(testFlow());
  return context;
}
