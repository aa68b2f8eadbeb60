import { startBenchBackend, type BenchBackend } from './startBenchBackend.js';
import { startDelayProxy, type DelayProxy } from './startDelayProxy.js';

/** The modelled network: what a Dots API call and one round trip to the flow page's origin cost. */
export const NETWORK = { dotsCallMs: 150, frameRoundTripMs: 50 };

/** A backend whose Dots calls are slow and whose flow links point at a delaying proxy in front of the sandbox. */
export interface ModelledNetwork {
  backend: BenchBackend;
  proxy: DelayProxy;
  /** The origin the flow links point at (the proxy). */
  frameOrigin: string;
  close(): Promise<void>;
}

/** Starts the modelled network over a running sandbox, serving the built page at `pageDir`. */
export async function startModelledNetwork(options: {
  sandboxUrl: string;
  clientId: string;
  apiKey: string;
  pageDir: string;
}): Promise<ModelledNetwork> {
  const { sandboxUrl, clientId, apiKey, pageDir } = options;
  const proxy = await startDelayProxy({
    target: sandboxUrl,
    requestDelayMs: NETWORK.frameRoundTripMs,
    connectDelayMs: NETWORK.frameRoundTripMs,
  });
  // The flow page on another site than the host page (localhost vs 127.0.0.1), as my.dots.dev is to the host.
  const frameOrigin = `http://localhost:${proxy.port}`;
  const backend = await startBenchBackend({
    sandboxUrl,
    clientId,
    apiKey,
    pages: { '/': pageDir },
    dotsLatencyMs: NETWORK.dotsCallMs,
    frameOrigin,
  });
  return {
    backend,
    proxy,
    frameOrigin,
    close: async () => void (await Promise.all([backend.close(), proxy.close()])),
  };
}
