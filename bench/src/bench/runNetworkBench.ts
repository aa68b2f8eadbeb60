// `pnpm bench:network`: only section 3 of BENCHMARKS.md (mount → first height over the modelled network), printed
// to the console and written nowhere, for checking one change to the mount path without the whole bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startSandbox } from '@dots-flow/sandbox';
import type { MountVariant } from './benchApi.js';
import { openBenchPage, timeMounts } from './browserBench.js';
import { buildBenchPage } from './buildBenchPage.js';
import { networkTable, phaseTable } from './formatNetworkSection.js';
import { NETWORK } from './network.js';
import { startBenchBackend } from './startBenchBackend.js';
import { startDelayProxy } from './startDelayProxy.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dots-flow-bench-'));
  const profile = mkdtempSync(join(tmpdir(), 'dots-flow-bench-profile-'));
  const clientId = 'bench_client';
  const apiKey = 'bench_key';
  const sandbox = await startSandbox({ port: 0, clientId, apiKey });
  try {
    await buildBenchPage(join(work, 'prod'), 'production', '/');
    const proxy = await startDelayProxy({
      target: sandbox.url,
      requestDelayMs: NETWORK.frameRoundTripMs,
      connectDelayMs: NETWORK.frameRoundTripMs,
    });
    const frameOrigin = `http://localhost:${proxy.port}`;
    const backend = await startBenchBackend({
      sandboxUrl: sandbox.url,
      clientId,
      apiKey,
      pages: { '/': join(work, 'prod') },
      dotsLatencyMs: NETWORK.dotsCallMs,
      frameOrigin,
    });
    // The same regular profile as the full bench (an off-the-record one performs no preconnect).
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const call = await openBenchPage(page, `${backend.url}/?frameOrigin=${encodeURIComponent(frameOrigin)}`);
      const connections: Record<MountVariant, number[]> = { dots: [], baseline: [], 'dots-prefetch': [] };
      let opened = 0;
      const mounts = await timeMounts(call, RUNS, {
        beforeRun: async () => {
          proxy.dropConnections();
          await sleep(20);
          opened = proxy.connections();
        },
        afterRun: (variant, measured) => {
          if (measured) connections[variant].push(proxy.connections() - opened);
        },
      });
      const report = { ...NETWORK, mounts, connections };
      console.log([...networkTable(report), '', ...phaseTable(report)].join('\n'));
    } finally {
      await browser.close();
      await Promise.all([backend.close(), proxy.close()]);
    }
  } finally {
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
