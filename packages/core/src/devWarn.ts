// core is typed without Node's globals (nothing Node-only may slip in); bundlers replace this one.

/**
 * The default `warn` of a flow session: `console.warn` outside production builds, silence in them.
 * Checked at call time, never at import time.
 */
export function devWarn(message: string, detail?: unknown): void {
  try {
    if (process.env.NODE_ENV !== 'production') {
      console.warn(`[dots-flow] ${message}`, ...(detail === undefined ? [] : [detail]));
    }
  } catch {
    // A process shim without env must not break the session.
  }
}
