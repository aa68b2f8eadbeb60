'use client';
import { useState, type CSSProperties, type ReactNode } from 'react';
import type { FlowMetadata, FlowSessionStatus, StepInput, StepStatus } from '@dots-flow/core';
import type { DotsFlowBaseProps } from './DotsFlow.js';
import { useDotsFlow, DEFAULT_MIN_HEIGHT } from './useDotsFlow.js';
import { FlowSessionContext } from './FlowSessionContext.js';
import { FlowView } from './FlowView.js';
import { themeVars } from './themeVars.js';

export interface SaveEvent {
  /** `completed`: the payout settings changed; `completed-saved`: saved without changes. */
  status: StepStatus;
  flowId: string;
}

/** What `renderActions` gets, to render the host's own buttons next to the widget. */
export interface ManagePayoutsActionProps {
  status: FlowSessionStatus;
  /** The last save's status, or `null` before the first save. */
  lastSave: StepStatus | null;
  /** Saves so far in this flow. */
  saves: number;
  /** The step is complete: saved once with the Continue button shown (Dots posts nothing for Continue). */
  done: boolean;
  retry: () => void;
}

/** Texts of the widget, for translation. */
export interface ManagePayoutsMessages {
  updated?: string;
  unchanged?: string;
}

export interface ManagePayoutsProps extends DotsFlowBaseProps {
  /** Extra metadata for the flow; your backend may add to it. */
  metadata?: FlowMetadata;
  /**
   * `true` (default, the embedded case): the user stays on the step and every save calls `onSave`.
   * `false`: after a save Dots shows its Continue button, then its own completion screen, in the frame.
   * Either way the frame stays: Dots tells the host about saves, never about Continue.
   */
  hideContinueButton?: boolean;
  /** Each save of the payout settings. */
  onSave?: (event: SaveEvent) => void;
  /**
   * With the Continue button shown: the step completed, at the first save (Dots posts the completion then;
   * pressing Continue posts nothing). Called once per flow; never with the Continue button hidden.
   */
  onDone?: (event: { flowId: string }) => void;
  /** The host's own actions (Back, Done…), rendered under the frame once it has its height or has failed. */
  renderActions?: (props: ManagePayoutsActionProps) => ReactNode;
  messages?: ManagePayoutsMessages;
}

const STICKY: readonly StepInput[] = [{ name: 'manage-payouts', hide_continue_button: true }];
const WITH_CONTINUE: readonly StepInput[] = ['manage-payouts'];

function badge(changed: boolean): CSSProperties {
  return {
    display: 'inline-grid',
    placeItems: 'center',
    boxSizing: 'border-box',
    width: 20,
    height: 20,
    borderRadius: '50%',
    fontSize: 12,
    lineHeight: 1,
    ...(changed
      ? { background: themeVars.success, color: themeVars.accentFg }
      : { border: `1px solid ${themeVars.border}` }),
  };
}

/**
 * The manage-payouts step as a widget for account settings: a thin wrapper over `useDotsFlow`.
 *
 * @example
 * <ManagePayouts
 *   onSave={({ status }) => toast(status === 'completed' ? 'Payout method updated' : 'No changes')}
 *   renderActions={() => <button onClick={close}>Done</button>}
 * />
 */
export function ManagePayouts(props: ManagePayoutsProps) {
  const {
    hideContinueButton = true,
    onSave,
    onDone,
    renderActions,
    messages,
    metadata,
    onReady,
    onHeightChange,
    onStepComplete,
    onComplete,
    onError,
    frameTimeoutMs,
    title = 'Payout methods',
    appearance,
    minHeight = DEFAULT_MIN_HEIGHT,
    loadingFallback,
    errorFallback,
    children,
    style,
    ...rest
  } = props;
  const [save, setSave] = useState<{ flowId: string; status: StepStatus; count: number } | null>(null);
  const flow = useDotsFlow({
    steps: hideContinueButton ? STICKY : WITH_CONTINUE,
    metadata,
    onReady,
    onHeightChange,
    onError,
    frameTimeoutMs,
    title,
    appearance,
    minHeight,
    onStepComplete(event) {
      if (event.step === 'manage-payouts') {
        setSave((last) => ({
          flowId: event.flowId,
          status: event.status,
          count: last?.flowId === event.flowId ? last.count + 1 : 1,
        }));
        onSave?.({ status: event.status, flowId: event.flowId });
      }
      onStepComplete?.(event);
    },
    onComplete(event) {
      onComplete?.(event);
      // A sticky step never completes the flow; this guards the promise that onDone means "finished".
      if (!hideContinueButton) onDone?.(event);
    },
  });
  // Saves belong to the flow they were made in: a retry or a toggle starts afresh.
  const current = save && save.flowId === flow.flow?.id ? save : null;
  const done = !hideContinueButton && flow.status === 'complete';
  const text = current
    ? current.status === 'completed'
      ? (messages?.updated ?? 'Payout method updated')
      : (messages?.unchanged ?? 'No changes to your payout method')
    : null;
  // The host's actions appear once the frame has its height (or has failed): under a frame still growing from its
  // reserved height they would jump down, a layout shift the person did not cause.
  const settled = flow.status !== 'creating' && flow.status !== 'loading';
  const actions =
    settled &&
    renderActions?.({
      status: flow.status,
      lastSave: current?.status ?? null,
      saves: current?.count ?? 0,
      done,
      retry: flow.retry,
    });

  return (
    <FlowSessionContext.Provider value={flow.session}>
      <div
        {...rest}
        data-dots-manage-payouts=""
        data-status={flow.status}
        data-state={done ? 'done' : current ? 'saved' : 'editing'}
        data-save-status={current?.status}
        style={{ display: 'grid', gap: themeVars.gap, ...flow.appearance?.style, ...style }}
      >
        {children}
        {/* Never swapped out, also once done: Dots' Continue button and completion screen are in the frame. */}
        <FlowView flow={flow} minHeight={minHeight} loadingFallback={loadingFallback} errorFallback={errorFallback} />
        <div
          data-dots-manage-payouts-footer=""
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: themeVars.gap,
          }}
        >
          {/* Always mounted, so screen readers announce each save; the key re-announces a repeated message. */}
          <p role="status" style={{ margin: 0 }}>
            {text ? (
              <span key={current?.count} style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                <span aria-hidden="true" style={badge(current?.status === 'completed')}>
                  {current?.status === 'completed' ? '✓' : '–'}
                </span>
                {text}
              </span>
            ) : null}
          </p>
          {actions}
        </div>
      </div>
    </FlowSessionContext.Provider>
  );
}
