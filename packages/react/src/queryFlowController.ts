import { QueryObserver } from '@tanstack/react-query';
import {
  createFlowController,
  type Flow,
  type FlowController,
  type FlowMetadata,
  type StepInput,
} from '@dots-flow/core';
import type { DotsConfig } from './DotsProvider.js';
import { flowQueryKey, flowQueryOptions, normalizeRequest } from './flowQuery.js';

/**
 * The controller of one mounted flow, with its retry and its iframe ref. Creating it has no side effects (it
 * runs during render); `connect` starts it.
 *
 * Its creations go through TanStack Query, so mounts and `prefetchFlow` share, dedupe and reuse them (a cached
 * flow older than FLOW_REUSE_MS is re-created, never shown). An observer keeps the query observed until the
 * controller lets go, one task late: a StrictMode remount observes again within that task, so only a real unmount
 * leaves the query unobserved, which aborts the creation.
 */
export function createQueryFlowController(
  { queryClient, sourceKey, createFlow, trustedOrigins }: DotsConfig,
  steps: readonly StepInput[],
  metadata: FlowMetadata | undefined,
) {
  const request = normalizeRequest(steps, metadata);
  const options = flowQueryOptions(flowQueryKey(sourceKey, request), createFlow);
  let controller: FlowController;
  try {
    controller = createFlowController({
      steps: request.steps,
      trustedOrigins,
      create(signal): Promise<Flow> {
        const unsubscribe = new QueryObserver(queryClient, options).subscribe(() => {});
        signal.addEventListener('abort', () => setTimeout(unsubscribe));
        // Joins the observer's fetch, or answers from the cache while the flow is fresh.
        return queryClient.fetchQuery(options);
      },
    });
  } catch (error) {
    // An invalid request still gets a controller, only to carry its error to the UI and onError.
    controller = createFlowController({
      steps: ['compliance'],
      trustedOrigins,
      create() {
        throw error;
      },
    });
  }
  const drop = () => queryClient.removeQueries({ queryKey: options.queryKey, exact: true });
  // A finished or failed flow is never handed to another mount.
  controller.onEvent(({ type }) => (type === 'complete' || type === 'error') && drop());
  return [
    controller,
    // The flow's query goes away first, so the next attempt creates afresh.
    () => (drop(), controller.retry()),
    // No cleanup returned: React 18 warns about one. Both majors call the ref with null when the frame goes.
    (element: HTMLIFrameElement | null) => controller.setFrame(element?.contentWindow),
  ] as const;
}
