import { hashKey, isServer, type QueryClient } from '@tanstack/react-query';
import { DotsFlowError, isStepName, parseFlow, type Flow, type StepInput } from '@dots-flow/core';
import { endpointFlowSource, type CreateFlowFn, type FlowRequest } from './flowSource.js';

/**
 * How long a created flow may be reused by a later mount. Dots expires links created for a known user after
 * 15 minutes; staying well under that means an expired link is never shown.
 */
export const FLOW_REUSE_MS = 10 * 60_000;

export type FlowQueryKey = readonly ['dots-flow', string, FlowRequest];

/** The canonical form of a request: equal content gives an equal key, whatever the object identities. */
export function normalizeRequest(steps: readonly StepInput[], metadata?: Record<string, string>): FlowRequest {
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new DotsFlowError(
      'invalid_request',
      process.env.NODE_ENV !== 'production' ? '`steps` must be a non-empty list, e.g. steps={["compliance"]}.' : '',
    );
  }
  const normalized = steps.map((step): StepInput => {
    const name = typeof step === 'string' ? step : step?.name;
    if (!isStepName(name)) {
      throw new DotsFlowError(
        'invalid_request',
        process.env.NODE_ENV !== 'production'
          ? `Unknown step ${JSON.stringify(name)}. Use one of the names in STEPS.`
          : '',
      );
    }
    if (typeof step === 'string') return name;
    const out: { name: typeof name; hide_continue_button?: boolean; redirect_url?: string } = { name };
    if (step.hide_continue_button !== undefined) out.hide_continue_button = step.hide_continue_button === true;
    if (step.redirect_url !== undefined) out.redirect_url = String(step.redirect_url);
    return Object.keys(out).length === 1 ? name : out;
  });
  return metadata === undefined ? { steps: normalized } : { steps: normalized, metadata: { ...metadata } };
}

/** Which source and which signed-in user a cached flow belongs to. */
export function flowSourceKey(flowEndpoint: string | undefined, userKey: string | undefined): string {
  return `${flowEndpoint ?? 'createFlow'}|${userKey ?? ''}`;
}

export function flowQueryKey(sourceKey: string, request: FlowRequest): FlowQueryKey {
  return ['dots-flow', sourceKey, request];
}

interface Pending {
  controller: AbortController;
  mounts: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

// Creation is aborted only when no mounted flow wants it any more. TanStack Query would cancel as soon as its
// last observer leaves, which under StrictMode's unmount/remount would create every flow twice.
const pendingByClient = new WeakMap<QueryClient, Map<string, Pending>>();

function pendingEntry(client: QueryClient, hash: string): [Map<string, Pending>, Pending] {
  let map = pendingByClient.get(client);
  if (!map) pendingByClient.set(client, (map = new Map()));
  let entry = map.get(hash);
  if (!entry) map.set(hash, (entry = { controller: new AbortController(), mounts: 0, timer: undefined }));
  return [map, entry];
}

/** Query options shared by the mounted flow and `prefetchFlow`, so a prefetched flow is reused. */
export function flowQueryOptions(client: QueryClient, key: FlowQueryKey, createFlow: CreateFlowFn) {
  return {
    queryKey: key,
    queryFn: async (): Promise<Flow> => {
      const hash = hashKey(key);
      const [map, entry] = pendingEntry(client, hash);
      if (entry.controller.signal.aborted) entry.controller = new AbortController();
      try {
        return parseFlow(await createFlow(key[2], { signal: entry.controller.signal }));
      } finally {
        if (entry.mounts === 0 && entry.timer === undefined) map.delete(hash);
      }
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

/** Marks a mounted flow as wanting its creation; the returned release aborts it once nobody does. */
export function retainFlowCreation(client: QueryClient, key: FlowQueryKey): () => void {
  const hash = hashKey(key);
  const [map, entry] = pendingEntry(client, hash);
  clearTimeout(entry.timer);
  entry.timer = undefined;
  entry.mounts += 1;
  return () => {
    entry.mounts -= 1;
    if (entry.mounts > 0) return;
    // A StrictMode remount retains again within the same task; only a real unmount gets past this timer.
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.mounts > 0) return;
      if (map.get(hash) === entry) map.delete(hash);
      if (client.getQueryState(key)?.fetchStatus === 'fetching') {
        entry.controller.abort();
        client.removeQueries({ queryKey: key, exact: true });
      }
    }, 0);
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
    metadata?: Record<string, string>;
    /** The same `userKey` as the DotsProvider's, if it has one. */
    userKey?: string;
  } & ({ flowEndpoint: string; createFlow?: never } | { createFlow: CreateFlowFn; flowEndpoint?: never }),
): Promise<void> {
  const { flowEndpoint, createFlow, userKey, steps, metadata } = request;
  const source = createFlow ?? endpointFlowSource(flowEndpoint);
  const key = flowQueryKey(flowSourceKey(flowEndpoint, userKey), normalizeRequest(steps, metadata));
  return queryClient.prefetchQuery(flowQueryOptions(queryClient, key, source));
}
