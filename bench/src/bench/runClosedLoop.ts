// A closed-loop load generator: `concurrency` clients, each sending its next request as soon as the last one
// was answered, for a fixed time. Requests still in flight at the deadline are awaited but not counted.

export interface ClosedLoopResult {
  /** Requests answered within the window. */
  completed: number;
  /** Their latencies in milliseconds. */
  latenciesMs: number[];
  /** The measured window in milliseconds. */
  elapsedMs: number;
}

/**
 * Runs `request` from `concurrency` clients for `durationMs` after `warmUpMs` (whose requests are not counted).
 * A failed request fails the whole run: a benchmark must not count errors as throughput.
 */
export async function runClosedLoop(options: {
  concurrency: number;
  durationMs: number;
  warmUpMs?: number;
  request: () => Promise<void>;
}): Promise<ClosedLoopResult> {
  const { concurrency, durationMs, warmUpMs = 0, request } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError('concurrency must be a whole number >= 1');
  if (!(durationMs > 0) || !(warmUpMs >= 0)) throw new RangeError('durationMs must be > 0 and warmUpMs >= 0');
  const started = performance.now();
  const windowStart = started + warmUpMs;
  const deadline = windowStart + durationMs;
  const latenciesMs: number[] = [];
  const client = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      await request();
      const answered = performance.now();
      if (sent >= windowStart && answered <= deadline) latenciesMs.push(answered - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { completed: latenciesMs.length, latenciesMs, elapsedMs: durationMs };
}
