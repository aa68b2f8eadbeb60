import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { createFlowSession, type FlowStepName } from '@dots-flow/core';
import { DotsFlow } from './DotsFlow.js';
import { FlowProgress, type FlowProgressValue } from './FlowProgress.js';
import { FRAME_ORIGIN, makeFlow } from './test/backend.js';
import { setupMswBackend, wrapper } from './test/setup.js';

setupMswBackend();

function post(data: unknown) {
  const source = document.querySelector('iframe')!.contentWindow;
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin: FRAME_ORIGIN, source }));
  });
}

const items = () => within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
const states = () => items().map((li) => [li.dataset.step, li.dataset.state, li.getAttribute('aria-current')]);

const value = (overrides: Partial<FlowProgressValue> = {}): FlowProgressValue => ({
  steps: ['onboarding', 'compliance', 'payout'],
  completedSteps: [{ step: 'onboarding', status: 'completed' }],
  currentStep: 'compliance',
  progress: 1 / 3,
  ...overrides,
});

describe('FlowProgress', () => {
  it('renders an ordered list with done / current / upcoming steps and the percentage', () => {
    render(<FlowProgress progress={value()} className="mine" />);
    expect(screen.getByRole('list', { name: 'Steps' }).tagName).toBe('OL');
    expect(states()).toEqual([
      ['onboarding', 'done', null],
      ['compliance', 'current', 'step'],
      ['payout', 'upcoming', null],
    ]);
    expect(items().map((li) => li.textContent)).toEqual(['✓Verify phone (done)', '2Tax information', '3Withdraw']);
    const bar = screen.getByRole('progressbar', { name: 'Flow progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '33');
    expect(screen.getByText('33%')).toHaveAttribute('aria-hidden', 'true');
    expect(bar.closest('[data-dots-flow-progress]')).toHaveClass('mine');
  });

  it('marks a sticky step both current and completed, and a finished flow all done', () => {
    const sticky = value({
      steps: ['manage-payouts'],
      completedSteps: [{ step: 'manage-payouts', status: 'completed-saved' }],
      currentStep: 'manage-payouts',
      progress: 1,
    });
    const { rerender } = render(<FlowProgress progress={sticky} />);
    expect(states()).toEqual([['manage-payouts', 'current', 'step']]);
    expect(items()[0]).toHaveAttribute('data-completed');
    rerender(
      <FlowProgress
        progress={value({
          status: 'complete',
          currentStep: null,
          progress: 1,
          completedSteps: (['onboarding', 'compliance', 'payout'] as const).map((step) => ({
            step,
            status: 'completed' as const,
          })),
        })}
      />,
    );
    expect(states().map(([, state]) => state)).toEqual(['done', 'done', 'done']);
    expect(screen.queryByRole('listitem', { current: 'step' })).toBeNull();
    expect(screen.getByText('100%')).toBeInTheDocument();
  });

  it('takes label, message and percent overrides (i18n)', () => {
    render(
      <FlowProgress
        progress={value()}
        labels={{ compliance: 'Datos fiscales', onboarding: 'Verificar teléfono' }}
        messages={{ progress: 'Progreso', steps: 'Pasos', done: '(hecho)' }}
        formatPercent={(p) => `${(p * 100).toFixed(1)} %`}
      />,
    );
    expect(screen.getByRole('progressbar', { name: 'Progreso' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Pasos' })).getByText('Datos fiscales')).toBeInTheDocument();
    expect(screen.getByText('(hecho)')).toBeInTheDocument();
    expect(screen.getByText('Withdraw')).toBeInTheDocument();
    expect(screen.getByText('33.3 %')).toBeInTheDocument();
  });

  it('survives malformed values: unknown names, duplicates, NaN and out-of-range progress', () => {
    const hostile = {
      steps: ['kyc-v2', '__proto__', 'payout', 'payout'] as unknown as FlowStepName[],
      completedSteps: [null, { step: 'payout', status: 'completed' }] as unknown as FlowProgressValue['completedSteps'],
      currentStep: 'nope' as FlowStepName,
      progress: Number.NaN,
    };
    const { rerender } = render(<FlowProgress progress={hostile} />);
    expect(items().map((li) => li.textContent)).toEqual([
      '1kyc-v2',
      '2__proto__',
      '✓Withdraw (done)',
      '✓Withdraw (done)',
    ]);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    rerender(<FlowProgress progress={{ ...hostile, progress: 7 }} />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    rerender(<FlowProgress progress={{ ...hostile, steps: 'payout' as never, completedSteps: {} as never }} />);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('follows the surrounding DotsFlow and advances when the frame completes a step', async () => {
    render(
      <DotsFlow steps={['compliance']}>
        <FlowProgress />
      </DotsFlow>,
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0'));
    await waitFor(() => expect(states()).toHaveLength(2));
    expect(states()[0]).toEqual(['onboarding', 'current', 'step']);
    post({ step: 'onboarding', status: 'completed' });
    expect(states()).toEqual([
      ['onboarding', 'done', null],
      ['compliance', 'current', 'step'],
    ]);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    post({ step: 'compliance', status: 'completed' });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByRole('progressbar').closest('[data-dots-flow-progress]')).toHaveAttribute(
      'data-status',
      'complete',
    );
  });

  it('follows a session passed in, and throws a fix-it error with neither flow nor values', () => {
    const session = createFlowSession({ steps: ['payout'], trustedOrigins: [FRAME_ORIGIN] });
    render(<FlowProgress session={session} />);
    expect(screen.queryByRole('list')).toBeNull();
    act(() => session.flowCreated(makeFlow('flow_s', ['payout'], { user_id: 'user_1' })));
    expect(states()).toEqual([['payout', 'current', 'step']]);
    const error = console.error;
    console.error = () => {};
    try {
      expect(() => render(<FlowProgress />)).toThrow(/inside <DotsFlow>/);
    } finally {
      console.error = error;
    }
  });
});
