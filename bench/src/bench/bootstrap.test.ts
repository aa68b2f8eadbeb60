import { describe, expect, it } from 'vitest';
import { ratioInterval, seededRandom } from './bootstrap.js';

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds, and stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    // Roughly uniform: the mean of 1000 draws is near 0.5.
    expect(first.reduce((s, x) => s + x, 0) / first.length).toBeCloseTo(0.5, 1);
  });
});

describe('ratioInterval', () => {
  it('is a single point when neither sample varies', () => {
    expect(ratioInterval([200, 200, 200], [100, 100, 100])).toEqual({ low: 2, high: 2 });
  });

  it('contains the ratio of medians and widens with the spread of the runs', () => {
    const base = Array.from({ length: 30 }, (_, i) => 100 + (i % 10));
    const tight = base.map((x) => x * 1.5);
    const loose = base.map((x, i) => x * 1.5 + (i % 2 === 0 ? 40 : -40));
    const narrow = ratioInterval(tight, base);
    const wide = ratioInterval(loose, base);
    expect(narrow.low).toBeLessThanOrEqual(1.5);
    expect(narrow.high).toBeGreaterThanOrEqual(1.5);
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
  });

  it('gives the same interval for the same seed', () => {
    const a = [5, 9, 7, 6, 8, 12, 4];
    const b = [6, 6, 7, 9, 5, 8, 7];
    expect(ratioInterval(a, b, { seed: 3 })).toEqual(ratioInterval(a, b, { seed: 3 }));
  });

  it('refuses empty samples and a confidence outside (0, 1)', () => {
    expect(() => ratioInterval([], [1])).toThrow(/no values/);
    expect(() => ratioInterval([1], [1], { confidence: 1 })).toThrow(RangeError);
  });
});
