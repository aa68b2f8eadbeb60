import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { ManagePayouts } from '@dots-flow/react';
import { choosePayoutMethod, flowPage, press } from './support/flowPage.js';

const usage = `
\`\`\`tsx
import { DotsProvider, ManagePayouts } from '@dots-flow/react';

export function PayoutSettings({ userId, onClose }: { userId: string; onClose: () => void }) {
  return (
    <DotsProvider flowEndpoint="/api/dots/flows" environment="sandbox" userKey={userId}>
      <ManagePayouts
        onSave={({ status }) => console.log(status === 'completed' ? 'changed' : 'unchanged')}
        renderActions={() => <button onClick={onClose}>Done</button>}
      />
    </DotsProvider>
  );
}
\`\`\`
`;

const meta = {
  title: 'Components/ManagePayouts',
  component: ManagePayouts,
  tags: ['autodocs'],
  args: { onSave: fn(), onDone: fn(), onStepComplete: fn(), onError: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'The manage-payouts step as a widget for account settings. By default the Continue button is hidden ' +
          '(`hide_continue_button: true`): the user stays on the step, every save calls `onSave` with `completed` ' +
          '(changed) or `completed-saved` (no changes), and your own actions go in `renderActions`. With ' +
          '`hideContinueButton={false}` the first save completes the step and calls `onDone` (Dots posts the ' +
          "completion at the save, and nothing for Continue); the frame stays, so the user sees Dots' Continue " +
          'button and then its completion screen.\n' +
          usage,
      },
    },
  },
} satisfies Meta<typeof ManagePayouts>;

export default meta;
type Story = StoryObj<typeof meta>;

const FRAME_TITLE = 'Payout methods';
const saveStatus = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[data-dots-manage-payouts]')?.getAttribute('data-save-status');

/** Embedded in settings: saves keep the user on the step; the host renders its own "Done" button. */
export const ContinueHidden: Story = {
  args: {
    renderActions: ({ saves }) => (
      <button type="button" disabled={saves === 0}>
        Done
      </button>
    ),
  },
  play: async ({ canvas, canvasElement, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    // The host's actions appear once the frame has its height, so they never jump down under it.
    expect(await canvas.findByRole('button', { name: 'Done' })).toBeDisabled();

    await press(frame, 'Save');
    await waitFor(() =>
      expect(args.onSave).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'completed-saved' })),
    );
    await choosePayoutMethod(frame, /Venmo/);
    await press(frame, 'Save');
    await waitFor(() => expect(args.onSave).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'completed' })));

    expect(args.onSave).toHaveBeenCalledTimes(2);
    expect(canvas.getByRole('status')).toHaveTextContent('Payout method updated');
    expect(canvas.getByRole('button', { name: 'Done' })).toBeEnabled();
    // Still on the step: the frame stays and nothing finished.
    expect(canvas.getByTitle(FRAME_TITLE)).toBe(frame);
    expect(await (await flowPage(frame)).findByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(saveStatus(canvasElement)).toBe('completed');
    expect(args.onDone).not.toHaveBeenCalled();
  },
};

/** Saved without changing anything: `completed-saved`, shown as "No changes". */
export const SavedWithoutChanges: Story = {
  play: async ({ canvas, canvasElement, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    await press(frame, 'Save');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('No changes to your payout method'));
    expect(args.onSave).toHaveBeenCalledOnce();
    expect(args.onSave).toHaveBeenCalledWith(expect.objectContaining({ status: 'completed-saved' }));
    expect(saveStatus(canvasElement)).toBe('completed-saved');
  },
};

/** Saved with a new default method: `completed`, shown as "Payout method updated". */
export const SavedWithChanges: Story = {
  play: async ({ canvas, canvasElement, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    await choosePayoutMethod(frame, /PayPal/);
    await press(frame, 'Save');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Payout method updated'));
    expect(args.onSave).toHaveBeenCalledOnce();
    expect(args.onSave).toHaveBeenCalledWith(expect.objectContaining({ status: 'completed' }));
    expect(saveStatus(canvasElement)).toBe('completed');
  },
};

/**
 * With Dots' Continue button: the first save completes the step and calls `onDone`; the frame stays, so the user
 * sees Dots' Continue button, and Continue (which posts nothing) shows Dots' completion screen.
 */
export const ContinueShown: Story = {
  args: {
    hideContinueButton: false,
    renderActions: ({ done }) => (done ? <a href="#settings">Back to settings</a> : null),
  },
  play: async ({ canvas, canvasElement, args }) => {
    const frame = await canvas.findByTitle<HTMLIFrameElement>(FRAME_TITLE);
    await press(frame, 'Save');
    await waitFor(() => expect(args.onDone).toHaveBeenCalledOnce());
    expect(args.onSave).toHaveBeenCalledOnce();
    expect(args.onSave).toHaveBeenCalledWith(expect.objectContaining({ status: 'completed-saved' }));
    expect(canvasElement.querySelector('[data-dots-manage-payouts]')?.getAttribute('data-state')).toBe('done');
    expect(canvas.getByRole('link', { name: 'Back to settings' })).toBeInTheDocument();

    // The Continue button the README promises is there, in the same frame.
    expect(canvas.getByTitle(FRAME_TITLE)).toBe(frame);
    await press(frame, 'Continue');
    expect(await (await flowPage(frame)).findByRole('heading', { name: 'All done' })).toBeInTheDocument();
    expect(canvas.getByTitle(FRAME_TITLE)).toBe(frame);
    expect(args.onDone).toHaveBeenCalledOnce();
    expect(args.onSave).toHaveBeenCalledOnce();
  },
};
