// Starts the real sandbox (and a second, untrusted origin) on loopback for the browser tests.
import type { TestProject } from 'vitest/node';
import type {} from './vitest-provided.js';
import { startSandbox } from '@dots-flow/sandbox';
import { startForeignOrigin } from './foreignOrigin.js';

export default async function setup(project: TestProject) {
  const clientId = 'test_client';
  const apiKey = 'test_key';
  const sandbox = await startSandbox({ port: 0, clientId, apiKey });
  const foreign = await startForeignOrigin();
  project.provide('sandboxUrl', sandbox.url);
  project.provide('sandboxClientId', clientId);
  project.provide('sandboxApiKey', apiKey);
  project.provide('foreignUrl', foreign.url);
  // For the test backend plugin, which runs in this same process (scripts/testBackend.ts).
  process.env.DOTS_SANDBOX_URL = sandbox.url;
  process.env.DOTS_SANDBOX_CLIENT_ID = clientId;
  process.env.DOTS_SANDBOX_API_KEY = apiKey;
  return async () => {
    await Promise.all([sandbox.close(), foreign.close()]);
  };
}
