import { describe, expect, it } from 'vitest';
import { naiveTimestamp } from './naiveTimestamp.js';

describe('naiveTimestamp', () => {
  it.each([
    ['2024-07-11T21:10:30.846Z', '2024-07-11T21:10:30.846000'],
    ['2024-07-11T21:10:30.001Z', '2024-07-11T21:10:30.001000'],
    ['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00'],
  ])('prints %s as Dots does: UTC, no zone, microseconds (%s)', (iso, expected) => {
    expect(naiveTimestamp(Date.parse(iso))).toBe(expected);
  });
});
