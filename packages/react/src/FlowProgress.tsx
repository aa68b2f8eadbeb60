'use client';
import type { CSSProperties, HTMLAttributes } from 'react';
import type { CompletedStep, FlowSession, FlowSessionState, FlowSessionStatus, FlowStepName } from '@dots-flow/core';
import { useFlowProgress } from './useFlowProgress.js';
import { stepLabel, type StepLabels } from './stepLabels.js';
import { themeVars, visuallyHidden } from './themeVars.js';

/** What a stepper shows: `useFlowProgress()`, a `useDotsFlow()` result, or your own values. */
export interface FlowProgressValue {
  steps: readonly FlowStepName[];
  completedSteps: readonly CompletedStep[];
  currentStep: FlowStepName | null;
  /** 0..1 */
  progress: number;
  status?: FlowSessionStatus;
}

/** Texts besides the step labels, for translation. */
export interface FlowProgressMessages {
  /** Accessible name of the progress bar. Default `'Flow progress'`. */
  progress?: string;
  /** Accessible name of the list of steps. Default `'Steps'`. */
  steps?: string;
  /** Read after a completed step's label. Default `'(done)'`. */
  done?: string;
}

export interface FlowProgressProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Show these values instead of the nearest flow's. */
  progress?: FlowProgressValue;
  /** Follow this session (from `useDotsFlow().session`) instead of the nearest `DotsFlow`'s. */
  session?: FlowSession;
  /** Step label overrides, e.g. translations. */
  labels?: StepLabels;
  messages?: FlowProgressMessages;
  /** Default: `Math.round(progress * 100) + '%'`. */
  formatPercent?: (progress: number) => string;
}

export type FlowProgressStepState = 'done' | 'current' | 'upcoming';

const pickProgress = (state: FlowSessionState): FlowProgressValue => ({
  status: state.status,
  steps: state.steps,
  completedSteps: state.completedSteps,
  currentStep: state.currentStep,
  progress: state.progress,
});

const defaultPercent = (progress: number) => `${Math.round(progress * 100)}%`;

/**
 * An accessible stepper over a flow's progress: an ordered list with `aria-current="step"` on the
 * current step, done / current / upcoming states (`data-state`) and the percentage. Inside a
 * `DotsFlow` it follows that flow; elsewhere pass `progress` or `session`.
 *
 * @example
 * <DotsFlow steps={['compliance', 'payout']}><FlowProgress /></DotsFlow>
 */
export function FlowProgress(props: FlowProgressProps) {
  return props.progress ? <FlowProgressView {...props} progress={props.progress} /> : <LiveFlowProgress {...props} />;
}

function LiveFlowProgress(props: FlowProgressProps) {
  const progress = useFlowProgress(pickProgress, props.session);
  return <FlowProgressView {...props} progress={progress} />;
}

const list: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '8px 20px',
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

function marker(state: FlowProgressStepState, completed: boolean): CSSProperties {
  return {
    display: 'inline-grid',
    placeItems: 'center',
    flex: 'none',
    boxSizing: 'border-box',
    width: 24,
    height: 24,
    borderRadius: '50%',
    fontSize: 12,
    lineHeight: 1,
    fontWeight: 600,
    ...(completed
      ? { background: themeVars.accent, color: themeVars.accentFg }
      : {
          border: `${state === 'current' ? 2 : 1}px solid ${state === 'current' ? themeVars.accent : themeVars.border}`,
        }),
    // A sticky step is done and still current: ring it.
    ...(state === 'current' && completed ? { outline: `2px solid ${themeVars.accent}`, outlineOffset: 2 } : null),
  };
}

function FlowProgressView({
  progress: value,
  session: _session,
  labels,
  messages,
  formatPercent = defaultPercent,
  style,
  ...rest
}: FlowProgressProps & { progress: FlowProgressValue }) {
  // Values may come from anywhere (a server's flow, a cache): read them defensively.
  const steps = Array.isArray(value.steps) ? value.steps : [];
  const completed = Array.isArray(value.completedSteps) ? value.completedSteps : [];
  const done = new Set<unknown>(completed.map((entry) => entry?.step));
  const ratio = Number.isFinite(value.progress) ? Math.min(1, Math.max(0, value.progress)) : 0;
  const percent = Math.round(ratio * 100);

  return (
    <div
      {...rest}
      data-dots-flow-progress=""
      data-status={value.status}
      style={{ display: 'grid', gap: themeVars.gap, ...style }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: themeVars.gap }}>
        <div
          role="progressbar"
          aria-label={messages?.progress ?? 'Flow progress'}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          style={{ flex: 1, height: 6, borderRadius: 3, background: themeVars.muted, overflow: 'hidden' }}
        >
          <div style={{ width: `${percent}%`, height: '100%', background: themeVars.accent, borderRadius: 3 }} />
        </div>
        <span data-dots-flow-progress-percent="" aria-hidden="true" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatPercent(ratio)}
        </span>
      </div>
      {steps.length > 0 ? (
        <ol aria-label={messages?.steps ?? 'Steps'} style={list}>
          {steps.map((step, index) => {
            const isDone = done.has(step);
            const state: FlowProgressStepState = step === value.currentStep ? 'current' : isDone ? 'done' : 'upcoming';
            return (
              <li
                key={`${index}-${step}`}
                data-step={step}
                data-state={state}
                data-completed={isDone ? '' : undefined}
                aria-current={state === 'current' ? 'step' : undefined}
                style={{
                  position: 'relative',
                  display: 'flex',
                  alignItems: 'center',
                  gap: 8,
                  fontWeight: state === 'current' ? 600 : 400,
                }}
              >
                <span aria-hidden="true" style={marker(state, isDone)}>
                  {isDone ? '✓' : index + 1}
                </span>
                <span>{stepLabel(step, labels)}</span>
                {isDone ? <span style={visuallyHidden}> {messages?.done ?? '(done)'}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        // Until the flow is created its steps are unknown; a row as tall as a step's keeps the frame below in place.
        <div aria-hidden="true" data-dots-flow-progress-pending="" style={{ display: 'flex', alignItems: 'center' }}>
          <span style={{ height: 24 }} />
          {'\u00a0'}
        </div>
      )}
    </div>
  );
}
