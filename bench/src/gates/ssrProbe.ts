// The script the SSR gate runs in a fresh Node process. Browser globals and timers are watched before anything
// is imported, so what happens at import time counts as much as what happens during the render.

/** Globals a browser has and Node 20 has not. Reading any of them from our code means it is not SSR-safe. */
export const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'self',
];

export interface SsrProbeResult {
  html: string;
  /** Every read of a trapped global, with the stack that made it. */
  touched: { name: string; stack: string }[];
  /** Timers still pending once the render is over: they pin memory and keep the process alive. */
  pendingTimers: { ms: number; stack: string }[];
  /** The traps catch a read (checked by reading `window` once on purpose, then forgetting that read). */
  trapWorks: boolean;
  windowType: string;
}

/** ES module source for `node --input-type=module -e`, run with the packed packages' folder as cwd. */
export const SSR_PROBE_SCRIPT = `
Error.stackTraceLimit = 40;
const stackHere = () => new Error().stack.split('\\n').slice(3, 19).join('\\n');
const touched = [];
for (const name of ${JSON.stringify(BROWSER_GLOBALS)}) {
  if (name in globalThis) throw new Error('this Node already defines ' + name + '; the probe needs it undefined');
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      touched.push({ name, stack: stackHere() });
      return undefined;
    },
  });
}
const trapWorks = (() => { const before = touched.length; void globalThis.window; const ok = touched.length === before + 1; touched.length = before; return ok; })();

const timers = new Map();
const { setTimeout: realSet, clearTimeout: realClear } = globalThis;
globalThis.setTimeout = (fn, ms, ...args) => {
  const handle = realSet((...a) => { timers.delete(handle); fn(...a); }, ms, ...args);
  timers.set(handle, { ms: Number(ms) || 0, stack: stackHere() });
  return handle;
};
globalThis.clearTimeout = (handle) => { timers.delete(handle); realClear(handle); };

const { createElement: h } = await import('react');
const { renderToString } = await import('react-dom/server');
const { DotsProvider, DotsFlow } = await import('@dots-flow/react');
const html = renderToString(
  h(DotsProvider, { flowEndpoint: '/api/dots/flows', environment: 'sandbox' },
    h(DotsFlow, { steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }], title: 'Payouts' })),
);
const windowType = typeof window;
await new Promise((resolve) => setImmediate(resolve));
const pendingTimers = [...timers.values()];
process.stdout.write(JSON.stringify({ html, touched, pendingTimers, trapWorks, windowType }), () => process.exit(0));
`;
