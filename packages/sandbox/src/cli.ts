#!/usr/bin/env node
// The `dots-sandbox` command: starts the sandbox and, with --demo, a flow a person can click through.
import { basicAuthHeader } from './basicAuth.js';
import { CLI_USAGE, parseCliArgs } from './cliArgs.js';
import type { CliSettings } from './cliArgs.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { DEMO_METADATA, demoSteps } from './demoRoutes.js';
import { startSandbox } from './startSandbox.js';

async function main(): Promise<void> {
  let settings: CliSettings;
  try {
    settings = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (settings.help) {
    console.log(CLI_USAGE);
    return;
  }
  const { options } = settings;
  const sandbox = await startSandbox({ ...options, log: (line) => console.log(line) });
  const clientId = options.clientId ?? SANDBOX_DEFAULTS.clientId;
  const apiKey = options.apiKey ?? SANDBOX_DEFAULTS.apiKey;
  console.log(`Dots sandbox listening on ${sandbox.url}`);
  console.log(`  API:         ${sandbox.apiUrl}/v2/flows  (Basic auth ${clientId}:${apiKey})`);
  if (options.strict) console.log('  Strict:      unknown fields, step options and query parameters are refused');
  console.log(`  Webhooks:    ${options.webhookUrl ?? 'off (pass --webhook-url)'}`);

  if (settings.demo) {
    const response = await fetch(`${sandbox.url}/api/v2/flows`, {
      method: 'POST',
      headers: { authorization: basicAuthHeader(clientId, apiKey), 'content-type': 'application/json' },
      body: JSON.stringify({ steps: demoSteps(sandbox.url), metadata: DEMO_METADATA }),
    });
    const flow = (await response.json()) as { link: string };
    console.log(`\nClick through a flow with every step (forms are pre-filled; the code is 123456):`);
    console.log(`  ${sandbox.url}/demo      a host page that frames a fresh flow and shows each message it receives`);
    console.log(`  ${flow.link}  the flow page alone`);
  }
  console.log('\nPress Ctrl+C to stop.');

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
