// The server side's measurements: webhook verification, the flow route, the sandbox's capacity. Each sandbox runs
// in a child process, as a remote Dots would, so the code under test does not share its event loop.
import { runFlowRouteBench } from './flowRouteBench.js';
import type { ServerReport } from './formatServerSections.js';
import { measureSandboxCapacity } from './sandboxCapacity.js';
import { startSandboxProcess } from './startSandboxProcess.js';
import { runWebhookBench } from './webhookBench.js';

export async function runServerBench(options: {
  clientId: string;
  apiKey: string;
  versions: ServerReport['webhooks']['versions'];
  log: (line: string) => void;
}): Promise<ServerReport> {
  const { clientId, apiKey, log } = options;
  const dots = await startSandboxProcess({ clientId, apiKey });
  let webhooks: Omit<ServerReport['webhooks'], 'versions'>;
  let flowRoute: ServerReport['flowRoute'];
  try {
    webhooks = await runWebhookBench({
      sandboxUrl: dots.url,
      clientId,
      apiKey,
      messages: 2000,
      rounds: 5,
      handlerRounds: 3,
      inFlight: 16,
      flowUpdatedMessages: 500,
    });
    log('webhook verification done');
    flowRoute = await runFlowRouteBench({ sandboxUrl: dots.url, clientId, apiKey, requests: 400, warmUp: 50 });
    log('flow route done');
  } finally {
    await dots.close();
  }

  // A fresh sandbox, so its memory figures start from an empty store.
  const fresh = await startSandboxProcess({ clientId, apiKey });
  try {
    const sandbox = await measureSandboxCapacity(fresh, {
      auth: `Basic ${Buffer.from(`${clientId}:${apiKey}`).toString('base64')}`,
      levels: [1, 10, 100],
      durationMs: 3000,
      flows: 4000,
      users: 4000,
    });
    log('sandbox capacity done');
    return { webhooks: { ...webhooks, versions: options.versions }, flowRoute, sandbox };
  } finally {
    await fresh.close();
  }
}
