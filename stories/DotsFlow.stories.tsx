import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { DotsFlow, FlowProgress, type StepInput, type StepName, type StepStatus } from '@dots-flow/react';
import { ENDPOINTS, flakyEndpoint } from './support/backend.js';
import { flowPage, press, verifyPhone } from './support/flowPage.js';

const usage = `
\`\`\`tsx
import { DotsProvider, DotsFlow, FlowProgress } from '@dots-flow/react';

// userKey: the signed-in user, so a flow created for one user is never shown to the next.
export function Onboarding({ userId }: { userId: string }) {
  return (
    <DotsProvider flowEndpoint="/api/dots/flows" environment="sandbox" userKey={userId}>
      <DotsFlow
        steps={['compliance', 'payout']}
        onStepComplete={({ step, status }) => console.log(step, status)}
        onComplete={() => navigate('/done')}
      >
        <FlowProgress />
      </DotsFlow>
    </DotsProvider>
  );
}
\`\`\`
`;

const meta = {
  title: 'Components/DotsFlow',
  component: DotsFlow,
  tags: ['autodocs'],
  args: {
    steps: ['compliance'],
    onReady: fn(),
    onStepComplete: fn(),
    onComplete: fn(),
    onError: fn(),
    onHeightChange: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          'A Dots flow in an iframe: created through your backend route, framed only from a trusted origin, ' +
          'sized by the frame, with callbacks for each completed step. In these stories MSW plays your backend and ' +
          "the sandbox's flow page plays Dots.\n" +
          usage,
      },
    },
  },
} satisfies Meta<typeof DotsFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

const FRAME_TITLE = 'Dots payout flow';
const stepName = (step: StepInput): StepName => (typeof step === 'string' ? step : step.name);

/** One step alone, for a user the backend already knows; pressing `button` in the sandbox completes it. */
function stepStory(step: StepInput, button: string | null, status: StepStatus = 'completed'): Story {
  return {
    args: { steps: [step] },
    play: async ({ canvas, args }) => {
      const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
      await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
      expect(frame.parentElement?.closest('[data-dots-flow]')).toHaveAttribute('data-status', 'ready');
      // The redirect step would navigate the whole window away, so it is only shown.
      if (button === null) return;
      await press(frame, button);
      await waitFor(() =>
        expect(args.onStepComplete).toHaveBeenCalledWith(expect.objectContaining({ step: stepName(step), status })),
      );
      expect(args.onComplete).toHaveBeenCalledOnce();
    },
  };
}

export const Compliance = stepStory('compliance', 'Submit');
export const IdVerification = stepStory('id-verification', 'Verify');
export const BackgroundCheck = stepStory('background-check', 'I agree');
// Saved without changing the default method: Dots reports `completed-saved`.
export const ManagePayoutsStep = stepStory('manage-payouts', 'Save', 'completed-saved');
export const ManagePayments = stepStory('manage-payments', 'Save');
export const Payout = stepStory('payout', 'Withdraw');
export const Redirect = stepStory({ name: 'redirect', redirect_url: 'https://example.com/payouts/done' }, null);

/** A new user: phone verification first, then tax information and a withdrawal, with a stepper above. */
export const MultiStep: Story = {
  args: { steps: ['compliance', 'payout'] },
  parameters: { dots: { endpoint: ENDPOINTS.newUser } },
  render: (args) => (
    <DotsFlow {...args}>
      <FlowProgress style={{ marginBlockEnd: 16 }} />
    </DotsFlow>
  ),
  play: async ({ canvas, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    const percent = () => canvas.getByRole('progressbar').getAttribute('aria-valuenow');
    const current = () => canvas.getByRole('listitem', { current: 'step' });
    await waitFor(() => expect(current()).toHaveTextContent('Verify phone'), { timeout: 8_000 });
    expect(percent()).toBe('0');

    await verifyPhone(frame);
    await waitFor(() => expect(current()).toHaveTextContent('Tax information'));
    expect(percent()).toBe('33');

    await press(frame, 'Submit');
    await waitFor(() => expect(current()).toHaveTextContent('Withdraw'));
    expect(percent()).toBe('67');

    await press(frame, 'Withdraw');
    await waitFor(() => expect(args.onComplete).toHaveBeenCalledOnce());
    expect(percent()).toBe('100');
    for (const [nth, step] of ['onboarding', 'compliance', 'payout'].entries()) {
      expect(args.onStepComplete).toHaveBeenNthCalledWith(nth + 1, expect.objectContaining({ step }));
    }
  },
};

/** The backend is still creating the flow. */
export const Loading: Story = {
  parameters: { dots: { endpoint: ENDPOINTS.slow } },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading');
    expect(canvas.queryByTitle(FRAME_TITLE)).toBeNull();
    expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The backend fails once (502); "Try again" creates a fresh flow that works. */
export const BackendErrorWithRetry: Story = {
  parameters: { dots: { endpoint: flakyEndpoint } },
  play: async ({ canvas, args, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('502: Dots is unavailable');
    expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'backend_failed' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await canvas.findByTitle(FRAME_TITLE);
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
    expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** The backend answers a link on a look-alike origin: it is refused, never framed. */
export const UntrustedLink: Story = {
  parameters: { dots: { endpoint: ENDPOINTS.hostile } },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('is not trusted');
    expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'untrusted_link' }));
    expect(canvas.queryByTitle(FRAME_TITLE)).toBeNull();
  },
};

/** The framed page never says anything (blocked, wrong page): after `frameTimeoutMs` the flow fails. */
export const FrameTimeout: Story = {
  args: { frameTimeoutMs: 1_500 },
  parameters: { dots: { endpoint: ENDPOINTS.silent } },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('alert', {}, { timeout: 8_000 })).toHaveTextContent('sent nothing');
    expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'frame_timeout' }));
    expect(args.onReady).not.toHaveBeenCalled();
  },
};

const secondStepComplete = fn();

/** Two flows on one page: each hears only its own frame. */
export const TwoFlows: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 24, gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))' }}>
      <DotsFlow {...args} steps={['compliance']} title="Tax information flow">
        <FlowProgress messages={{ progress: 'Tax information progress' }} style={{ marginBlockEnd: 12 }} />
      </DotsFlow>
      <DotsFlow steps={['payout']} title="Withdrawal flow" onStepComplete={secondStepComplete}>
        <FlowProgress messages={{ progress: 'Withdrawal progress' }} style={{ marginBlockEnd: 12 }} />
      </DotsFlow>
    </div>
  ),
  play: async ({ canvas, args }) => {
    const first = await canvas.findByTitle<HTMLIFrameElement>('Tax information flow');
    const second = await canvas.findByTitle<HTMLIFrameElement>('Withdrawal flow');
    await flowPage(second);
    await press(first, 'Submit');
    await waitFor(() => expect(args.onStepComplete).toHaveBeenCalledOnce());
    expect(secondStepComplete).not.toHaveBeenCalled();
    expect(canvas.getByRole('progressbar', { name: 'Tax information progress' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(canvas.getByRole('progressbar', { name: 'Withdrawal progress' })).toHaveAttribute('aria-valuenow', '0');
  },
};
