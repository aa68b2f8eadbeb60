// Drives the bench page in real Chromium: mount timings, StrictMode flow creations, re-render counts and
// message throughput, all against one sandbox and one backend.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { BENCH_GLOBAL, type BenchApi, type MountTiming, type MountVariant, type RenderCounts } from './benchApi.js';
import type { ModelledNetwork } from './network.js';
import type { BenchBackend } from './startBenchBackend.js';

/** The same mounts over a modelled network: a slow Dots behind the backend, the flow page behind a delaying proxy. */
export interface NetworkBenchOptions {
  network: Omit<ModelledNetwork, 'close'>;
  runs: number;
}

export interface BrowserBenchOptions {
  backend: BenchBackend;
  sandboxUrl: string;
  /** Measured runs per variant (after warm-up). */
  runs: number;
  strictMounts: number;
  throughputRounds: number;
  throughputMessages: number;
  network: NetworkBenchOptions;
  log: (line: string) => void;
}

export interface BrowserBenchResult {
  chromiumVersion: string;
  /** Milliseconds from mount to the first `{height}` message, per variant, in run order. */
  mountMs: Record<MountVariant, number[]>;
  /** Each modelled-network run's milestones, per variant, in run order. */
  networkMounts: Record<MountVariant, MountTiming[]>;
  /** Connections the flow page's origin accepted per modelled-network run. */
  networkConnections: Record<MountVariant, number[]>;
  /** Flow creations the backend saw per StrictMode mount. */
  strictCreations: { dots: number[]; baseline: number[] };
  renderCounts: RenderCounts;
  /** Messages handled per second, one figure per round. */
  throughput: { session: number[]; bare: number[] };
}

const VARIANTS: readonly MountVariant[] = ['dots', 'baseline', 'dots-prefetch'];
export const WARM_UP_RUNS = 2;

export type Call = <K extends keyof BenchApi>(
  name: K,
  ...args: Parameters<BenchApi[K]>
) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

export async function openBenchPage(page: Page, url: string): Promise<Call> {
  await page.goto(url);
  await page.waitForFunction((name) => name in window, BENCH_GLOBAL);
  return (name, ...args) =>
    page.evaluate(
      ([global, method, params]) => {
        const api = (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[global]!;
        return api[method]!(...params);
      },
      [BENCH_GLOBAL, name, args] as const,
    ) as never;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Mounts every variant `runs` times (after warm-up rounds), in alternation with the order rotating each round,
 * so drift hits all alike. `beforeRun` resets whatever a run must not inherit from the one before.
 */
export async function timeMounts(
  call: Call,
  runs: number,
  hooks: { beforeRun?: () => Promise<void>; afterRun?: (variant: MountVariant, measured: boolean) => void } = {},
): Promise<Record<MountVariant, MountTiming[]>> {
  const mounts: Record<MountVariant, MountTiming[]> = { dots: [], baseline: [], 'dots-prefetch': [] };
  for (let round = 0; round < WARM_UP_RUNS + runs; round += 1) {
    for (let i = 0; i < VARIANTS.length; i += 1) {
      const variant = VARIANTS[(round + i) % VARIANTS.length]!;
      await hooks.beforeRun?.();
      const timing = await call('timeMount', variant);
      if (round >= WARM_UP_RUNS) mounts[variant].push(timing);
      hooks.afterRun?.(variant, round >= WARM_UP_RUNS);
    }
  }
  return mounts;
}

const msOf = (mounts: Record<MountVariant, MountTiming[]>) =>
  Object.fromEntries(VARIANTS.map((v) => [v, mounts[v].map((m) => m.ms)])) as Record<MountVariant, number[]>;

/** Runs every in-browser measurement in one Chromium (the system one: nothing is downloaded). */
/**
 * Mount → first height over the modelled network, from the backend whose flow links point at the delaying proxy.
 * Every run starts with no open connection to the flow page's origin, as a user's first visit does.
 */
export async function timeNetworkMounts(page: Page, { network, runs }: NetworkBenchOptions) {
  const call = await openBenchPage(
    page,
    `${network.backend.url}/?frameOrigin=${encodeURIComponent(network.frameOrigin)}`,
  );
  const connections: Record<MountVariant, number[]> = { dots: [], baseline: [], 'dots-prefetch': [] };
  let opened = 0;
  const mounts = await timeMounts(call, runs, {
    beforeRun: async () => {
      network.proxy.dropConnections();
      await sleep(20);
      opened = network.proxy.connections();
    },
    afterRun: (variant, measured) => {
      if (measured) connections[variant].push(network.proxy.connections() - opened);
    },
  });
  return { mounts, connections };
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const { backend, sandboxUrl, log } = options;
  // A regular profile, not Playwright's default off-the-record context: Chromium performs no <link rel="preconnect">
  // in an off-the-record profile, and a user's own browser does.
  const profile = mkdtempSync(join(tmpdir(), 'dots-flow-bench-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const { product } = await (await browser.newCDPSession(page)).send('Browser.getVersion');
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    const query = `?frameOrigin=${encodeURIComponent(sandboxUrl)}`;

    // (2) Mount → first height.
    const call = await openBenchPage(page, `${backend.url}/${query}`);
    const mountMs = msOf(await timeMounts(call, options.runs));
    log(`mount timings: ${options.runs} runs per variant`);

    // (3b) Re-renders of a progress-only subscriber while the real frame sends 100 height messages.
    await call('startRenderCount');
    const frame = page.frames().find((f) => f.url().startsWith(`${sandboxUrl}/flow/`));
    if (!frame) throw new Error('the flow frame of the render-count run was not found');
    await frame.evaluate((count) => {
      for (let i = 0; i < count; i += 1) window.parent.postMessage({ height: 1000 + i }, '*');
    }, 100);
    const renderCounts = await call('finishRenderCount', 100);
    log(`render counts: ${JSON.stringify(renderCounts)}`);

    // (4) Message throughput, alternating handlers.
    const throughput = { session: [] as number[], bare: [] as number[] };
    await call('messageThroughput', 'session', options.throughputMessages); // warm-up, both paths
    await call('messageThroughput', 'bare', options.throughputMessages);
    for (let round = 0; round < options.throughputRounds; round += 1) {
      const order = round % 2 === 0 ? (['session', 'bare'] as const) : (['bare', 'session'] as const);
      for (const handler of order)
        throughput[handler].push(await call('messageThroughput', handler, options.throughputMessages));
    }
    log('message throughput done');

    // (3a) StrictMode needs React's development build: the /dev/ page.
    const devCall = await openBenchPage(page, `${backend.url}/dev/${query}`);
    const strictCreations = { dots: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < options.strictMounts; i += 1) {
      for (const variant of ['dots', 'baseline'] as const) {
        const before = backend.flowCreations();
        await devCall('mountStrict', variant);
        // A duplicate request may still be in flight when the first frame reports; let it land.
        await sleep(300);
        strictCreations[variant].push(backend.flowCreations() - before);
      }
    }
    log(`strict mode creations: ${JSON.stringify(strictCreations)}`);

    // (2b) Mount → first height over the modelled network.
    const { mounts: networkMounts, connections } = await timeNetworkMounts(page, options.network);
    log(`modelled-network mount timings: ${options.network.runs} runs per variant`);

    return {
      chromiumVersion: product.replace(/^\D+/, ''),
      mountMs,
      networkMounts,
      networkConnections: connections,
      strictCreations,
      renderCounts,
      throughput,
    };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
