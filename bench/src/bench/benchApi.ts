// The contract between the bench page (built by Vite, run in Chromium) and the Node runner that drives it.

/** `dots`: DotsFlow; `dots-prefetch`: DotsFlow after a completed prefetchFlow and a preconnect hint; `baseline`: hand-written. */
export type MountVariant = 'dots' | 'dots-prefetch' | 'baseline';

export interface RenderCounts {
  /** Commits of a component reading only `useFlowProgress()` (status, steps, progress). */
  progressRenders: number;
  /** Commits of a control component reading `height` through the same hook. */
  heightRenders: number;
  /** Height changes the flow handled meanwhile (its `onHeightChange` calls). */
  heightMessages: number;
}

/** One mount's milestones, in milliseconds from `root.render()`. */
export interface MountTiming {
  /** The first `{height}` message the component handled. */
  ms: number;
  /** The flow creation request was sent and answered (resource timing); `null` when it was not made during the mount. */
  requestSentMs: number | null;
  requestAnsweredMs: number | null;
  /** The iframe entered the DOM. */
  frameInsertedMs: number;
}

export interface BenchApi {
  /** Mounts one flow and resolves with its milestones up to its first `{height}` message; then unmounts. */
  timeMount(variant: MountVariant): Promise<MountTiming>;
  /** Mounts a flow inside <StrictMode>, waits for its first `{height}` message, and unmounts it. */
  mountStrict(variant: 'dots' | 'baseline'): Promise<void>;
  /** Mounts a DotsFlow with a progress-only and a height subscriber; resolves once its frame has reported a height. */
  startRenderCount(): Promise<void>;
  /** Waits until `heightMessages` more heights were handled, returns the commits since the start, and unmounts. */
  finishRenderCount(heightMessages: number): Promise<RenderCounts>;
  /** Dispatches `count` `{height}` MessageEvents through a `message` listener; returns messages handled per second. */
  messageThroughput(handler: 'session' | 'bare', count: number): number;
}

/** The name under which the page exposes its `BenchApi` on `window`. */
export const BENCH_GLOBAL = '__dotsFlowBench';
