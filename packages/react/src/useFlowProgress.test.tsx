import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { DotsFlow } from './DotsFlow.js';
import { useFlowProgress } from './useFlowProgress.js';
import { FRAME_ORIGIN } from './test/backend.js';
import { setupMswBackend, wrapper } from './test/setup.js';

setupMswBackend();

function post(data: unknown) {
  const source = document.querySelector('iframe')!.contentWindow;
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin: FRAME_ORIGIN, source }));
  });
}

describe('useFlowProgress', () => {
  it('re-renders a progress-only subscriber for progress, never for 100 height messages', async () => {
    let renders = 0;
    function Progress() {
      renders += 1;
      const { steps, currentStep, progress, completedSteps } = useFlowProgress();
      return (
        <output aria-label="progress">
          {`${Math.round(progress * 100)}% ${currentStep} ${steps.length} ${completedSteps.length}`}
        </output>
      );
    }
    render(
      <DotsFlow steps={['compliance']}>
        <Progress />
      </DotsFlow>,
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(screen.getByLabelText('progress')).toHaveTextContent('0% onboarding 2 0'));
    post({ height: 300 });
    const before = renders;
    for (let h = 301; h <= 400; h += 1) post({ height: h });
    expect(renders).toBe(before);
    post({ step: 'onboarding', status: 'completed' });
    expect(screen.getByLabelText('progress')).toHaveTextContent('50% compliance 2 1');
    expect(renders).toBe(before + 1);
  });

  it('selects with a selector and throws a fix-it error outside a flow', () => {
    function Bare() {
      useFlowProgress((s) => s.progress);
      return null;
    }
    const error = console.error;
    console.error = () => {};
    try {
      expect(() => render(<Bare />)).toThrow(/inside <DotsFlow>/);
    } finally {
      console.error = error;
    }
  });
});
