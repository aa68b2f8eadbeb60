import { describe, expect, it } from 'vitest';
import { formatReport, type BenchReport, type BundleRow } from './formatReport.js';

const row = (name: string, gzipBytes: number, loadsRemoteScript = false): BundleRow => ({
  name,
  packages: [`${name}@1.0.0`],
  imports: '`x`',
  minBytes: gzipBytes * 3,
  gzipBytes,
  loadsRemoteScript,
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

  it('says how to reproduce', () => {
    expect(markdown).toContain('pnpm bench');
  });

  it('refuses a report without measurements instead of printing NaN', () => {
    expect(() => formatReport({ ...report, mountMs: { ...report.mountMs, dots: [] } })).toThrow(/no values/);
  });
});
