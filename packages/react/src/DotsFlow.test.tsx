import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, act, fireEvent } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { HttpResponse } from 'msw';
import { DotsFlow } from './DotsFlow.js';
import { DotsProvider } from './DotsProvider.js';
import { answerOnce, ENDPOINT, FRAME_ORIGIN, holdNext, makeFlow, received } from './test/backend.js';
import { setupMswBackend, wrapper } from './test/setup.js';

setupMswBackend();

const frame = () => document.querySelector('iframe');

function post(data: unknown, source: Window | null = frame()?.contentWindow ?? null, origin = FRAME_ORIGIN) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
}

describe('DotsFlow', () => {
  it('creates the flow through the backend and renders the trusted link in a titled iframe', async () => {
    render(<DotsFlow steps={['compliance']} metadata={{ plan: 'pro' }} />, { wrapper: wrapper() });
    expect(screen.getByRole('status')).toHaveTextContent(/loading/i);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()!.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_1`);
    expect(frame()!.title).toBe('Dots payout flow');
    expect(frame()!.hasAttribute('allow')).toBe(false);
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toEqual({ steps: ['compliance'], metadata: { plan: 'pro' } });
    expect(received[0]!.credentials).toBe('same-origin');
  });

  it('sends step options as given, for the backend (and Dots) to accept or reject', async () => {
    const steps = [{ name: 'redirect', redirect_url: 'https://host.example/done' }, { name: 'payout' }] as const;
    render(<DotsFlow steps={steps} />, { wrapper: wrapper() });
    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]!.body).toEqual({
      steps: [{ name: 'redirect', redirect_url: 'https://host.example/done' }, 'payout'],
    });
  });

  it('asks for the camera only when the flow verifies an ID', async () => {
    render(<DotsFlow steps={['id-verification']} title="Verify your identity" />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()!.getAttribute('allow')).toBe('camera');
    expect(screen.getByTitle('Verify your identity')).toBe(frame());
  });

  it('creates exactly one flow under StrictMode and for equal-but-new steps arrays', async () => {
    const { rerender } = render(<DotsFlow steps={['compliance', 'payout']} />, { wrapper: wrapper({ strict: true }) });
    await waitFor(() => expect(frame()).not.toBeNull());
    rerender(<DotsFlow steps={['compliance', 'payout']} />);
    rerender(<DotsFlow steps={[...['compliance', 'payout']] as const} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
  });

  it('never refetches on window focus or reconnect', async () => {
    render(<DotsFlow steps={['payout']} />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    act(() => {
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
  });

  it('aborts the creation when unmounted first', async () => {
    const release = holdNext();
    const { unmount } = render(<DotsFlow steps={['compliance']} />, { wrapper: wrapper() });
    await waitFor(() => expect(received).toHaveLength(1));
    unmount();
    await waitFor(() => expect(received[0]!.signal.aborted).toBe(true));
    release();
  });

  it('drives callbacks from the frame, once per completion, with the latest props', async () => {
    const first = vi.fn();
    const latest = vi.fn();
    const onReady = vi.fn();
    const onHeightChange = vi.fn();
    const onComplete = vi.fn();
    const { rerender } = render(
      <DotsFlow
        steps={['compliance']}
        onStepComplete={first}
        onReady={onReady}
        onHeightChange={onHeightChange}
        onComplete={onComplete}
      />,
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(frame()).not.toBeNull());
    post({ height: 640 });
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(onHeightChange).toHaveBeenCalledWith(640);
    expect(frame()!.style.height).toBe('640px');
    rerender(<DotsFlow steps={['compliance']} onStepComplete={latest} onReady={onReady} onComplete={onComplete} />);
    post({ step: 'onboarding', status: 'completed' });
    post({ step: 'onboarding', status: 'completed' });
    post({ step: 'compliance', status: 'completed' });
    expect(first).not.toHaveBeenCalled();
    expect(latest.mock.calls.map(([e]) => [e.step, e.status, e.flowId])).toEqual([
      ['onboarding', 'completed', 'flow_1'],
      ['compliance', 'completed', 'flow_1'],
    ]);
    expect(onComplete).toHaveBeenCalledExactlyOnceWith({ flowId: 'flow_1' });
  });

  it('ignores messages from other origins, other windows and malformed payloads', async () => {
    const onStepComplete = vi.fn();
    const onHeightChange = vi.fn();
    render(<DotsFlow steps={['compliance']} onStepComplete={onStepComplete} onHeightChange={onHeightChange} />, {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(frame()).not.toBeNull());
    post(
      { step: 'compliance', status: 'completed' },
      frame()!.contentWindow,
      'https://my.senddotssandbox.com.evil.com',
    );
    post({ step: 'compliance', status: 'completed' }, window);
    post({ step: 'compliance', status: 'completed' }, null);
    post(JSON.stringify({ step: 'compliance', status: 'completed' }));
    post({ height: -1 });
    post({ height: Number.POSITIVE_INFINITY });
    post({ step: 'compliance', status: 'done' });
    expect(onStepComplete).not.toHaveBeenCalled();
    expect(onHeightChange).not.toHaveBeenCalled();
    expect(document.querySelector('[data-dots-flow]')!.getAttribute('data-status')).toBe('loading');
  });

  it("reads the frame's window only when a message arrives, not while the frame is inserted", async () => {
    const read = vi.spyOn(HTMLIFrameElement.prototype, 'contentWindow', 'get');
    const onHeightChange = vi.fn();
    render(<DotsFlow steps={['compliance']} onHeightChange={onHeightChange} />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    // In Chromium that read builds the blank cross-site frame's script context inside React's commit.
    expect(read).not.toHaveBeenCalled();
    const win = frame()!.contentWindow;
    read.mockClear();
    post({ height: 480 }, win);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onHeightChange).toHaveBeenCalledWith(480);
    read.mockRestore();
  });

  it.each([
    ['javascript:alert(1)', 'untrusted_link'],
    ['https://evil.example/flow/1', 'untrusted_link'],
    ['http://my.senddotssandbox.com/flow/1', 'untrusted_link'],
  ])('never frames the link %s', async (link, code) => {
    const onError = vi.fn();
    answerOnce(() => HttpResponse.json(makeFlow('flow_x', ['payout'], { link })));
    render(<DotsFlow steps={['payout']} onError={onError} />, { wrapper: wrapper() });
    await waitFor(() => expect(screen.getByRole('alert')).toBeInTheDocument());
    expect(frame()).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].code).toBe(code);
  });

  it.each([
    ['a flow without a link', () => HttpResponse.json({ id: 'flow_1' }), 'invalid_response'],
    [
      'a non-JSON answer',
      () => new HttpResponse('<html>', { headers: { 'content-type': 'text/html' } }),
      'invalid_response',
    ],
    ['a JSON array', () => HttpResponse.json([1, 2]), 'invalid_response'],
    [
      'a 500 with a message',
      () => HttpResponse.json({ error: { code: 'x', message: 'Dots is down' } }, { status: 500 }),
      'backend_failed',
    ],
    ['a 401', () => new HttpResponse(null, { status: 401 }), 'backend_failed'],
    ['a network failure', () => HttpResponse.error(), 'network'],
  ])('turns %s into a typed error', async (_name, respond, code) => {
    const onError = vi.fn();
    answerOnce(respond);
    render(<DotsFlow steps={['payout']} onError={onError} />, { wrapper: wrapper() });
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].code).toBe(code);
    expect(frame()).toBeNull();
  });

  it('shows the backend message and recovers with Try again', async () => {
    answerOnce(() =>
      HttpResponse.json({ error: { code: 'dots_unavailable', message: 'Dots is down' } }, { status: 502 }),
    );
    render(<DotsFlow steps={['payout']} />, { wrapper: wrapper() });
    expect(await screen.findByRole('alert')).toHaveTextContent('Dots is down');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(received).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders a custom error fallback with a working retry', async () => {
    answerOnce(() => new HttpResponse(null, { status: 500 }));
    render(
      <DotsFlow
        steps={['payout']}
        errorFallback={({ error, retry }) => (
          <button type="button" onClick={retry}>
            {`Retry after ${error.code}`}
          </button>
        )}
      />,
      { wrapper: wrapper() },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Retry after backend_failed' }));
    await waitFor(() => expect(frame()).not.toBeNull());
  });

  it('fails with frame_timeout when the frame never signals, and retry creates a new flow', async () => {
    const onError = vi.fn();
    render(<DotsFlow steps={['payout']} frameTimeoutMs={50} onError={onError} />, { wrapper: wrapper() });
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(onError.mock.calls[0]![0].code).toBe('frame_timeout');
    expect(frame()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_2`));
  });

  it('reserves space while loading and passes container props through', async () => {
    render(
      <DotsFlow steps={['payout']} minHeight={500} className="mine" id="flow" loadingFallback={<p>Preparing…</p>} />,
      { wrapper: wrapper() },
    );
    const container = document.getElementById('flow')!;
    expect(container.className).toBe('mine');
    expect(screen.getByText('Preparing…')).toBeInTheDocument();
    expect((container.lastElementChild as HTMLElement).style.minHeight).toBe('500px');
  });

  it('removes its message listener on unmount', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const { unmount } = render(<DotsFlow steps={['payout']} />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    const added = add.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    unmount();
    const removed = remove.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    expect(added.length).toBeGreaterThan(0);
    for (const fn of added) expect(removed).toContain(fn);
  });

  it('starts a new flow when remounted after a completed one', async () => {
    const queryClient = new QueryClient();
    const ui = <DotsFlow steps={['payout']} />;
    const first = render(ui, { wrapper: wrapper({ queryClient }) });
    await waitFor(() => expect(frame()).not.toBeNull());
    post({ height: 400 });
    post({ step: 'onboarding', status: 'completed' });
    post({ step: 'payout', status: 'completed' });
    first.unmount();
    render(ui, { wrapper: wrapper({ queryClient }) });
    await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_2`));
  });

  it('never shows a cached link old enough to have expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const queryClient = new QueryClient();
      const first = render(<DotsFlow steps={['payout']} />, { wrapper: wrapper({ queryClient }) });
      await waitFor(() => expect(frame()).not.toBeNull());
      first.unmount();
      const second = render(<DotsFlow steps={['payout']} />, { wrapper: wrapper({ queryClient }) });
      await waitFor(() => expect(frame()).not.toBeNull());
      expect(received).toHaveLength(1);
      second.unmount();
      vi.setSystemTime(Date.now() + 11 * 60_000);
      render(<DotsFlow steps={['payout']} />, { wrapper: wrapper({ queryClient }) });
      expect(frame()).toBeNull();
      await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_2`));
    } finally {
      vi.useRealTimers();
    }
  });

  it('throws a fix-it error outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<DotsFlow steps={['payout']} />)).toThrow(/Wrap your flows in <DotsProvider/);
  });

  it('rejects a provider with neither or both flow sources', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // @ts-expect-error -- neither source
    expect(() => render(<DotsProvider environment="sandbox" />)).toThrow(/exactly one of `flowEndpoint`/);
    expect(() =>
      // @ts-expect-error -- both sources
      render(<DotsProvider environment="sandbox" flowEndpoint={ENDPOINT} createFlow={async () => ({})} />),
    ).toThrow(/exactly one/);
  });

  it('reports unknown step names as invalid_request without calling the backend', async () => {
    const onError = vi.fn();
    // @ts-expect-error -- not a step
    render(<DotsFlow steps={['compliance', 'hack']} onError={onError} />, { wrapper: wrapper() });
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].code).toBe('invalid_request');
    expect(received).toHaveLength(0);
  });

  it('uses createFlow with an abort signal instead of an endpoint', async () => {
    const createFlow = vi.fn(async (request: { steps: unknown[] }, { signal }: { signal: AbortSignal }) => {
      expect(signal).toBeInstanceOf(AbortSignal);
      return makeFlow('flow_fn', request.steps as string[]);
    });
    render(
      <StrictMode>
        <DotsProvider createFlow={createFlow} environment="sandbox">
          <DotsFlow steps={['manage-payouts']} />
        </DotsProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_fn`));
    expect(createFlow).toHaveBeenCalledTimes(1);
    expect(createFlow.mock.calls[0]![0]).toEqual({ steps: ['manage-payouts'] });
  });
});
