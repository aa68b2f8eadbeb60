// Starts the real sandbox (and a second, untrusted origin) on loopback for the browser tests.
import type { TestProject } from 'vitest/node';
import { startSandbox } from '@dots-flow/sandbox';
import { startForeignOrigin } from './foreignOrigin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the running sandbox, e.g. http://127.0.0.1:41234 */
    sandboxUrl: string;
    sandboxClientId: string;
    sandboxApiKey: string;
    /** An unrelated origin serving /post.html, which posts `?message=` (JSON) to its parent. */
    foreignUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const clientId = 'test_client';
  const apiKey = 'test_key';
  const sandbox = await startSandbox({ port: 0, clientId, apiKey });
  const foreign = await startForeignOrigin();
  project.provide('sandboxUrl', sandbox.url);
  project.provide('sandboxClientId', clientId);
  project.provide('sandboxApiKey', apiKey);
  project.provide('foreignUrl', foreign.url);
  return async () => {
    await Promise.all([sandbox.close(), foreign.close()]);
  };
}
