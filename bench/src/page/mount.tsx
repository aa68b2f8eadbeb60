import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

export const TIMEOUT_MS = 10_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Renders `node` into a fresh container; returns its unmount. */
export function mount(node: ReactNode): () => void {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(node);
  return () => {
    root.unmount();
    container.remove();
  };
}

/** `promise`, or a rejection naming `label` after 10 s. */
export function withTimeout<T>(label: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: nothing within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Mounts `render(done)` and resolves with the time of the render call and the milliseconds from it to the first
 * `done()`; unmounts afterwards in every case.
 */
export async function timeToFirstCall(
  label: string,
  render: (done: () => void) => ReactNode,
): Promise<{ start: number; ms: number }> {
  let called!: (ms: number) => void;
  const first = new Promise<number>((resolve) => (called = resolve));
  const start = performance.now();
  const unmount = mount(render(() => called(performance.now() - start)));
  try {
    return { start, ms: await withTimeout(label, first) };
  } finally {
    // Outside the message event that called `done`, as a route change would.
    await sleep(0);
    unmount();
  }
}
