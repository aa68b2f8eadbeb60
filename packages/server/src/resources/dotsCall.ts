import type { DotsRequest } from '../sendDotsRequest.js';

export interface DotsCallOptions {
  /** Aborts the call (every attempt, and every page of a list). */
  signal?: AbortSignal;
}

/** One authenticated request to the client's API base, resolving with the parsed JSON of a 2xx answer. */
export type DotsCall = (request: DotsRequest) => Promise<unknown>;
