// The setup every example e2e file shares: the example (backend, pages, sandbox) on a fresh store in a temp folder,
// and Chromium (the system browser), started before the file's tests and closed after them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { startHostApp, type HostApp, type HostAppOptions } from '../server/startHostApp.js';

export interface HostAppInChromium {
  /** The running example (after `restart()`, the new one). */
  readonly app: HostApp;
  readonly browser: Browser;
  /** The example's JSON store (users, Dots user ids, sessions). */
  readonly dataFile: string;
  /** Stops the example and starts it again on the same store, as a deploy or a crash would. */
  restart(): Promise<HostApp>;
}

type Options = Omit<HostAppOptions, 'port' | 'dataFile'>;

/** Registers the file's beforeAll/afterAll; read `app` and `browser` inside tests. */
export function setUpHostAppInChromium(options: Options = {}): HostAppInChromium {
  let app: HostApp | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const start = () => startHostApp({ ...options, port: 0, dataFile: join(dataDir!, 'store.json') });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is read before beforeAll started it: read it inside a test.`);
    return value;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'host-app-e2e-'));
    [app, browser] = await Promise.all([
      start(),
      chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  return {
    get app() {
      return started(app, 'app');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get dataFile() {
      return join(started(dataDir, 'dataFile'), 'store.json');
    },
    async restart() {
      await started(app, 'app').close();
      app = await start();
      return app;
    },
  };
}
