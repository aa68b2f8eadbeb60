// The setup the flow page's Chromium tests share: Chromium, a host page server on another origin, and a sandbox
// that knows KNOWN_USER, started before the file's tests; everything they and the tests register is closed after.
import type { Browser } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox } from '../startSandbox.js';
import { KNOWN_USER } from './http.js';
import { startHostServer } from './hostServers.js';
import { launchChromium } from './flowPageDriver.js';

export interface FlowPageSuite {
  readonly browser: Browser;
  readonly sandbox: Sandbox;
  readonly host: Awaited<ReturnType<typeof startHostServer>>;
  /** Closed after the file's tests, with the suite's own servers: push what a test starts. */
  readonly cleanups: (() => Promise<unknown>)[];
}

/** Registers the file's beforeAll/afterAll; read the suite's parts inside tests. */
export function setUpFlowPageSuite(): FlowPageSuite {
  let parts: Omit<FlowPageSuite, 'cleanups'> | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];
  const started = () => {
    if (!parts) throw new Error('The flow page suite is read before beforeAll started it: read it inside a test.');
    return parts;
  };

  beforeAll(async () => {
    const [browser, host, sandbox] = await Promise.all([
      launchChromium(),
      startHostServer(),
      startSandbox({ port: 0, users: [KNOWN_USER] }),
    ]);
    cleanups.push(() => browser.close(), host.close, sandbox.close);
    parts = { browser, host, sandbox };
  }, 30_000);
  afterAll(() => Promise.all(cleanups.map((cleanup) => cleanup())), 30_000);

  return {
    get browser() {
      return started().browser;
    },
    get sandbox() {
      return started().sandbox;
    },
    get host() {
      return started().host;
    },
    cleanups,
  };
}
