import { isServer, type QueryClient } from '@tanstack/react-query';
import { createFlowSessionReducer, type FlowMetadata, type StepInput } from '@dots-flow/core';
import { endpointFlowSource, type CreateFlowFn, type FlowRequest } from './flowSource.js';

/**
 * How long a created flow may be reused by a later mount. Dots expires links created for a known user after
 * 15 minutes; staying well under that means an expired link is never shown.
 */
export const FLOW_REUSE_MS = 10 * 60_000;

export type FlowQueryKey = readonly ['dots-flow', string, FlowRequest];

/**
 * The request as sent and as keyed: a step given as `{ name }` alone is its bare name, so `'payout'` and
 * `{ name: 'payout' }` share one flow (content equality beyond that is the query key hash's). It does not
 * validate: steps that are not Dots steps are left as they are, for the flow session (or `prefetchFlow`) to
 * reject with `invalid_request`, and step options go to the backend as given, for Dots to accept or reject.
 */
export function normalizeRequest(steps: readonly StepInput[], metadata?: FlowMetadata): FlowRequest {
  return {
    steps: Array.isArray(steps)
      ? steps.map((step: StepInput) =>
          typeof step === 'object' && step !== null && Object.keys(step).length === 1 ? (step.name as StepInput) : step,
        )
      : (steps as StepInput[]),
    metadata,
  };
}

/** Which source and which signed-in user a cached flow belongs to. */
export function flowSourceKey(flowEndpoint: string | undefined, userKey: string | undefined): string {
  return `${flowEndpoint ?? 'createFlow'}|${userKey ?? ''}`;
}

export function flowQueryKey(sourceKey: string, request: FlowRequest): FlowQueryKey {
  return ['dots-flow', sourceKey, request];
}

/**
 * Query options shared by the mounted flow and `prefetchFlow`, so a prefetched flow is reused. The creation
 * uses the query's own signal, so TanStack Query aborts it when the last observer leaves (a mounted flow lets
 * go of its observer a task late, so a StrictMode remount never gets that far).
 */
export function flowQueryOptions(key: FlowQueryKey, createFlow: CreateFlowFn) {
  return {
    queryKey: key,
    // The answer is checked where it is used (the flow controller), once.
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<unknown> => createFlow(key[2], { signal }),
    staleTime: FLOW_REUSE_MS,
    // On a server a render must leave no timer behind (flows are only ever created in the browser).
    gcTime: isServer ? Infinity : FLOW_REUSE_MS,
    // Creating a flow is not idempotent: never repeat it behind the user's back.
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    networkMode: 'always' as const,
  };
}

/**
 * Starts creating a flow before anything mounts (route loader, hover); a `DotsFlow` with the same request and
 * source then reuses it.
 *
 * @example
 * await prefetchFlow(queryClient, { flowEndpoint: '/api/dots/flows', steps: ['payout'] })
 */
export async function prefetchFlow(
  queryClient: QueryClient,
  request: {
    steps: readonly StepInput[];
    metadata?: FlowMetadata;
    /** The same `userKey` as the DotsProvider's, if it has one. */
    userKey?: string;
  } & ({ flowEndpoint: string; createFlow?: never } | { createFlow: CreateFlowFn; flowEndpoint?: never }),
): Promise<void> {
  const { flowEndpoint, createFlow, userKey, steps, metadata } = request;
  const source = createFlow ?? endpointFlowSource(flowEndpoint);
  const normalized = normalizeRequest(steps, metadata);
  // Rejects what a mounted flow would reject, before anything is sent.
  createFlowSessionReducer(normalized);
  const key = flowQueryKey(flowSourceKey(flowEndpoint, userKey), normalized);
  return queryClient.prefetchQuery(flowQueryOptions(key, source));
}
