import { describe, expect, it } from 'vitest';
import { formatRatio, median, percentile } from './stats.js';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list instead of answering NaN', () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [10, 20, 30, 40];
    expect(percentile(values, 0.25)).toBe(10);
    expect(percentile(values, 0.75)).toBe(30);
    expect(percentile(values, 1)).toBe(40);
    expect(percentile(values, 0)).toBe(10);
  });

  it('refuses an empty list', () => {
    expect(() => percentile([], 0.5)).toThrow(/no values/);
  });
});

describe('formatRatio', () => {
  it('prints two decimals and a times sign', () => {
    expect(formatRatio(1.234)).toBe('1.23×');
    expect(formatRatio(0.5)).toBe('0.50×');
  });
});
