import { describe, expect, it } from 'vitest';
import type { MountTiming } from './benchApi.js';
import { mountPhases } from './mountPhases.js';

const run = (requestSentMs: number, requestAnsweredMs: number, frameInsertedMs: number, ms: number): MountTiming => ({
  ms,
  requestSentMs,
  requestAnsweredMs,
  frameInsertedMs,
});

describe('mountPhases', () => {
  it('takes the median of each phase over the runs', () => {
    const phases = mountPhases([run(2, 152, 155, 700), run(4, 164, 170, 760), run(3, 153, 155, 900)]);
    expect(phases).toEqual({ toRequest: 3, request: 150, toFrame: 3, frame: 590 });
  });

  it('times a mount that made no request (a prefetched flow) from the render to the frame', () => {
    const prefetched: MountTiming[] = [
      { ms: 600, requestSentMs: null, requestAnsweredMs: null, frameInsertedMs: 4 },
      { ms: 640, requestSentMs: null, requestAnsweredMs: null, frameInsertedMs: 6 },
    ];
    expect(mountPhases(prefetched)).toEqual({ toRequest: null, request: null, toFrame: 5, frame: 615 });
  });

  it('refuses a mix of runs with and without the request, and no runs at all', () => {
    const mixed = [
      run(2, 152, 155, 700),
      { ms: 600, requestSentMs: null, requestAnsweredMs: null, frameInsertedMs: 4 },
    ];
    expect(() => mountPhases(mixed)).toThrow(/some runs/);
    expect(() => mountPhases([])).toThrow(/no values/);
  });
});
