import type { Flow, FlowMetadata, JsonValue } from '@dots-flow/core';

/** The flow metadata key that records which host user a flow belongs to. */
export const HOST_USER_ID_METADATA_KEY = 'host_user_id';

/** Where the flow route keeps metadata the browser sent as a string (Dots' metadata is one string or one object). */
export const BROWSER_METADATA_KEY = 'browser_metadata';

/**
 * The host user a flow belongs to: the `host_user_id` the flow route stamped into its metadata, or
 * `undefined` when there is none. A flow whose metadata is a string (or null) has no owner: a string is
 * never parsed for one, since anybody's text could look like a stamp.
 */
export function hostUserIdOf(flow: Pick<Flow, 'metadata'> | null | undefined): string | undefined {
  const metadata: unknown = flow?.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return undefined;
  const value = Object.hasOwn(metadata, HOST_USER_ID_METADATA_KEY)
    ? (metadata as Record<string, unknown>)[HOST_USER_ID_METADATA_KEY]
    : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The metadata the flow route sends: the browser's (an object, or a string kept under
 * `browser_metadata`), then the host's keys over it, then the owner stamp over both.
 */
export function stampFlowMetadata(
  browser: FlowMetadata | undefined,
  host: { readonly [key: string]: JsonValue },
  hostUserId: string,
): { [key: string]: JsonValue } {
  const base = typeof browser === 'string' ? { [BROWSER_METADATA_KEY]: browser } : (browser ?? {});
  return { ...base, ...host, [HOST_USER_ID_METADATA_KEY]: hostUserId };
}
