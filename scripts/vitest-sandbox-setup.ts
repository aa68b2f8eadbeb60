// Starts the real sandbox (and a second, untrusted origin) on loopback for the browser tests. The browser projects
// (React 19 and React 18) share one of each: the test backend (scripts/testBackend.ts) reads the sandbox from this
// process's environment, so two sandboxes would leave one project framing links from the other's origin.
import type { TestProject } from 'vitest/node';
import type {} from './vitest-provided.js';
import { startSandbox } from '@dots-flow/sandbox';
import { startForeignOrigin } from './foreignOrigin.js';

const clientId = 'test_client';
const apiKey = 'test_key';

interface Shared {
  servers: Promise<{
    sandbox: { url: string; close(): Promise<void> };
    foreign: { url: string; close(): Promise<void> };
  }>;
  users: number;
}
// On globalThis: each project may load this file as its own module.
const holder = globalThis as { __dotsBrowserServers?: Shared };

export default async function setup(project: TestProject) {
  const shared = (holder.__dotsBrowserServers ??= {
    servers: Promise.all([startSandbox({ port: 0, clientId, apiKey }), startForeignOrigin()]).then(
      ([sandbox, foreign]) => ({ sandbox, foreign }),
    ),
    users: 0,
  });
  shared.users += 1;
  const { sandbox, foreign } = await shared.servers;
  project.provide('sandboxUrl', sandbox.url);
  project.provide('sandboxClientId', clientId);
  project.provide('sandboxApiKey', apiKey);
  project.provide('foreignUrl', foreign.url);
  // For the test backend plugin, which runs in this same process (scripts/testBackend.ts).
  process.env.DOTS_SANDBOX_URL = sandbox.url;
  process.env.DOTS_SANDBOX_CLIENT_ID = clientId;
  process.env.DOTS_SANDBOX_API_KEY = apiKey;
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    holder.__dotsBrowserServers = undefined;
    await Promise.all([sandbox.close(), foreign.close()]);
  };
}
