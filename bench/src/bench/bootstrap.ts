import { median } from './stats.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same interval on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resample(values: readonly number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)]!);
}

/**
 * A percentile-bootstrap confidence interval for `median(a) / median(b)`: how far the ratio could move
 * if the runs were repeated. Both samples are resampled independently.
 */
export function ratioInterval(
  a: readonly number[],
  b: readonly number[],
  { confidence = 0.95, resamples = 2000, seed = 1 }: { confidence?: number; resamples?: number; seed?: number } = {},
): { low: number; high: number } {
  if (a.length === 0 || b.length === 0) throw new Error('ratioInterval of no values');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  const random = seededRandom(seed);
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i += 1) ratios.push(median(resample(a, random)) / median(resample(b, random)));
  ratios.sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(q * ratios.length)))]!;
  return { low: at(tail), high: at(1 - tail) };
}
