// The bench page: one page, one backend, every variant. The Node runner drives it through `window[BENCH_GLOBAL]`.
import { StrictMode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { DotsFlow, DotsProvider, prefetchFlow } from '@dots-flow/react';
import { BENCH_GLOBAL, type BenchApi, type MountTiming, type MountVariant } from '../bench/benchApi.js';
import { BaselineFlow } from './BaselineFlow.js';
import { messageThroughput } from './messageThroughput.js';
import { mount, sleep, timeToFirstCall, withTimeout } from './mount.js';
import { commits, HeightReader, ProgressOnly } from './renderCounts.js';

const frameOrigin = new URLSearchParams(location.search).get('frameOrigin') ?? '';
const ENDPOINT = '/api/dots/flows';
const STEPS = ['compliance'] as const;
const environment = { frameOrigins: [frameOrigin] };

function dotsFlow(client: QueryClient, done: () => void) {
  return (
    <DotsProvider flowEndpoint={ENDPOINT} environment={environment} queryClient={client}>
      <DotsFlow steps={STEPS} onHeightChange={done} />
    </DotsProvider>
  );
}

function baseline(done: () => void) {
  return <BaselineFlow endpoint={ENDPOINT} frameOrigin={frameOrigin} steps={STEPS} onHeight={done} />;
}

/** Times of the iframes entering the DOM, watched from before a mount starts. */
function watchFrames(): { first: () => number; stop: () => void } {
  let inserted = Number.NaN;
  const observer = new MutationObserver((records) => {
    const added = records.some((r) =>
      [...r.addedNodes].some((n) => n instanceof Element && (n.tagName === 'IFRAME' || n.querySelector('iframe'))),
    );
    if (added && Number.isNaN(inserted)) inserted = performance.now();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return { first: () => inserted, stop: () => observer.disconnect() };
}

/** The flow creation request a mount made, from resource timing. */
function creationRequest(since: number): PerformanceResourceTiming | undefined {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
    (entry) => entry.startTime >= since && new URL(entry.name).pathname === ENDPOINT,
  );
}

async function timeMount(variant: MountVariant): Promise<MountTiming> {
  // A fresh client per mount: every run creates its own flow, none is reused from an earlier run.
  const client = new QueryClient();
  let hint: HTMLLinkElement | null = null;
  const frames = watchFrames();
  try {
    if (variant === 'dots-prefetch') {
      hint = Object.assign(document.createElement('link'), { rel: 'preconnect', href: frameOrigin });
      document.head.append(hint);
      // As a route loader or a hover would: the flow is created before the component mounts.
      await prefetchFlow(client, { flowEndpoint: ENDPOINT, steps: [...STEPS] });
    }
    const { start, ms } = await timeToFirstCall(variant, (done) =>
      variant === 'baseline' ? baseline(done) : dotsFlow(client, done),
    );
    const request = creationRequest(start);
    return {
      ms,
      requestSentMs: request ? request.startTime - start : null,
      requestAnsweredMs: request ? request.responseEnd - start : null,
      frameInsertedMs: frames.first() - start,
    };
  } finally {
    frames.stop();
    performance.clearResourceTimings();
    hint?.remove();
    client.clear();
  }
}

let counting: { start: typeof commits; heights: number; unmount: () => void } | null = null;

const api: BenchApi = {
  timeMount,

  async mountStrict(variant) {
    const client = new QueryClient();
    await timeToFirstCall(`strict ${variant}`, (done) => (
      <StrictMode>{variant === 'baseline' ? baseline(done) : dotsFlow(client, done)}</StrictMode>
    ));
    client.clear();
  },

  async startRenderCount() {
    const client = new QueryClient();
    const state = { start: { ...commits }, heights: 0, unmount: () => undefined as void };
    let reported!: () => void;
    const firstHeight = new Promise<void>((resolve) => (reported = resolve));
    state.unmount = mount(
      <DotsProvider flowEndpoint={ENDPOINT} environment={environment} queryClient={client}>
        <DotsFlow
          steps={STEPS}
          onHeightChange={() => {
            state.heights += 1;
            reported();
          }}
        >
          <ProgressOnly />
          <HeightReader />
        </DotsFlow>
      </DotsProvider>,
    );
    counting = state;
    await withTimeout('render count', firstHeight);
    // Counting starts once React has committed the first height and the ready state.
    await sleep(100);
    state.start = { ...commits };
    state.heights = 0;
  },

  async finishRenderCount(heightMessages) {
    const state = counting;
    if (!state) throw new Error('Call startRenderCount() first.');
    await withTimeout(
      'height messages',
      (async () => {
        while (state.heights < heightMessages) await sleep(10);
      })(),
    );
    await sleep(100);
    const counts = {
      progressRenders: commits.progress - state.start.progress,
      heightRenders: commits.height - state.start.height,
      heightMessages: state.heights,
    };
    state.unmount();
    counting = null;
    return counts;
  },

  messageThroughput,
};

Object.assign(window, { [BENCH_GLOBAL]: api });
