// `pnpm bench`: measures everything in one run and writes BENCHMARKS.md at the repository root.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@dots-flow/sandbox';
import { measureBundle } from '../gates/bundleCost.js';
import { runBrowserBench, WARM_UP_RUNS } from './browserBench.js';
import { buildBenchPage } from './buildBenchPage.js';
import { formatReport, type BundleRow } from './formatReport.js';
import { NETWORK, startModelledNetwork } from './network.js';
import { BENCH_DIR, REPO_DIR } from './paths.js';
import { DOTS_ENTRY, PEER_ENTRIES, type SdkEntry } from './peerSdks.js';
import { startBenchBackend } from './startBenchBackend.js';
import { runServerBench } from './runServerBench.js';

const startedAt = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0)} s] ${line}`);

function installedVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(BENCH_DIR, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

async function bundleRow(entry: SdkEntry): Promise<BundleRow> {
  const cost = await measureBundle(entry.source);
  return {
    name: entry.name,
    packages: entry.packages.map((name) => `${name}@${installedVersion(name)}`),
    imports: entry.imports,
    minBytes: cost.minBytes,
    gzipBytes: cost.gzipBytes,
    loadsRemoteScript: entry.loadsRemoteScript,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  log('1/5 bundle cost');
  const dots = await bundleRow(DOTS_ENTRY);
  const peers: BundleRow[] = [];
  for (const entry of PEER_ENTRIES) peers.push(await bundleRow(entry));

  log('2/5 building the bench page (production and development)');
  const work = mkdtempSync(join(tmpdir(), 'dots-flow-bench-'));
  const clientId = 'bench_client';
  const apiKey = 'bench_key';
  const sandbox = await startSandbox({ port: 0, clientId, apiKey });
  try {
    await buildBenchPage(join(work, 'prod'), 'production', '/');
    await buildBenchPage(join(work, 'dev'), 'development', '/dev/');
    const backend = await startBenchBackend({
      sandboxUrl: sandbox.url,
      clientId,
      apiKey,
      pages: { '/': join(work, 'prod'), '/dev/': join(work, 'dev') },
    });
    const network = await startModelledNetwork({
      sandboxUrl: sandbox.url,
      clientId,
      apiKey,
      pageDir: join(work, 'prod'),
    });
    try {
      log('3/5 Chromium: mount timings (loopback and modelled network), lifecycle counts, message throughput');
      const browser = await runBrowserBench({
        backend,
        sandboxUrl: sandbox.url,
        runs: 60,
        strictMounts: 5,
        throughputRounds: 7,
        throughputMessages: 100_000,
        network: { network, runs: 20 },
        log,
      });
      log('4/5 server side: webhook verification, flow route, sandbox capacity');
      const server = await runServerBench({
        clientId,
        apiKey,
        versions: { standardwebhooks: installedVersion('standardwebhooks'), svix: installedVersion('svix') },
        log,
      });
      log('5/5 writing BENCHMARKS.md');
      const cpu = cpus();
      const markdown = formatReport({
        date: new Date().toISOString().slice(0, 10),
        machine:
          `${process.platform} ${process.arch}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ` +
          `${(totalmem() / 1e9).toFixed(1)} GB RAM`,
        loadAverage: { start: loadAtStart, end: loadavg()[0]! },
        node: process.version,
        chromium: browser.chromiumVersion,
        durationSeconds: (performance.now() - started) / 1000,
        dots,
        peers,
        mountMs: browser.mountMs,
        warmUpRounds: WARM_UP_RUNS,
        strictCreations: browser.strictCreations,
        renderCounts: browser.renderCounts,
        throughput: browser.throughput,
        throughputMessages: 100_000,
        network: {
          ...NETWORK,
          mounts: browser.networkMounts,
          connections: browser.networkConnections,
        },
        ...server,
      });
      writeFileSync(join(REPO_DIR, 'BENCHMARKS.md'), markdown);
      log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${join(REPO_DIR, 'BENCHMARKS.md')}`);
    } finally {
      await Promise.all([backend.close(), network.close()]);
    }
  } finally {
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
