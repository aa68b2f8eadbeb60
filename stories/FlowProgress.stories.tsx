import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { DotsFlow, FlowProgress, type FlowProgressValue } from '@dots-flow/react';
import { ENDPOINTS } from './support/backend.js';
import { press, verifyPhone } from './support/flowPage.js';

const usage = `
\`\`\`tsx
import { DotsFlow, FlowProgress } from '@dots-flow/react';

// Inside a flow it follows that flow:
<DotsFlow steps={['compliance', 'payout']}>
  <FlowProgress labels={{ compliance: 'Tax details' }} />
</DotsFlow>

// Elsewhere, give it a flow's progress (useFlowProgress(), a useDotsFlow() result, or your own values):
<FlowProgress progress={flow} />
\`\`\`
`;

const steps = ['onboarding', 'compliance', 'manage-payouts', 'payout'] as const;

const value = (done: number, overrides: Partial<FlowProgressValue> = {}): FlowProgressValue => ({
  status: done === steps.length ? 'complete' : 'ready',
  steps,
  completedSteps: steps.slice(0, done).map((step) => ({ step, status: 'completed' })),
  currentStep: steps[done] ?? null,
  progress: done / steps.length,
  ...overrides,
});

const meta = {
  title: 'Components/FlowProgress',
  component: FlowProgress,
  tags: ['autodocs'],
  args: { progress: value(2) },
  parameters: {
    docs: {
      description: {
        component:
          'An accessible stepper: an ordered list with `aria-current="step"` on the current step, done / current / ' +
          'upcoming states in `data-state`, a readable label for every step and the percentage as a progress bar. ' +
          'Labels and texts can be overridden for translation.\n' +
          usage,
      },
    },
  },
} satisfies Meta<typeof FlowProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

const states = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('li')].map((li) => li.getAttribute('data-state'));

/** The flow has just loaded: the first step is current, the rest upcoming. */
export const NotStarted: Story = {
  args: { progress: value(0) },
  play: async ({ canvas, canvasElement }) => {
    expect(states(canvasElement)).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
    expect(canvas.getByRole('listitem', { current: 'step' })).toHaveTextContent('Verify phone');
    expect(canvas.getByRole('progressbar', { name: 'Flow progress' })).toHaveAttribute('aria-valuenow', '0');
  },
};

/** Done, current and upcoming steps together. */
export const InProgress: Story = {
  play: async ({ canvas, canvasElement }) => {
    expect(states(canvasElement)).toEqual(['done', 'done', 'current', 'upcoming']);
    expect(canvas.getByRole('list', { name: 'Steps' }).tagName).toBe('OL');
    expect(canvas.getByText('50%')).toBeInTheDocument();
  },
};

/** A `hide_continue_button` step after a save: completed, and still current. */
export const StickyStep: Story = {
  args: {
    progress: value(3, {
      currentStep: 'manage-payouts',
      completedSteps: [
        { step: 'onboarding', status: 'completed' },
        { step: 'compliance', status: 'completed' },
        { step: 'manage-payouts', status: 'completed-saved' },
      ],
    }),
  },
  play: async ({ canvas }) => {
    const current = canvas.getByRole('listitem', { current: 'step' });
    expect(current).toHaveTextContent('Payout method');
    expect(current).toHaveAttribute('data-completed');
  },
};

/** Every step done. */
export const Complete: Story = {
  args: { progress: value(steps.length) },
  play: async ({ canvas, canvasElement }) => {
    expect(states(canvasElement)).toEqual(['done', 'done', 'done', 'done']);
    expect(canvas.queryByRole('listitem', { current: 'step' })).toBeNull();
    expect(canvas.getByText('100%')).toBeInTheDocument();
  },
};

/** Translated labels and texts. */
export const CustomLabels: Story = {
  args: {
    labels: {
      onboarding: 'Verificar teléfono',
      compliance: 'Datos fiscales',
      'manage-payouts': 'Método de pago',
      payout: 'Retirar fondos',
    },
    messages: { progress: 'Progreso', steps: 'Pasos', done: '(hecho)' },
  },
  play: async ({ canvas }) => {
    expect(canvas.getByRole('list', { name: 'Pasos' })).toBeInTheDocument();
    expect(canvas.getByRole('listitem', { current: 'step' })).toHaveTextContent('Método de pago');
    expect(canvas.getByRole('progressbar', { name: 'Progreso' })).toBeInTheDocument();
  },
};

/** On a dark page: text follows the page, accents and greys keep their contrast. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('[data-theme="dark"] [data-dots-flow-progress]')).not.toBeNull();
  },
};

const insideDotsFlow = {
  args: { progress: undefined },
  parameters: { dots: { endpoint: ENDPOINTS.newUser } },
  render: (args) => (
    <DotsFlow steps={['compliance']}>
      <FlowProgress {...args} style={{ marginBlockEnd: 16 }} />
    </DotsFlow>
  ),
} satisfies Story;

/** Inside a live flow for a new user: it counts the steps the frame shows, phone verification first. */
export const InsideDotsFlow: Story = {
  ...insideDotsFlow,
  play: async ({ canvas }) => {
    await canvas.findByTitle<HTMLIFrameElement>('Dots payout flow');
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(2), { timeout: 8_000 });
    expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(canvas.getByRole('listitem', { current: 'step' })).toHaveTextContent('Verify phone');
  },
};

/** The same flow walked through in the (sandbox) flow page: progress follows each completed step to the end. */
export const InsideDotsFlowCompleted: Story = {
  ...insideDotsFlow,
  play: async ({ canvas }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>('Dots payout flow');
    const bar = () => canvas.getByRole('progressbar');
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(2), { timeout: 8_000 });
    await verifyPhone(frame);
    await waitFor(() => expect(bar()).toHaveAttribute('aria-valuenow', '50'));
    expect(canvas.getByRole('listitem', { current: 'step' })).toHaveTextContent('Tax information');
    await press(frame, 'Submit');
    await waitFor(() => expect(bar()).toHaveAttribute('aria-valuenow', '100'));
    expect(canvas.queryByRole('listitem', { current: 'step' })).toBeNull();
  },
};
