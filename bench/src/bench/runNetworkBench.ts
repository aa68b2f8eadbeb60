// `pnpm bench:network`: only section 3 of BENCHMARKS.md (mount → first height over the modelled network), printed
// to the console and written nowhere, for checking one change to the mount path without the whole bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startSandbox } from '@dots-flow/sandbox';
import { timeNetworkMounts } from './browserBench.js';
import { buildBenchPage } from './buildBenchPage.js';
import { networkTable, phaseTable } from './formatNetworkSection.js';
import { NETWORK, startModelledNetwork } from './network.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dots-flow-bench-'));
  const profile = mkdtempSync(join(tmpdir(), 'dots-flow-bench-profile-'));
  const clientId = 'bench_client';
  const apiKey = 'bench_key';
  const sandbox = await startSandbox({ port: 0, clientId, apiKey });
  try {
    await buildBenchPage(join(work, 'prod'), 'production', '/');
    const network = await startModelledNetwork({
      sandboxUrl: sandbox.url,
      clientId,
      apiKey,
      pageDir: join(work, 'prod'),
    });
    // The same regular profile as the full bench (an off-the-record one performs no preconnect).
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const { mounts, connections } = await timeNetworkMounts(page, { network, runs: RUNS });
      const report = { ...NETWORK, mounts, connections };
      console.log([...networkTable(report), '', ...phaseTable(report)].join('\n'));
    } finally {
      await browser.close();
      await network.close();
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
