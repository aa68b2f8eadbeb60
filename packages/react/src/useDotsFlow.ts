'use client';
import { useEffect, useInsertionEffect, useMemo, useSyncExternalStore } from 'react';
import { hashKey } from '@tanstack/react-query';
import { useDotsConfig } from './useDotsConfig.js';
import { createQueryFlowController } from './queryFlowController.js';
import type { FlowFrameProps, UseDotsFlowOptions, UseDotsFlowResult } from './useDotsFlowTypes.js';

export type { StepCompleteEvent } from '@dots-flow/core';
export type {
  FlowFrameProps,
  FlowFromBackend,
  FlowFromSteps,
  FlowSource,
  FlowViewOptions,
  UseDotsFlowOptions,
  UseDotsFlowResult,
} from './useDotsFlowTypes.js';
export const DEFAULT_MIN_HEIGHT = 320;

/**
 * Everything `DotsFlow` does, without its markup: a core flow controller, created once per request and read
 * with `useSyncExternalStore`; its creations go through TanStack Query.
 *
 * @example
 * const flow = useDotsFlow({ steps: ['payout'], onComplete: () => navigate('/done') })
 * // or, for a flow your backend created (a Payout Link's): useDotsFlow({ flow: loaderData.flow })
 * return flow.frameProps ? <iframe {...flow.frameProps} /> : <Spinner />
 */
export function useDotsFlow(options: UseDotsFlowOptions): UseDotsFlowResult {
  const { steps, metadata, flow: given, minHeight = DEFAULT_MIN_HEIGHT } = options;
  const config = useDotsConfig();
  // Equal content gives the same memo, so new-but-equal `steps` arrays (or flow objects) never create another
  // flow. A new request, given flow, source, user or environment is a new flow, so it gets a fresh controller:
  // the provider makes a new `createFlow` exactly then, and not for a new `appearance`.
  const requestHash = hashKey([steps, metadata, given]);
  const [controller, retry] = useMemo(
    () => createQueryFlowController(config, options),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content
    [requestHash, config.createFlow],
  );
  // Callbacks are read when an event happens, so they are always the latest props without reconnecting.
  useInsertionEffect(() => controller.setCallbacks(options));
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  // The window's messages, the frame timer and the creation; a StrictMode remount reconnects within one task.
  useEffect(() => controller.connect(window), [controller]);

  const { flow, height } = state;
  // The flow's own look wins over the provider's.
  const appearance = options.appearance ?? config.appearance;
  // A session has a flow from `loading` on; an error (even a frame timeout) takes the frame away. Before the first
  // height message `height` is null, which Math.max reads as 0: the frame takes minHeight.
  const frameProps: FlowFrameProps | null =
    flow && !state.error
      ? {
          // The element itself: its window is read only when a message arrives (see core's `setFrame`).
          ref: controller.setFrame,
          src: flow.link,
          title: options.title ?? 'Dots payout flow',
          allow: state.steps.includes('id-verification') ? 'camera' : undefined,
          style: { display: 'block', width: '100%', border: 0, height: Math.max(height as number, minHeight) },
        }
      : null;

  return {
    ...state,
    retry,
    // A frame exists only for a link that passed its origin check; the styles never change its origin.
    frameProps: appearance && frameProps ? appearance.frame(frameProps) : frameProps,
    session: controller.session,
    appearance,
  };
}
