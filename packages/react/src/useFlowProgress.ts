'use client';
import { useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import { DotsFlowError, type FlowSession, type FlowSessionState } from '@dots-flow/core';
import { FlowSessionContext } from './FlowSessionContext.js';

export type FlowProgressState = Pick<
  FlowSessionState,
  'status' | 'steps' | 'completedSteps' | 'currentStep' | 'progress'
>;

const selectProgress = (state: FlowSessionState): FlowProgressState => ({
  status: state.status,
  steps: state.steps,
  completedSteps: state.completedSteps,
  currentStep: state.currentStep,
  progress: state.progress,
});

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Reads the nearest flow's progress. The component re-renders only when the selected value changes
 * (shallowly), so height updates never re-render a progress bar.
 *
 * @example
 * const percent = useFlowProgress((s) => Math.round(s.progress * 100))
 */
export function useFlowProgress(): FlowProgressState;
export function useFlowProgress<T>(selector: (state: FlowSessionState) => T, session?: FlowSession): T;
export function useFlowProgress<T>(selector?: (state: FlowSessionState) => T, session?: FlowSession): T {
  const fromContext = useContext(FlowSessionContext);
  const source = session ?? fromContext;
  if (!source) {
    throw new DotsFlowError(
      'missing_provider',
      process.env.NODE_ENV !== 'production'
        ? 'useFlowProgress found no flow. Use it inside <DotsFlow>, or pass the `session` returned by useDotsFlow().'
        : '',
    );
  }
  const select = (selector ?? selectProgress) as (state: FlowSessionState) => T;
  const last = useRef<{ state: FlowSessionState; value: T } | null>(null);
  const getSelection = useCallback(() => {
    const state = source.getSnapshot();
    const prev = last.current;
    if (prev && prev.state === state) return prev.value;
    const value = select(state);
    if (prev && shallowEqual(prev.value, value)) {
      last.current = { state, value: prev.value };
      return prev.value;
    }
    last.current = { state, value };
    return value;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the selector may be inline; the latest is used per read
  }, [source, selector]);
  return useSyncExternalStore(source.subscribe, getSelection, getSelection);
}
