import { describe, expect, it } from 'vitest';
import { frame, iframe, loaded, ORIGIN, setup } from './flowSession.fixture.js';
import { testFlow } from './testFlow.fixture.js';

describe('createFlowSession: receive', () => {
  it('applies nothing while no frame is set, even from a trusted origin', () => {
    const { session, send, events } = setup();
    session.flowCreated(testFlow());
    const snapshot = session.getSnapshot();
    expect(send({ height: 100 }, ORIGIN, null)).toBe(false);
    expect(send({ height: 100 }, ORIGIN, undefined)).toBe(false);
    expect(send({ height: 100 })).toBe(false);
    expect(session.getSnapshot()).toBe(snapshot);
    expect(events).toEqual([]);
  });

  it('ignores other senders quietly, and stops listening after setFrame(null)', () => {
    const { session, send, warn } = loaded();
    expect(send({ height: 100 }, ORIGIN, { name: 'another flow frame' })).toBe(false);
    expect(send({ height: 100 }, ORIGIN, globalThis)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    session.setFrame(null);
    expect(send({ height: 100 })).toBe(false);
    session.setFrame(iframe);
    expect(send({ height: 100 })).toBe(true);
  });

  it("reads the frame's window when each message arrives, never when the frame is set", () => {
    const { session, send } = setup();
    session.flowCreated(testFlow());
    let reads = 0;
    let win: unknown = frame;
    session.setFrame({
      get contentWindow() {
        reads += 1;
        return win;
      },
    });
    // Setting the frame reads nothing: in Chromium that read builds the blank frame's script context.
    expect(reads).toBe(0);
    expect(send({ height: 100 })).toBe(true);
    // The frame got another window (e.g. moved in the document): the old one no longer speaks for it.
    win = { name: 'the same frame, a new window' };
    expect(send({ height: 120 }, ORIGIN, frame)).toBe(false);
    expect(send({ height: 120 }, ORIGIN, win)).toBe(true);
    expect(reads).toBe(3);
  });

  it('a frame without a window (not in the document) reads nothing, not even a message without a source', () => {
    const { session, send, events } = setup();
    session.flowCreated(testFlow());
    session.setFrame({ contentWindow: null });
    expect(send({ height: 100 }, ORIGIN, null)).toBe(false);
    expect(send({ height: 100 }, ORIGIN, undefined)).toBe(false);
    session.setFrame({ contentWindow: undefined });
    expect(send({ height: 100 }, ORIGIN, undefined)).toBe(false);
    expect(send({ height: 100 }, ORIGIN, null)).toBe(false);
    expect(events).toEqual([]);
  });

  it.each([
    'https://my.dots.dev.evil.com',
    'https://my.dots.devil.io',
    'http://my.dots.dev',
    'https://my.dots.dev:444',
    'null',
    undefined,
    42,
  ])('ignores the origin %j from the frame, with a warning saying how to fix it', (origin) => {
    const { session, warn, events } = loaded();
    const snapshot = session.getSnapshot();
    expect(session.receive({ origin, source: frame, data: { height: 100 } })).toBe(false);
    expect(session.getSnapshot()).toBe(snapshot);
    expect(events).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('environment.frameOrigins'), undefined);
  });

  it.each([
    ['a JSON string', '{"height":100}'],
    ['a zero height', { height: 0 }],
    ['an absurd height', { height: 1e7 }],
    ['an unknown step', { step: 'nope', status: 'completed' }],
    ['an unknown status', { step: 'compliance', status: 'done' }],
    ['an own __proto__ key', JSON.parse('{"height":100,"__proto__":{"x":1}}')],
    ['null', null],
  ])('ignores %s with a warning', (_label, data) => {
    const { session, send, warn } = loaded();
    const snapshot = session.getSnapshot();
    expect(send(data)).toBe(false);
    expect(session.getSnapshot()).toBe(snapshot);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('malformed'), data);
  });

  it('never throws for hostile event objects', () => {
    const { session, warn } = loaded();
    const snapshot = session.getSnapshot();
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = {
      get source(): unknown {
        throw new Error('boom');
      },
    };
    for (const event of [undefined, null, 'message', 42, Symbol('e'), revoked, throwing, [], () => 1]) {
      expect(session.receive(event)).toBe(false);
    }
    expect(session.getSnapshot()).toBe(snapshot);
    expect(warn).toHaveBeenCalledWith('Ignored a message event that could not be read.', expect.any(Error));
  });

  it('reads each event field once, so a shifting event cannot pass a check and then change', () => {
    const { session, warn } = loaded();
    let originReads = 0;
    const event = {
      source: frame,
      get origin() {
        originReads += 1;
        return originReads === 1 ? 'https://evil.com' : ORIGIN;
      },
      data: { height: 100 },
    };
    expect(session.receive(event)).toBe(false);
    expect(originReads).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('reads a real MessageEvent-like object whose fields are prototype getters', () => {
    const { session } = loaded();
    class FakeMessageEvent {
      get origin() {
        return ORIGIN;
      }
      get source() {
        return frame;
      }
      get data() {
        return { height: 222 };
      }
    }
    expect(session.receive(new FakeMessageEvent())).toBe(true);
    expect(session.getSnapshot().height).toBe(222);
  });

  it('survives a warn callback that throws', () => {
    const { send } = loaded({
      warn: () => {
        throw new Error('bad logger');
      },
    });
    expect(send('garbage')).toBe(false);
    expect(send({ height: 1 }, 'https://evil.com')).toBe(false);
  });
});
