// The modelled-network tables of BENCHMARKS.md. Pure.
import type { MountTiming, MountVariant } from './benchApi.js';
import { ratioInterval } from './bootstrap.js';
import { mountPhases } from './mountPhases.js';
import { formatRatio, median, percentile } from './stats.js';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

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

/** Each variant's median over the modelled network, as a ratio to the baseline with its interval and goal. */
export function networkTable(network: NetworkReport): string[] {
  const { mounts, connections } = network;
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

/** Each variant's mounts split into phases, to show where the time goes. */
export function phaseTable(network: NetworkReport): string[] {
  const row = (label: string, variant: MountVariant) => {
    const p = mountPhases(network.mounts[variant]);
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
