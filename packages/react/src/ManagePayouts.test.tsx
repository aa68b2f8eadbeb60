import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { QueryClient } from '@tanstack/react-query';
import { createAppearance } from '@dots-flow/core';
import { ManagePayouts, type ManagePayoutsActionProps } from './ManagePayouts.js';
import { FlowProgress } from './FlowProgress.js';
import { DotsProvider } from './DotsProvider.js';
import { answerOnce, ENDPOINT, FRAME_ORIGIN, makeFlow, received } from './test/backend.js';
import { setupMswBackend, wrapper } from './test/setup.js';

setupMswBackend();

const frame = () => document.querySelector('iframe');
const root = () => document.querySelector<HTMLElement>('[data-dots-manage-payouts]')!;

function post(data: unknown, source: Window | null = frame()?.contentWindow ?? null, origin = FRAME_ORIGIN) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
}

// The host's backend knows the user: no onboarding step, the frame opens on manage-payouts.
function answerSignedIn() {
  answerOnce(() =>
    HttpResponse.json(makeFlow('flow_mp', ['manage-payouts'], { user_id: 'user_1', steps: ['manage-payouts'] })),
  );
}

async function frameReady() {
  await waitFor(() => expect(frame()).not.toBeNull());
  post({ height: 480 });
}

describe('ManagePayouts', () => {
  it('creates a sticky manage-payouts flow by default, in a titled frame', async () => {
    render(<ManagePayouts className="settings" />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(received[0]!.body).toEqual({ steps: [{ name: 'manage-payouts', hide_continue_button: true }] });
    expect(frame()!.title).toBe('Payout methods');
    expect(root()).toHaveClass('settings');
    expect(root().dataset.state).toBe('editing');
  });

  it("shows the host's actions only once the frame has its height, so they never jump down under it", async () => {
    answerSignedIn();
    render(<ManagePayouts renderActions={({ status }) => <button type="button">{`Done (${status})`}</button>} />, {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(root().dataset.status).toBe('loading');
    expect(screen.queryByRole('button')).toBeNull();
    post({ height: 480 });
    expect(screen.getByRole('button', { name: 'Done (ready)' })).toBeInTheDocument();
  });

  it('shows the actions beside an error too, so the person can leave', async () => {
    answerOnce(() => HttpResponse.json({ error: { message: 'Dots is down' } }, { status: 502 }));
    render(<ManagePayouts renderActions={({ status }) => <a href="/">{`Back (${status})`}</a>} />, {
      wrapper: wrapper(),
    });
    await screen.findByRole('alert');
    expect(screen.getByRole('link', { name: 'Back (error)' })).toBeInTheDocument();
  });

  it('themes its frame and container with `appearance`, like DotsFlow, and never leaks it onto the element', async () => {
    const appearance = createAppearance({ theme: 'dark', variables: { buttonBackgroundColor: '#c88bc4' } });
    answerSignedIn();
    render(<ManagePayouts appearance={appearance} style={{ color: 'rgb(1, 2, 3)' }} />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()!.src).toBe(appearance.apply(makeFlow('flow_mp', ['manage-payouts']).link));
    expect(frame()!.style.colorScheme).toBe('dark');
    expect(root().style.getPropertyValue('--dots-flow-accent')).toBe('#c88bc4');
    expect(root().style.color).toBe('rgb(1, 2, 3)');
    expect(root().hasAttribute('appearance')).toBe(false);
  });

  it("wears the provider's appearance when it has none of its own", async () => {
    const appearance = createAppearance({ theme: 'dark', variables: { buttonBackgroundColor: '#123456' } });
    answerSignedIn();
    render(
      <DotsProvider
        flowEndpoint={ENDPOINT}
        environment="sandbox"
        queryClient={new QueryClient()}
        appearance={appearance}
      >
        <ManagePayouts />
      </DotsProvider>,
    );
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()!.src).toBe(appearance.apply(makeFlow('flow_mp', ['manage-payouts']).link));
    expect(root().style.getPropertyValue('--dots-flow-accent')).toBe('#123456');
  });

  it('with Continue hidden: every save calls onSave, the message tells the statuses apart, the frame stays', async () => {
    const onSave = vi.fn();
    const onDone = vi.fn();
    const onComplete = vi.fn();
    const actions = vi.fn((props: ManagePayoutsActionProps) => (
      <button type="button">{`Back (${props.saves} saves, ${props.lastSave ?? 'none'})`}</button>
    ));
    answerSignedIn();
    render(
      <ManagePayouts onSave={onSave} onDone={onDone} onComplete={onComplete} renderActions={actions}>
        <FlowProgress />
      </ManagePayouts>,
      { wrapper: wrapper() },
    );
    await frameReady();
    expect(screen.getByRole('button', { name: 'Back (0 saves, none)' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');

    post({ step: 'manage-payouts', status: 'completed-saved' });
    expect(onSave).toHaveBeenLastCalledWith({ status: 'completed-saved', flowId: 'flow_mp' });
    expect(screen.getByRole('status')).toHaveTextContent('No changes to your payout method');
    expect(root().dataset.saveStatus).toBe('completed-saved');

    post({ step: 'manage-payouts', status: 'completed' });
    post({ step: 'manage-payouts', status: 'completed' });
    expect(onSave).toHaveBeenCalledTimes(3);
    expect(onSave).toHaveBeenLastCalledWith({ status: 'completed', flowId: 'flow_mp' });
    expect(screen.getByRole('status')).toHaveTextContent('Payout method updated');
    expect(screen.getByRole('button', { name: 'Back (3 saves, completed)' })).toBeInTheDocument();

    expect(frame()).not.toBeNull();
    expect(root().dataset.status).toBe('ready');
    expect(root().dataset.state).toBe('saved');
    expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('Payout method');
    expect(onDone).not.toHaveBeenCalled();
    expect(onComplete).not.toHaveBeenCalled();
  });

  it('with Continue shown: the save completes the step, calls onDone once and keeps the frame for Continue', async () => {
    const onSave = vi.fn();
    const onDone = vi.fn();
    answerSignedIn();
    render(
      <ManagePayouts
        hideContinueButton={false}
        onSave={onSave}
        onDone={onDone}
        renderActions={({ done }) => (done ? <a href="/settings">Back to settings</a> : null)}
      />,
      { wrapper: wrapper() },
    );
    await frameReady();
    const framed = frame();
    expect(received[0]!.body).toEqual({ steps: ['manage-payouts'] });
    post({ step: 'manage-payouts', status: 'completed' });
    post({ step: 'manage-payouts', status: 'completed' });
    expect(onSave).toHaveBeenCalledExactlyOnceWith({ status: 'completed', flowId: 'flow_mp' });
    expect(onDone).toHaveBeenCalledExactlyOnceWith({ flowId: 'flow_mp' });
    expect(root().dataset.state).toBe('done');
    // Dots shows its Continue button after the save, inside this very frame: it must stay.
    expect(frame()).toBe(framed);
    expect(screen.getByRole('status')).toHaveTextContent('Payout method updated');
    expect(screen.getByRole('link', { name: 'Back to settings' })).toBeInTheDocument();
  });

  it('onboards a new user first without counting that as a save', async () => {
    const onSave = vi.fn();
    const onStepComplete = vi.fn();
    render(<ManagePayouts onSave={onSave} onStepComplete={onStepComplete} />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    post({ step: 'onboarding', status: 'completed' });
    expect(onStepComplete).toHaveBeenCalledWith(expect.objectContaining({ step: 'onboarding' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');
    post({ step: 'manage-payouts', status: 'completed' });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onStepComplete).toHaveBeenCalledTimes(2);
  });

  it('ignores saves from other windows, other origins and malformed messages', async () => {
    const onSave = vi.fn();
    answerSignedIn();
    render(<ManagePayouts onSave={onSave} />, { wrapper: wrapper() });
    await frameReady();
    post({ step: 'manage-payouts', status: 'completed' }, window);
    post({ step: 'manage-payouts', status: 'completed' }, frame()!.contentWindow, 'https://evil.example');
    post({ step: 'manage-payouts', status: 'saved' });
    post({ step: 'manage-payouts' });
    post('{"step":"manage-payouts","status":"completed"}');
    post(JSON.parse('{"step":"manage-payouts","status":"completed","__proto__":{"polluted":true}}'));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');
    post({ step: 'manage-payouts', status: 'completed' });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows the backend error with a retry that recovers, and translated texts', async () => {
    answerOnce(() => HttpResponse.json({ error: { message: 'Dots is down' } }, { status: 502 }));
    const onError = vi.fn();
    render(<ManagePayouts onError={onError} messages={{ updated: 'Método actualizado' }} />, { wrapper: wrapper() });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('502: Dots is down');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'backend_failed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(frame()).not.toBeNull());
    post({ height: 400 });
    post({ step: 'onboarding', status: 'completed' });
    post({ step: 'manage-payouts', status: 'completed' });
    expect(screen.getByRole('status')).toHaveTextContent('Método actualizado');
    expect(received).toHaveLength(2);
  });
});
