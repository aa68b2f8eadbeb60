import { QueryObserver } from '@tanstack/react-query';
import { createFlowController, parseFlow, type FlowController, type StepInput } from '@dots-flow/core';
import type { DotsConfig } from './DotsProvider.js';
import { flowQueryKey, flowQueryOptions, normalizeRequest } from './flowQuery.js';
import type { FlowSource } from './useDotsFlowTypes.js';

/**
 * The controller of one mounted flow, with its retry. Its `setFrame` is the iframe's ref (React calls it with
 * null when the frame goes). Creating it has no side effects (it
 * runs during render); `connect` starts it.
 *
 * Its creations go through TanStack Query, so mounts and `prefetchFlow` share, dedupe and reuse them (a cached
 * flow older than FLOW_REUSE_MS is re-created, never shown). An observer keeps the query observed until the
 * controller lets go, one task late: a StrictMode remount observes again within that task, so only a real unmount
 * leaves the query unobserved, which aborts the creation.
 * A `flow` the backend already created skips all that: it is its own creation, with the same checks (parsed, its
 * link on a trusted origin) and the same session; a retry frames it again.
 */
export function createQueryFlowController(
  { queryClient, sourceKey, createFlow, trustedOrigins }: DotsConfig,
  { steps, metadata, flow }: FlowSource,
) {
  const request = normalizeRequest(steps!, metadata);
  const options = flowQueryOptions(flowQueryKey(sourceKey, request), createFlow);
  const make = (stepsOf: readonly StepInput[], create: (signal: AbortSignal) => Promise<unknown>) =>
    createFlowController({ steps: stepsOf, trustedOrigins, create });
  let controller: FlowController;
  try {
    controller = make(
      // A given flow's steps are its requested step names (parseFlow throws invalid_response for a malformed one).
      flow ? (parseFlow(flow).steps as StepInput[]) : request.steps,
      flow
        ? async () => flow
        : (signal) => {
            const unsubscribe = new QueryObserver(queryClient, options).subscribe(() => {});
            signal.addEventListener('abort', () => setTimeout(unsubscribe));
            // Joins the observer's fetch, or answers from the cache while the flow is fresh.
            return queryClient.fetchQuery(options);
          },
    );
  } catch (error) {
    // An invalid request still gets a controller, only to carry its error to the UI and onError.
    controller = make(['compliance'], () => {
      throw error;
    });
  }
  const drop = () => queryClient.removeQueries({ queryKey: options.queryKey, exact: true });
  // A finished or failed flow is never handed to another mount.
  controller.onEvent(({ type }) => (type === 'complete' || type === 'error') && drop());
  return [
    controller,
    // The flow's query goes away first, so the next attempt creates afresh.
    () => (drop(), controller.retry()),
  ] as const;
}
