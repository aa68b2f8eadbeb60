// Real layout in Chromium: the stepper is as tall before the flow's steps are known as after, so the frame
// below it does not move when they arrive (a layout shift the example's sign-up measured at ~36 px).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'vitest-browser-react';
import { FlowProgress, type FlowProgressValue } from './index.js';

afterEach(() => cleanup());

const pending: FlowProgressValue = { steps: [], completedSteps: [], currentStep: null, progress: 0 };
const known: FlowProgressValue = {
  steps: ['onboarding', 'compliance'],
  completedSteps: [],
  currentStep: 'onboarding',
  progress: 0,
};

async function heightOf(value: FlowProgressValue, font: string) {
  const screen = await render(
    <div style={{ font, width: 360 }}>
      <FlowProgress progress={value} />
    </div>,
  );
  const box = screen.container.querySelector('[data-dots-flow-progress]')!.getBoundingClientRect().height;
  await cleanup();
  return box;
}

describe('FlowProgress layout', () => {
  it.each(['16px/1.5 sans-serif', '14px/1.2 serif', '20px/1.8 sans-serif'])(
    'keeps its height when the steps arrive (%s)',
    async (font) => {
      const before = await heightOf(pending, font);
      const after = await heightOf(known, font);
      expect(before).toBeGreaterThan(30);
      expect(before).toBe(after);
    },
  );

  it('reserves the row without announcing an empty list', async () => {
    const screen = await render(<FlowProgress progress={pending} />);
    expect(screen.container.querySelector('ol')).toBeNull();
    expect(screen.container.querySelector('[data-dots-flow-progress-pending]')).toHaveAttribute('aria-hidden', 'true');
  });
});
