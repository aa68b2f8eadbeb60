import { isServer, type QueryClient } from '@tanstack/react-query';
import { createFlowSessionReducer, isStepName, parseFlow, type Flow, type StepInput } from '@dots-flow/core';
import { endpointFlowSource, type CreateFlowFn, type FlowRequest } from './flowSource.js';

/**
 * How long a created flow may be reused by a later mount. Dots expires links created for a known user after
 * 15 minutes; staying well under that means an expired link is never shown.
 */
export const FLOW_REUSE_MS = 10 * 60_000;

export type FlowQueryKey = readonly ['dots-flow', string, FlowRequest];

/**
 * The canonical form of a request: equal content gives an equal key, whatever the object identities.
 * It does not validate: steps that are not Dots steps are left as they are, for the flow session (or
 * `prefetchFlow`) to reject with `invalid_request`.
 */
export function normalizeRequest(steps: readonly StepInput[], metadata?: Record<string, string>): FlowRequest {
  const normalized: StepInput[] = Array.isArray(steps)
    ? steps.map((step: StepInput): StepInput => {
        const name = typeof step === 'string' ? step : step?.name;
        if (typeof step === 'string' || !isStepName(name)) return name;
        const out: { name: typeof name; hide_continue_button?: boolean; redirect_url?: string } = { name };
        if (step.hide_continue_button !== undefined) out.hide_continue_button = step.hide_continue_button === true;
        if (step.redirect_url !== undefined) out.redirect_url = String(step.redirect_url);
        return Object.keys(out).length === 1 ? name : out;
      })
    : (steps as StepInput[]);
  return metadata === undefined ? { steps: normalized } : { steps: normalized, metadata: { ...metadata } };
}

/** Which source and which signed-in user a cached flow belongs to. */
export function flowSourceKey(flowEndpoint: string | undefined, userKey: string | undefined): string {
  return `${flowEndpoint ?? 'createFlow'}|${userKey ?? ''}`;
}

export function flowQueryKey(sourceKey: string, request: FlowRequest): FlowQueryKey {
  return ['dots-flow', sourceKey, request];
}

// The abort controller of each query's running creation. Creation is aborted only when no mounted flow
// observes the query any more: TanStack Query would cancel as soon as its last observer leaves, which
// under StrictMode's unmount/remount would create every flow twice.
const controllers = new WeakMap<object, AbortController>();

/** Query options shared by the mounted flow and `prefetchFlow`, so a prefetched flow is reused. */
export function flowQueryOptions(client: QueryClient, key: FlowQueryKey, createFlow: CreateFlowFn) {
  return {
    queryKey: key,
    queryFn: async (): Promise<Flow> => {
      const controller = new AbortController();
      const query = client.getQueryCache().find({ queryKey: key });
      if (query) controllers.set(query, controller);
      return parseFlow(await createFlow(key[2], { signal: controller.signal }));
    },
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

/** Called when a mounted flow lets go of its query: aborts the creation once nobody observes it. */
export function releaseFlowCreation(client: QueryClient, key: FlowQueryKey): void {
  // A StrictMode remount observes again within the same task; only a real unmount gets past this timer.
  setTimeout(() => {
    const cache = client.getQueryCache();
    const query = cache.find({ queryKey: key });
    if (query && query.getObserversCount() === 0 && query.state.fetchStatus === 'fetching') {
      controllers.get(query)?.abort();
      cache.remove(query);
    }
  });
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
    metadata?: Record<string, string>;
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
  return queryClient.prefetchQuery(flowQueryOptions(queryClient, key, source));
}
