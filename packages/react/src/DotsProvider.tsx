'use client';
import { createContext, useMemo, useState, type ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { DotsFlowError, frameOriginsFor, type DotsEnvironment, type FlowAppearance } from '@dots-flow/core';
import { endpointFlowSource, type CreateFlowFn } from './flowSource.js';
import { flowSourceKey } from './flowQuery.js';
import { useLatest } from './useLatest.js';

export interface DotsConfig {
  queryClient: QueryClient;
  /** Identifies the flow source in query keys, so two providers on one client never share flows. */
  sourceKey: string;
  createFlow: CreateFlowFn;
  trustedOrigins: readonly string[];
  /** Every flow's default look; a flow's own `appearance` wins. */
  appearance?: FlowAppearance;
}

export const DotsContext = createContext<DotsConfig | null>(null);

interface ProviderBase {
  /** Which Dots flow pages may be framed: `'sandbox'`, `'production'`, or `{ frameOrigins }` (e.g. the local sandbox). */
  environment: DotsEnvironment;
  /** Your app's QueryClient; by default the provider keeps a private one. */
  queryClient?: QueryClient;
  /**
   * Who is signed in (any stable id). Created flows are cached per user key, so after a sign-out and
   * sign-in a flow created for one user is never shown to another.
   */
  userKey?: string;
  /**
   * The look of every flow below (`createAppearance(…)`), unless a flow has its own `appearance`. Changing it
   * restyles the flows, never creates new ones.
   */
  appearance?: FlowAppearance;
  children?: ReactNode;
}

export type DotsProviderProps = ProviderBase &
  (
    | {
        /** Your backend's flow route (see `createFlowHandler`): POST `{ steps, metadata }` → Dots flow. */ flowEndpoint: string;
        createFlow?: never;
      }
    | {
        /** Creates the flow yourself, e.g. through your own API client. */ createFlow: CreateFlowFn;
        flowEndpoint?: never;
      }
  );

/**
 * Tells every flow below it where flows come from, which frame origins to trust and (optionally) how flows look.
 *
 * @example
 * <DotsProvider flowEndpoint="/api/dots/flows" environment="production">…</DotsProvider>
 */
export function DotsProvider({
  flowEndpoint,
  createFlow,
  environment,
  queryClient,
  userKey,
  appearance,
  children,
}: DotsProviderProps) {
  if ((flowEndpoint === undefined) === (createFlow === undefined)) {
    throw new DotsFlowError(
      'invalid_request',
      process.env.NODE_ENV !== 'production'
        ? 'DotsProvider needs exactly one of `flowEndpoint` (your backend route, e.g. "/api/dots/flows") or `createFlow`.'
        : '',
    );
  }
  const [ownClient] = useState(() => queryClient ?? new QueryClient());
  const client = queryClient ?? ownClient;
  // The latest createFlow is read at call time, so an inline function neither re-creates flows nor goes stale.
  const createFlowRef = useLatest(createFlow);
  // Compared by content: an inline `{ frameOrigins: [...] }` is the same environment on every render.
  const originsKey = JSON.stringify(environment);

  const config = useMemo<DotsConfig>(
    () => ({
      queryClient: client,
      sourceKey: flowSourceKey(flowEndpoint, userKey),
      createFlow:
        flowEndpoint !== undefined
          ? endpointFlowSource(flowEndpoint)
          : (req, opts) => createFlowRef.current!(req, opts),
      trustedOrigins: frameOriginsFor(environment),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- environment is compared by content
    [client, flowEndpoint, userKey, originsKey],
  );
  // Flows are keyed by `config`'s createFlow (see useDotsFlow), so a new appearance restyles them, creating none.
  const value = useMemo(() => ({ ...config, appearance }), [config, appearance]);
  return <DotsContext.Provider value={value}>{children}</DotsContext.Provider>;
}
