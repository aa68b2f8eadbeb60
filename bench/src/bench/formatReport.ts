// Turns one bench run into BENCHMARKS.md. Pure: every figure comes in through `BenchReport`.
import type { MountTiming, MountVariant, RenderCounts } from './benchApi.js';
import { ratioInterval } from './bootstrap.js';
import { flowRouteSection, sandboxSection, webhookSection, type ServerReport } from './formatServerSections.js';
import { mountPhases } from './mountPhases.js';
import { formatRatio, median, percentile } from './stats.js';

export interface BundleRow {
  name: string;
  /** `name@version` of each package bundled. */
  packages: string[];
  imports: string;
  minBytes: number;
  gzipBytes: number;
  loadsRemoteScript: boolean;
}

export interface NetworkReport {
  /** How long the backend's Dots call takes. */
  dotsCallMs: number;
  /** Round trip to the flow page's origin, charged per request and again per new connection. */
  frameRoundTripMs: number;
  /** Every run's milestones. */
  mounts: Record<MountVariant, MountTiming[]>;
  /** Connections the flow page's origin accepted per run. */
  connections: Record<MountVariant, number[]>;
}

/** The goals for the modelled network, as the most a variant's median may be of the baseline's. */
export const NETWORK_GOALS = { dots: 1.0, 'dots-prefetch': 0.6 } as const;

export interface BenchReport extends ServerReport {
  date: string;
  machine: string;
  /** 1-minute load average when the run started and ended: the machine may be shared. */
  loadAverage: { start: number; end: number };
  node: string;
  chromium: string;
  durationSeconds: number;
  dots: BundleRow;
  peers: BundleRow[];
  mountMs: { dots: number[]; baseline: number[]; 'dots-prefetch': number[] };
  warmUpRounds: number;
  strictCreations: { dots: number[]; baseline: number[] };
  renderCounts: RenderCounts;
  throughput: { session: number[]; bare: number[] };
  throughputMessages: number;
  network: NetworkReport;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function bundleTable(report: BenchReport): string[] {
  const rows = [report.dots, ...report.peers].map((row) => {
    const ratio = row === report.dots ? '1.00× (reference)' : formatRatio(row.gzipBytes / report.dots.gzipBytes);
    const remote = row.loadsRemoteScript ? ' ¹' : '';
    return `| ${row.name}${remote} | ${row.packages.join(', ')} | ${row.imports} | ${kB(row.minBytes)} | ${kB(row.gzipBytes)} | ${ratio} |`;
  });
  return [
    '| SDK | packages | import | min | min+gzip | min+gzip vs dots-flow |',
    '| --- | --- | --- | ---: | ---: | ---: |',
    ...rows,
  ];
}

function mountTable(report: BenchReport): string[] {
  const base = median(report.mountMs.baseline);
  const row = (label: string, values: number[], reference: boolean) =>
    `| ${label} | ${values.length} | ${ms(median(values))} | ${ms(percentile(values, 0.25))} – ${ms(percentile(values, 0.75))} | ${
      reference ? '1.00× (reference)' : formatRatio(median(values) / base)
    } |`;
  return [
    '| variant | runs | median | p25 – p75 | median vs baseline |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('hand-written baseline (`useEffect` fetch + bare iframe)', report.mountMs.baseline, true),
    row('`DotsFlow`', report.mountMs.dots, false),
    row('`DotsFlow` after `prefetchFlow` + `<link rel="preconnect">`', report.mountMs['dots-prefetch'], false),
  ];
}

function networkTable(report: BenchReport): string[] {
  const { mounts, connections } = report.network;
  const base = mounts.baseline.map((m) => m.ms);
  const row = (label: string, variant: MountVariant) => {
    const values = mounts[variant].map((m) => m.ms);
    const spread = `${ms(percentile(values, 0.25))} – ${ms(percentile(values, 0.75))}`;
    const perRun = (sum(connections[variant]) / connections[variant].length).toFixed(1);
    if (variant === 'baseline') {
      return `| ${label} | ${values.length} | ${ms(median(values))} | ${spread} | ${perRun} | 1.00× (reference) | – |`;
    }
    const ratio = median(values) / median(base);
    const { low, high } = ratioInterval(values, base);
    const goal = NETWORK_GOALS[variant];
    const verdict = ratio <= goal ? 'met' : 'missed';
    return `| ${label} | ${values.length} | ${ms(median(values))} | ${spread} | ${perRun} | ${formatRatio(ratio)} (${low.toFixed(2)}–${high.toFixed(2)}) | ≤ ${goal.toFixed(2)}×: ${verdict} |`;
  };
  return [
    '| variant | runs | median | p25 – p75 | connections per run | median vs baseline (95% CI) | goal |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    row('hand-written baseline (`useEffect` fetch + bare iframe)', 'baseline'),
    row('`DotsFlow`', 'dots'),
    row('`DotsFlow` after `prefetchFlow` + `<link rel="preconnect">`', 'dots-prefetch'),
  ];
}

function phaseTable(report: BenchReport): string[] {
  const row = (label: string, variant: MountVariant) => {
    const p = mountPhases(report.network.mounts[variant]);
    const orDash = (value: number | null) => (value === null ? '–' : ms(value));
    return `| ${label} | ${orDash(p.toRequest)} | ${orDash(p.request)} | ${ms(p.toFrame)} | ${ms(p.frame)} |`;
  };
  return [
    '| variant | render → request sent | request sent → answered | answered (or render) → iframe in the DOM | iframe → first height |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('hand-written baseline', 'baseline'),
    row('`DotsFlow`', 'dots'),
    row('`DotsFlow` after `prefetchFlow` + preconnect', 'dots-prefetch'),
  ];
}

function lifecycleTable(report: BenchReport): string[] {
  const { strictCreations: strict, renderCounts: counts } = report;
  const perMount = (values: number[]) => (values.length === 0 ? 'n/a' : (sum(values) / values.length).toFixed(2));
  const per100 = (renders: number) =>
    counts.heightMessages === 0 ? 'n/a' : ((renders / counts.heightMessages) * 100).toFixed(1);
  return [
    '| measure | expected | measured |',
    '| --- | ---: | ---: |',
    `| flow creations per \`DotsFlow\` mount under \`<StrictMode>\` (${strict.dots.length} mounts) | 1 | ${perMount(strict.dots)} |`,
    `| … the hand-written baseline under \`<StrictMode>\` (${strict.baseline.length} mounts), for comparison | – | ${perMount(strict.baseline)} |`,
    `| re-renders of a progress-only \`useFlowProgress()\` subscriber per 100 height messages (${counts.heightMessages} sent by the real frame) | 0 | ${per100(counts.progressRenders)} |`,
    `| … of a \`useFlowProgress((s) => s.height)\` subscriber (control: proves the counter counts) | > 0 | ${per100(counts.heightRenders)} |`,
  ];
}

function throughputTable(report: BenchReport): string[] {
  const session = median(report.throughput.session);
  const bare = median(report.throughput.bare);
  return [
    '| handler | rounds | median messages handled | vs bare listener |',
    '| --- | ---: | ---: | ---: |',
    `| bare \`message\` listener (origin, sender and \`typeof height\` checks) | ${report.throughput.bare.length} | ${perSecond(bare)} | 1.00× (reference) |`,
    `| \`createFlowSession(…).receive\` | ${report.throughput.session.length} | ${perSecond(session)} | ${formatRatio(session / bare)} |`,
  ];
}

/** The whole BENCHMARKS.md. */
export function formatReport(report: BenchReport): string {
  const { dotsCallMs, frameRoundTripMs } = report.network;
  return [
    '# dots-flow benchmarks',
    '',
    `Generated by \`pnpm bench\` on ${report.date}: every figure below comes from that one run ` +
      `(${report.durationSeconds.toFixed(0)} s). Machine: ${report.machine}; Node ${report.node}; Chromium ${report.chromium}. ` +
      `1-minute load average ${report.loadAverage.start.toFixed(1)} at the start and ${report.loadAverage.end.toFixed(1)} at the end ` +
      '(other work on the machine shows up as spread, which is why every comparison alternates its variants).',
    'Do not edit by hand: run `pnpm bench` again (it builds the packages first) and commit the result.',
    '',
    '## 1. Bundle cost',
    '',
    "Each SDK's documented import, bundled alone by the same bundler and settings (rolldown, browser platform, " +
      '`NODE_ENV=production`, tree-shaken, minified, gzip level 9). `react`, `react-dom` and `@tanstack/react-query` ' +
      'are external (the app has them already); everything else the import pulls in counts, `@dots-flow/core` included.',
    '',
    ...bundleTable(report),
    '',
    '¹ This SDK loads more JavaScript from its own CDN at runtime (Plaid `link-initialize.js`, Stripe `connect.js`, ' +
      'Merge `initialize.js`); no bundle measurement includes it. dots-flow and Finch only frame a hosted page.',
    '',
    '## 2. Mount to first `{height}` message (real Chromium, local sandbox on loopback)',
    '',
    'One page, one backend (a node:http route that creates flows on the sandbox), three variants mounted in ' +
      `alternation with the order rotating each round, after ${report.warmUpRounds} warm-up rounds. Each run creates a fresh flow ` +
      '(fresh QueryClient) and measures from `root.render()` to the first height message the component handles. ' +
      'In the prefetch variant, `prefetchFlow` completes before the mount (as in a route loader or on hover), so the ' +
      'flow creation is not in the measured time. Creating a flow costs about 1 ms here, so this measures the ' +
      "components' own cost; section 3 puts a network under it.",
    '',
    ...mountTable(report),
    '',
    '## 3. Mount to first `{height}` message over a modelled network',
    '',
    `The same page and variants, from a second backend whose Dots call takes ${dotsCallMs} ms (it answers no sooner), with ` +
      `the flow page's origin behind a TCP proxy that holds every request ${frameRoundTripMs} ms (one round trip) and the ` +
      `first bytes of every new connection another ${frameRoundTripMs} ms (the handshake). The flow page is on another site ` +
      'than the host page (`localhost` vs `127.0.0.1`), as `my.dots.dev` is to an integrator, so Chromium runs it in its ' +
      'own process. Before every run the proxy closes all connections: each mount is a first visit to the flow origin. ' +
      'The sandbox flow page needs four round trips before it can post its height (its HTML; stylesheet and script; ' +
      'their module imports; its state), so the frame, not the flow creation, is most of the time. Chromium runs with a regular ' +
      "profile (Playwright's default off-the-record context performs no preconnect at all). The interval is a 95% " +
      'bootstrap interval of the ratio of medians.',
    '',
    ...networkTable(report),
    '',
    'Where the time goes (median of each phase over the same runs, so the phases need not add up to the median ' +
      'total). Request times come from Resource Timing; the iframe time from a MutationObserver, whose callback runs ' +
      'once the commit that inserted the iframe has finished its synchronous work, ref callbacks included:',
    '',
    ...phaseTable(report),
    '',
    '"connections per run" counts the connections the flow origin accepted. The preconnect opens one more ' +
      'connection, but Chromium keys connections by top-level site and frame site (network state partitioning), so a ' +
      "connection the host page opens is not used by a cross-site frame's navigation: the hint cannot save the " +
      'handshake for a frame on another site.',
    '',
    '## 4. Lifecycle',
    '',
    "Flow creations are counted by the backend (each mount waits for the frame's first height, then 300 ms for any " +
      "duplicate request); StrictMode runs use React's development build. Re-renders are counted as commits " +
      '(`useEffect` runs) while the real flow frame posts 100 distinct heights.',
    '',
    ...lifecycleTable(report),
    '',
    '## 5. Message handling throughput',
    '',
    `${report.throughputMessages.toLocaleString('en-US')} \`{height}\` MessageEvents (from a real frame window, ` +
      'every one changing the height) dispatched through one `window` `message` listener per round, handlers ' +
      'alternating. The session checks origin, sender and shape, runs its reducer and freezes a new snapshot.',
    '',
    ...throughputTable(report),
    '',
    '## 6. Webhook verification throughput',
    '',
    ...webhookSection(report),
    '',
    '## 7. Flow route overhead',
    '',
    ...flowRouteSection(report),
    '',
    '## 8. Sandbox capacity',
    '',
    ...sandboxSection(report),
    '',
    '## Reproduce',
    '',
    '```sh',
    'pnpm install',
    'pnpm bench   # builds packages/*, then measures and writes BENCHMARKS.md',
    '```',
    '',
    'Chromium comes from `/usr/bin/chromium` (or `CHROMIUM_PATH`); nothing is downloaded. Sources: `bench/src/bench` ' +
      '(runner: `runBench.ts`; the modelled network: `startDelayProxy.ts` and `startBenchBackend.ts`; the server side: ' +
      '`webhookBench.ts`, `flowRouteBench.ts`, `sandboxCapacity.ts`) and `bench/src/page` (the page).',
    '',
  ].join('\n');
}
