import { describe, expect, it } from 'vitest';
import { runClosedLoop } from './runClosedLoop.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runClosedLoop', () => {
  it('keeps exactly `concurrency` requests in flight and counts only the measured window', async () => {
    let inFlight = 0;
    let most = 0;
    let sent = 0;
    const result = await runClosedLoop({
      concurrency: 5,
      warmUpMs: 100,
      durationMs: 500,
      request: async () => {
        sent += 1;
        inFlight += 1;
        most = Math.max(most, inFlight);
        await sleep(20);
        inFlight -= 1;
      },
    });
    expect(most).toBe(5);
    // 5 clients × 500 ms / ≥ 20 ms each is at most 125 counted; the warm-up's are sent but not counted.
    expect(result.completed).toBeGreaterThan(10);
    expect(result.completed).toBeLessThanOrEqual(125);
    expect(sent).toBeGreaterThan(result.completed);
    expect(result.latenciesMs).toHaveLength(result.completed);
    expect(Math.min(...result.latenciesMs)).toBeGreaterThanOrEqual(19);
    expect(result.elapsedMs).toBe(500);
  });

  it('fails the run when a request fails', async () => {
    await expect(
      runClosedLoop({
        concurrency: 2,
        durationMs: 50,
        request: async () => {
          throw new Error('503');
        },
      }),
    ).rejects.toThrow('503');
  });

  it('refuses a concurrency below 1 or a window that is not positive', async () => {
    const request = async () => undefined;
    await expect(runClosedLoop({ concurrency: 0, durationMs: 10, request })).rejects.toThrow(RangeError);
    await expect(runClosedLoop({ concurrency: 1.5, durationMs: 10, request })).rejects.toThrow(RangeError);
    await expect(runClosedLoop({ concurrency: 1, durationMs: 0, request })).rejects.toThrow(RangeError);
  });
});
