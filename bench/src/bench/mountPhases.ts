import type { MountTiming } from './benchApi.js';
import { median } from './stats.js';

/** Median milliseconds of each phase of a mount; the request phases are `null` when no run made the request. */
export interface MountPhases {
  /** `root.render()` → the creation request is sent. */
  toRequest: number | null;
  /** The request, sent → answered (the backend and its Dots call). */
  request: number | null;
  /** Answered (or, without a request, `root.render()`) → the iframe is in the DOM. */
  toFrame: number;
  /** The iframe is in the DOM → its first `{height}` is handled: the flow page's own load. */
  frame: number;
}

/**
 * Splits mounts into phases and takes each phase's median over the runs (so the phases need not add up to the
 * median total). Runs without a request must all be without one: a mix would compare unlike phases.
 */
export function mountPhases(timings: readonly MountTiming[]): MountPhases {
  const withRequest = timings.filter((t) => t.requestSentMs !== null && t.requestAnsweredMs !== null);
  if (withRequest.length > 0 && withRequest.length !== timings.length) {
    throw new Error('mountPhases: some runs made the creation request during the mount and some did not');
  }
  const frame = median(timings.map((t) => t.ms - t.frameInsertedMs));
  if (withRequest.length === 0) {
    return { toRequest: null, request: null, toFrame: median(timings.map((t) => t.frameInsertedMs)), frame };
  }
  return {
    toRequest: median(withRequest.map((t) => t.requestSentMs!)),
    request: median(withRequest.map((t) => t.requestAnsweredMs! - t.requestSentMs!)),
    toFrame: median(withRequest.map((t) => t.frameInsertedMs - t.requestAnsweredMs!)),
    frame,
  };
}
