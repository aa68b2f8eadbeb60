import { describe, expect, it } from 'vitest';
import type { MountTiming } from './benchApi.js';
import { formatReport, type BenchReport, type BundleRow } from './formatReport.js';

const row = (name: string, gzipBytes: number, loadsRemoteScript = false): BundleRow => ({
  name,
  packages: [`${name}@1.0.0`],
  imports: '`x`',
  minBytes: gzipBytes * 3,
  gzipBytes,
  loadsRemoteScript,
});

const timing = (ms: number, sent?: number, answered?: number, frame = 3): MountTiming => ({
  ms,
  requestSentMs: sent ?? null,
  requestAnsweredMs: answered ?? null,
  frameInsertedMs: frame,
});

const report: BenchReport = {
  date: '2026-01-01',
  machine: 'test machine',
  node: 'v20',
  chromium: '156',
  durationSeconds: 42,
  dots: row('dots-flow', 2000),
  peers: [row('Peer A', 3000, true), row('Peer B', 1000)],
  mountMs: { baseline: [100, 100, 100], dots: [150, 150, 150], 'dots-prefetch': [50, 50, 50] },
  warmUpRounds: 2,
  strictCreations: { dots: [1, 1], baseline: [2, 2] },
  renderCounts: { progressRenders: 0, heightRenders: 50, heightMessages: 100 },
  throughput: { session: [500_000], bare: [1_000_000] },
  throughputMessages: 1000,
  loadAverage: { start: 1.25, end: 3.5 },
  network: {
    dotsCallMs: 150,
    frameRoundTripMs: 50,
    mounts: {
      baseline: [timing(400, 2, 160, 165), timing(400, 2, 160, 165), timing(400, 2, 160, 165)],
      dots: [timing(380, 4, 162, 166), timing(380, 4, 162, 166), timing(380, 4, 162, 166)],
      'dots-prefetch': [timing(280), timing(280), timing(280)],
    },
    connections: { baseline: [4, 4, 4], dots: [4, 5, 4], 'dots-prefetch': [5, 5, 5] },
  },
  webhooks: {
    messages: 100,
    bodyBytes: 420,
    verified: { dots: [30_000], 'dots-concurrent': [60_000], standardwebhooks: [90_000], svix: [100_000] },
    inFlight: 16,
    handled: [20_000, 22_000],
    flowUpdated: [1500],
    flowUpdatedMessages: 10,
    versions: { standardwebhooks: '1.1.1', svix: '1.99.1' },
  },
  flowRoute: { handlerMs: [2, 2, 2], bareMs: [1, 1, 1] },
  sandbox: {
    levels: [
      { concurrency: 1, completed: 3000, elapsedMs: 3000, latenciesMs: [1, 1, 2] },
      { concurrency: 10, completed: 6000, elapsedMs: 3000, latenciesMs: [2, 3, 40] },
    ],
    bytesPerFlow: 1234,
    flowsMeasured: 5000,
    bytesPerUser: 321,
    usersMeasured: 2000,
  },
};

describe('formatReport', () => {
  const markdown = formatReport(report);

  it('reports bundle cost as a ratio to dots-flow, marking SDKs that load remote scripts', () => {
    expect(markdown).toContain('| Peer A ¹ | Peer A@1.0.0 | `x` | 9.00 kB | 3.00 kB | 1.50× |');
    expect(markdown).toContain('| Peer B | Peer B@1.0.0 | `x` | 3.00 kB | 1.00 kB | 0.50× |');
  });

  it('reports mount medians as ratios to the baseline', () => {
    expect(markdown).toMatch(/\| `DotsFlow` \| 3 \| 150\.0 ms \|.*\| 1\.50× \|/);
    expect(markdown).toMatch(/prefetchFlow.*\| 3 \| 50\.0 ms \|.*\| 0\.50× \|/);
  });

  it('reports lifecycle counts per mount and per 100 messages', () => {
    expect(markdown).toMatch(/creations per `DotsFlow` mount .*\| 1 \| 1\.00 \|/);
    expect(markdown).toMatch(/baseline under `<StrictMode>`.*\| 2\.00 \|/);
    expect(markdown).toMatch(/progress-only .*\| 0 \| 0\.0 \|/);
    expect(markdown).toMatch(/control.*\| 50\.0 \|/);
  });

  it('reports throughput as a ratio to the bare listener', () => {
    expect(markdown).toMatch(/receive` \| 1 \| 500,000\/s \| 0\.50× \|/);
  });

  it('reports the modelled network as ratios with intervals, connections per run and the goals met or missed', () => {
    expect(markdown).toMatch(
      /\| `DotsFlow` \| 3 \| 380\.0 ms \|.*\| 4\.3 \| 0\.95× \(0\.95–0\.95\) \| ≤ 1\.00×: met \|/,
    );
    expect(markdown).toMatch(
      /prefetchFlow.*\| 3 \| 280\.0 ms \|.*\| 5\.0 \| 0\.70× \(0\.70–0\.70\) \| ≤ 0\.60×: missed \|/,
    );
    expect(markdown).toContain('Dots call takes 150 ms');
  });

  it('splits the modelled-network mounts into phases, with no request phases for a prefetched flow', () => {
    expect(markdown).toContain('| hand-written baseline | 2.0 ms | 158.0 ms | 5.0 ms | 235.0 ms |');
    expect(markdown).toContain('| `DotsFlow` | 4.0 ms | 158.0 ms | 4.0 ms | 214.0 ms |');
    expect(markdown).toContain('| `DotsFlow` after `prefetchFlow` + preconnect | – | – | 3.0 ms | 277.0 ms |');
  });

  it('describes the machine and its load', () => {
    expect(markdown).toContain('Machine: test machine');
    expect(markdown).toContain('load average 1.3 at the start and 3.5 at the end');
  });

  it('carries the server sections', () => {
    expect(markdown).toContain('## 6. Webhook verification throughput');
    expect(markdown).toContain('## 7. Flow route overhead');
    expect(markdown).toContain('## 8. Sandbox capacity');
  });

  it('says how to reproduce', () => {
    expect(markdown).toContain('pnpm bench');
  });

  it('refuses a report without measurements instead of printing NaN', () => {
    expect(() => formatReport({ ...report, mountMs: { ...report.mountMs, dots: [] } })).toThrow(/no values/);
  });
});
