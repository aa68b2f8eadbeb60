// `flow` instead of `steps`: a flow the host's backend already created (here by the real sandbox, as a route
// loader would through the server kit) is framed with the same checks and progress, and nothing is created.
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { parseFlow, type Flow } from '@dots-flow/core';
import { DotsFlow } from './DotsFlow.js';
import { DotsProvider } from './DotsProvider.js';
import { useDotsFlow } from './useDotsFlow.js';

// Started on loopback by the project's globalSetup (scripts/vitest-sandbox-setup.ts).
const sandbox = { url: inject('sandboxUrl') };
const auth = `Basic ${btoa(`${inject('sandboxClientId')}:${inject('sandboxApiKey')}`)}`;

const client = new QueryClient();
const noCreation = () => Promise.reject(new Error('must not be called'));
afterEach(() => cleanup());

/** What the host's backend does in a route loader: POST /api/v2/flows with its API key. */
async function createOnSandbox(body: object): Promise<Flow> {
  const response = await fetch(`${sandbox.url}/api/v2/flows`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return parseFlow(await response.json());
}

/**
 * Every request this test file makes from now on that is not a plain read. The sandbox is shared with the other
 * projects running at the same time, so counting its flows would race; what this page sends is exactly ours.
 */
function watchWrites() {
  const spy = vi.spyOn(globalThis, 'fetch');
  return () => {
    const writes = spy.mock.calls
      .map(([input, init]) => ({
        url: String(input instanceof Request ? input.url : input),
        method: init?.method ?? 'GET',
      }))
      .filter(({ method }) => method !== 'GET');
    spy.mockRestore();
    return writes;
  };
}

const frame = () => document.querySelector('iframe');
const post = (data: unknown, origin = new URL(sandbox.url).origin) =>
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source: frame()!.contentWindow }));
  });

function Host({
  flow,
  createFlow,
  environment,
  ...callbacks
}: {
  flow: Flow;
  createFlow?: () => Promise<unknown>;
  environment?: 'sandbox';
  onStepComplete?: (event: unknown) => void;
  onComplete?: (event: unknown) => void;
  onError?: (error: unknown) => void;
}) {
  return (
    <DotsProvider
      createFlow={createFlow ?? noCreation}
      environment={environment ?? { frameOrigins: [sandbox.url] }}
      queryClient={client}
    >
      <DotsFlow flow={flow} {...callbacks} />
    </DotsProvider>
  );
}

describe('DotsFlow with a flow the backend created', () => {
  it('frames its link and follows its progress, without creating a flow', async () => {
    const flow = await createOnSandbox({ steps: ['compliance'] });
    const writes = watchWrites();
    const createFlow = vi.fn(() => Promise.reject(new Error('must not be called')));
    const onStepComplete = vi.fn();
    const onComplete = vi.fn();
    render(<Host flow={flow} createFlow={createFlow} onStepComplete={onStepComplete} onComplete={onComplete} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()!.getAttribute('src')).toBe(flow.link);
    expect(new URL(flow.link).origin).toBe(sandbox.url);
    const container = document.querySelector('[data-dots-flow]')!;
    expect(container).toHaveAttribute('data-status', 'loading');

    post({ height: 480 });
    expect(container).toHaveAttribute('data-status', 'ready');
    // No user on the flow: Dots' onboarding comes first, as for a created flow.
    post({ step: 'onboarding', status: 'completed' });
    post({ step: 'compliance', status: 'completed' });
    expect(onStepComplete).toHaveBeenCalledTimes(2);
    expect(onStepComplete).toHaveBeenLastCalledWith(
      expect.objectContaining({ step: 'compliance', status: 'completed', flowId: flow.id }),
    );
    expect(onComplete).toHaveBeenCalledWith({ flowId: flow.id });
    expect(container).toHaveAttribute('data-status', 'complete');
    expect(createFlow).not.toHaveBeenCalled();
    // No create request left this page: not through the provider, not any other way.
    expect(writes()).toEqual([]);
  });

  it('refuses a link on an origin the environment does not trust: untrusted_link, no frame', async () => {
    // A real sandbox flow links to http://127.0.0.1:<port>, which environment="sandbox" does not trust.
    const flow = await createOnSandbox({ steps: ['payout'] });
    const onError = vi.fn();
    render(<Host flow={flow} environment="sandbox" onError={onError} />);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'untrusted_link' })));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(frame()).toBeNull();
  });

  it('refuses a link that was changed to point elsewhere, and a value that is not a flow', async () => {
    const flow = await createOnSandbox({ steps: ['payout'] });
    const onError = vi.fn();
    const { unmount } = render(<Host flow={{ ...flow, link: 'javascript:alert(1)' }} onError={onError} />);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'untrusted_link' })));
    expect(frame()).toBeNull();
    unmount();
    onError.mockClear();
    render(<Host flow={{ ...flow, steps: 'payout' } as unknown as Flow} onError={onError} />);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_response' })));
    expect(frame()).toBeNull();
  });

  it('keeps its controller for an equal flow object, and frames a different flow anew', async () => {
    const first = await createOnSandbox({ steps: ['payout'] });
    const second = await createOnSandbox({ steps: ['payout'] });
    const { rerender } = render(<Host flow={first} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    post({ height: 400 });
    rerender(<Host flow={{ ...first }} />);
    expect(document.querySelector('[data-dots-flow]')).toHaveAttribute('data-status', 'ready');
    rerender(<Host flow={second} />);
    await waitFor(() => expect(frame()!.getAttribute('src')).toBe(second.link));
  });

  it('useDotsFlow takes a flow too, with a signed-in user: no onboarding step', async () => {
    const flow = await createOnSandbox({
      steps: ['compliance', 'payout'],
      user_id: (await createUser()).id,
    });
    const seen: unknown[] = [];
    function Probe() {
      const state = useDotsFlow({ flow });
      seen.push(state.steps);
      return state.frameProps ? <iframe {...state.frameProps} /> : null;
    }
    render(
      <DotsProvider flowEndpoint="/never" environment={{ frameOrigins: [sandbox.url] }} queryClient={new QueryClient()}>
        <Probe />
      </DotsProvider>,
    );
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(seen.at(-1)).toEqual(['compliance', 'payout']);
  });
});

async function createUser(): Promise<{ id: string }> {
  const response = await fetch(`${sandbox.url}/api/v2/users`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: `ada+${Date.now()}@example.com`,
      country_code: '1',
      phone_number: `415555${String(Math.floor(Math.random() * 9000) + 1000)}`,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

describe('DotsFlow props: exactly one of steps or flow', () => {
  it('is a type error to give both, or neither', () => {
    const flow = {} as Flow;
    const elements = [
      // @ts-expect-error -- a flow is either created from `steps` or given as `flow`, not both
      <DotsFlow key="both" steps={['payout']} flow={flow} />,
      // @ts-expect-error -- metadata goes with `steps`: a given flow already has its own
      <DotsFlow key="metadata" flow={flow} metadata={{ plan: 'pro' }} />,
      // @ts-expect-error -- one of them is required
      <DotsFlow key="neither" />,
      <DotsFlow key="steps" steps={['payout']} metadata="order-1" />,
      <DotsFlow key="flow" flow={flow} />,
    ];
    expect(elements).toHaveLength(5);
  });
});
