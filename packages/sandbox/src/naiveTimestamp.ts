/**
 * A UTC time as Dots' responses show it (`2024-07-11T21:10:30.846081`, `docs/guides/flow-payouts.mdx`): no
 * zone, microseconds. Like Python's `isoformat()`, which those responses look like, the fraction is left
 * out when it is zero (a guess that keeps clients honest about parsing).
 */
export function naiveTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(0, 19);
  const millis = iso.slice(20, 23);
  return millis === '000' ? seconds : `${seconds}.${millis}000`;
}
