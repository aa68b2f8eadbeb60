import type { Meta, StoryObj } from '@storybook/react-vite';
import type { within } from 'storybook/test';
import { expect, fn, waitFor } from 'storybook/test';
import {
  DotsFlow,
  FlowProgress,
  createAppearance,
  type Flow,
  type StepInput,
  type StepName,
  type StepStatus,
} from '@dots-flow/react';
import { ENDPOINTS, flakyEndpoint, startBackend } from './support/backend.js';
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
type Canvas = ReturnType<typeof within>;

const FRAME_TITLE = 'Dots payout flow';
const stepName = (step: StepInput): StepName => (typeof step === 'string' ? step : step.name);

// What the sandbox's flow page calls each step, so a story can say which screen it opened on.
const SCREEN_TITLES: Partial<Record<StepName, string>> = {
  compliance: 'Tax information',
  'id-verification': 'Verify your identity',
  'background-check': 'Background check',
  'manage-payouts': 'Payout methods',
  'manage-payments': 'Bank account',
  payout: 'Withdraw funds',
  redirect: 'Almost there',
};

/** The flow page's heading, once it shows `title`. */
async function expectScreen(frame: HTMLIFrameElement, title: string) {
  await waitFor(
    async () => expect((await flowPage(frame)).getByRole('heading', { level: 1 })).toHaveTextContent(title),
    {
      timeout: 8_000,
    },
  );
}

/** One step alone, for a user the backend already knows, open and waiting for the user: nothing is pressed. */
function stepStory(step: StepInput): Story {
  return {
    args: { steps: [step] },
    play: async ({ canvas, args }) => {
      const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
      await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
      expect(frame.parentElement?.closest('[data-dots-flow]')).toHaveAttribute('data-status', 'ready');
      await expectScreen(frame, SCREEN_TITLES[stepName(step)]!);
      expect(args.onStepComplete).not.toHaveBeenCalled();
      expect(args.onComplete).not.toHaveBeenCalled();
    },
  };
}

/** The same step after the user presses `button`: Dots reports it with `status` and the flow is complete. */
function completedStepStory(step: StepInput, button: string, status: StepStatus = 'completed'): Story {
  return {
    args: { steps: [step] },
    play: async ({ canvas, args }) => {
      const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
      await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
      await press(frame, button);
      await waitFor(() =>
        expect(args.onStepComplete).toHaveBeenCalledWith(expect.objectContaining({ step: stepName(step), status })),
      );
      expect(args.onComplete).toHaveBeenCalledOnce();
      expect(frame.parentElement?.closest('[data-dots-flow]')).toHaveAttribute('data-status', 'complete');
    },
  };
}

export const Compliance = stepStory('compliance');
export const ComplianceSubmitted = completedStepStory('compliance', 'Submit');
export const IdVerification = stepStory('id-verification');
export const IdVerificationSubmitted = completedStepStory('id-verification', 'Verify');
export const BackgroundCheck = stepStory('background-check');
export const BackgroundCheckAgreed = completedStepStory('background-check', 'I agree');
export const ManagePayoutsStep = stepStory('manage-payouts');
// Saved without changing the default method: Dots reports `completed-saved`.
export const ManagePayoutsStepSaved = completedStepStory('manage-payouts', 'Save', 'completed-saved');
export const ManagePayments = stepStory('manage-payments');
export const ManagePaymentsSaved = completedStepStory('manage-payments', 'Save');
export const Payout = stepStory('payout');
export const PayoutWithdrawn = completedStepStory('payout', 'Withdraw');
// The redirect step would navigate the whole window away, so it is only shown.
export const Redirect = stepStory({ name: 'redirect', redirect_url: 'https://example.com/payouts/done' });

const multiStep = {
  args: { steps: ['compliance', 'payout'] },
  parameters: { dots: { endpoint: ENDPOINTS.newUser } },
  render: (args) => (
    <DotsFlow {...args}>
      <FlowProgress style={{ marginBlockEnd: 16 }} />
    </DotsFlow>
  ),
} satisfies Story;

const stepper = (canvas: Canvas) => ({
  percent: () => canvas.getByRole('progressbar').getAttribute('aria-valuenow'),
  current: () => canvas.getByRole('listitem', { current: 'step' }),
});

/** A new user: phone verification first, then tax information and a withdrawal, with a stepper above. */
export const MultiStep: Story = {
  ...multiStep,
  play: async ({ canvas, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    const { percent, current } = stepper(canvas);
    await waitFor(() => expect(current()).toHaveTextContent('Verify phone'), { timeout: 8_000 });
    await expectScreen(frame, 'Verify your phone');
    expect(percent()).toBe('0');
    expect(canvas.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '1Verify phone',
      '2Tax information',
      '3Withdraw',
    ]);
    expect(args.onStepComplete).not.toHaveBeenCalled();
  },
};

/** The same flow, walked through: the stepper follows each step the frame reports, to the end. */
export const MultiStepCompleted: Story = {
  ...multiStep,
  play: async ({ canvas, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    const { percent, current } = stepper(canvas);
    await waitFor(() => expect(current()).toHaveTextContent('Verify phone'), { timeout: 8_000 });

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

/** What a route loader does: your backend creates the flow, and the page gets the Dots flow object. */
async function flowFromLoader(steps: StepInput[]): Promise<Flow> {
  await startBackend();
  const response = await fetch(ENDPOINTS.newUser, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ steps }),
  });
  return (await response.json()) as Flow;
}

/**
 * A flow your backend already created (a Payout Link's flow, or one made in a route loader), passed as `flow`
 * instead of `steps`: the same link check, progress and callbacks, and no request to create one.
 */
export const GivenFlow: Story = {
  loaders: [async () => ({ flow: await flowFromLoader(['payout']) })],
  render: ({ steps: _steps, metadata: _metadata, ...args }, { loaded }) => (
    <DotsFlow {...args} flow={loaded.flow as Flow}>
      <FlowProgress style={{ marginBlockEnd: 16 }} />
    </DotsFlow>
  ),
  play: async ({ canvas, args, loaded }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    expect(frame.getAttribute('src')).toBe((loaded.flow as Flow).link);
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
    await expectScreen(frame, 'Verify your phone');
    expect(canvas.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['1Verify phone', '2Withdraw']);
    expect(args.onError).not.toHaveBeenCalled();
  },
};

/** Created once, outside render: the same appearance on every render never restyles the frame. */
const DARK = createAppearance({
  theme: 'dark',
  variables: {
    backgroundColor: '#101418',
    primaryTextColor: '#e6edf3',
    buttonBackgroundColor: '#c88bc4',
    buttonTextColor: '#111111',
    borderRadius: '10px',
  },
});

/** `appearance`: Dots' dark theme and colours on the flow page, and the same colours around it (with FlowProgress). */
export const DarkAppearance: Story = {
  args: {
    steps: ['compliance', 'payout'],
    appearance: DARK,
    style: { padding: 16, borderRadius: 10 },
    children: <FlowProgress />,
  },
  play: async ({ canvas, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
    await flowPage(frame);
    const pageBody = getComputedStyle(frame.contentDocument!.body);
    const container = getComputedStyle(frame.closest('[data-dots-flow]')!);
    expect(pageBody.backgroundColor).toBe('rgb(16, 20, 24)');
    expect(container.backgroundColor).toBe(pageBody.backgroundColor);
    expect(container.color).toBe(pageBody.color);
    expect(getComputedStyle(frame).colorScheme).toBe('dark');
  },
};

/** The same look from `<DotsProvider appearance={DARK}>`: every flow below wears it unless it has its own. */
export const ProviderAppearance: Story = {
  args: { steps: ['compliance'] },
  parameters: { dots: { appearance: DARK } },
  play: async ({ canvas, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
    await flowPage(frame);
    const pageBody = getComputedStyle(frame.contentDocument!.body);
    expect(pageBody.backgroundColor).toBe('rgb(16, 20, 24)');
    expect(getComputedStyle(frame.closest('[data-dots-flow]')!).backgroundColor).toBe(pageBody.backgroundColor);
    expect(getComputedStyle(frame).colorScheme).toBe('dark');
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

/** The backend fails (502): the error, and a way to try again. */
export const BackendError: Story = {
  parameters: { dots: { endpoint: flakyEndpoint } },
  play: async ({ canvas, args }) => {
    // The person's message is the same in every build; the backend's own words are a development-only detail.
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This step could not load.');
    expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'backend_failed', status: 502 }));
    expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(canvas.queryByTitle(FRAME_TITLE)).toBeNull();
  },
};

/** The backend failed once; "Try again" creates a fresh flow that works. */
export const BackendErrorRetried: Story = {
  parameters: { dots: { endpoint: flakyEndpoint } },
  play: async ({ canvas, args, userEvent }) => {
    await canvas.findByRole('alert');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await canvas.findByTitle(FRAME_TITLE);
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce(), { timeout: 8_000 });
    expect(canvas.queryByRole('alert')).toBeNull();
    expect(args.onError).toHaveBeenCalledOnce();
  },
};

/** The backend answers a link on a look-alike origin: it is refused, never framed, and no retry is offered. */
export const UntrustedLink: Story = {
  parameters: { dots: { endpoint: ENDPOINTS.hostile } },
  play: async ({ canvas, args }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This step cannot be shown.');
    expect(alert.textContent).not.toContain('dots-flow:');
    expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'untrusted_link' }));
    expect(canvas.queryByTitle(FRAME_TITLE)).toBeNull();
    // A retry would get the same refused link.
    expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

/** The framed page never says anything (blocked, wrong page): after `frameTimeoutMs` the flow fails. */
export const FrameTimeout: Story = {
  args: { frameTimeoutMs: 1_500 },
  parameters: { dots: { endpoint: ENDPOINTS.silent } },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('alert', {}, { timeout: 8_000 })).toHaveTextContent(
      'This step could not load.',
    );
    expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'frame_timeout' }));
    expect(args.onReady).not.toHaveBeenCalled();
  },
};

const secondStepComplete = fn();

const twoFlows = {
  render: ({ steps: _steps, flow: _flow, ...args }) => (
    <div style={{ display: 'grid', gap: 24, gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))' }}>
      <DotsFlow {...args} steps={['compliance']} title="Tax information flow">
        <FlowProgress messages={{ progress: 'Tax information progress' }} style={{ marginBlockEnd: 12 }} />
      </DotsFlow>
      <DotsFlow steps={['payout']} title="Withdrawal flow" onStepComplete={secondStepComplete}>
        <FlowProgress messages={{ progress: 'Withdrawal progress' }} style={{ marginBlockEnd: 12 }} />
      </DotsFlow>
    </div>
  ),
} satisfies Story;

/** Two flows on one page, side by side, each with its own frame and stepper. */
export const TwoFlows: Story = {
  ...twoFlows,
  play: async ({ canvas }) => {
    await expectScreen(await canvas.findByTitle<HTMLIFrameElement>('Tax information flow'), 'Tax information');
    await expectScreen(await canvas.findByTitle<HTMLIFrameElement>('Withdrawal flow'), 'Withdraw funds');
    for (const name of ['Tax information progress', 'Withdrawal progress']) {
      expect(canvas.getByRole('progressbar', { name })).toHaveAttribute('aria-valuenow', '0');
    }
  },
};

/** One of two flows completed: each hears only its own frame. */
export const TwoFlowsOneCompleted: Story = {
  ...twoFlows,
  play: async ({ canvas, args }) => {
    secondStepComplete.mockClear();
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
