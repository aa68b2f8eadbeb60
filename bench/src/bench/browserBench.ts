// Drives the bench page in real Chromium: mount timings, StrictMode flow creations, re-render counts and
// message throughput, all against one sandbox and one backend.
import { chromium, type Page } from 'playwright';
import { BENCH_GLOBAL, type BenchApi, type MountVariant, type RenderCounts } from './benchApi.js';
import type { BenchBackend } from './startBenchBackend.js';

export interface BrowserBenchOptions {
  backend: BenchBackend;
  sandboxUrl: string;
  /** Measured runs per variant (after warm-up). */
  runs: number;
  strictMounts: number;
  throughputRounds: number;
  throughputMessages: number;
  log: (line: string) => void;
}

export interface BrowserBenchResult {
  chromiumVersion: string;
  /** Milliseconds from mount to the first `{height}` message, per variant, in run order. */
  mountMs: Record<MountVariant, number[]>;
  /** Flow creations the backend saw per StrictMode mount. */
  strictCreations: { dots: number[]; baseline: number[] };
  renderCounts: RenderCounts;
  /** Messages handled per second, one figure per round. */
  throughput: { session: number[]; bare: number[] };
}

const VARIANTS: readonly MountVariant[] = ['dots', 'baseline', 'dots-prefetch'];
export const WARM_UP_RUNS = 2;

type Call = <K extends keyof BenchApi>(
  name: K,
  ...args: Parameters<BenchApi[K]>
) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

async function openBenchPage(page: Page, url: string): Promise<Call> {
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

/** Runs every in-browser measurement in one Chromium (the system one: nothing is downloaded). */
export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const { backend, sandboxUrl, log } = options;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    const query = `?frameOrigin=${encodeURIComponent(sandboxUrl)}`;

    // (2) Mount → first height. Variants alternate, and the order rotates each round, so drift hits all alike.
    const call = await openBenchPage(page, `${backend.url}/${query}`);
    const mountMs: Record<MountVariant, number[]> = { dots: [], baseline: [], 'dots-prefetch': [] };
    for (let round = 0; round < WARM_UP_RUNS + options.runs; round += 1) {
      for (let i = 0; i < VARIANTS.length; i += 1) {
        const variant = VARIANTS[(round + i) % VARIANTS.length]!;
        const ms = await call('timeMount', variant);
        if (round >= WARM_UP_RUNS) mountMs[variant].push(ms);
      }
    }
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

    return { chromiumVersion: browser.version(), mountMs, strictCreations, renderCounts, throughput };
  } finally {
    await browser.close();
  }
}
