import { parseArgs } from 'node:util';
import type { SandboxOptions } from './startSandbox.js';

export interface CliSettings {
  options: SandboxOptions;
  demo: boolean;
  help: boolean;
}

export const CLI_USAGE = `Usage: dots-sandbox [options]

A local Dots: flows API, clickable flow pages, signed webhooks.

Options (environment variable in brackets):
  --port <n>              port to listen on, 0 for any free port (DOTS_SANDBOX_PORT, default 4010)
  --host <host>           interface to listen on (DOTS_SANDBOX_HOST, default 127.0.0.1)
  --client-id <id>        HTTP Basic user (DOTS_SANDBOX_CLIENT_ID, default sandbox_client)
  --api-key <key>         HTTP Basic password (DOTS_SANDBOX_API_KEY, default sandbox_key)
  --webhook-url <url>     where to POST signed flow.updated webhooks (DOTS_SANDBOX_WEBHOOK_URL)
  --webhook-secret <s>    whsec_… signing secret (DOTS_SANDBOX_WEBHOOK_SECRET)
  --demo                  create a demo flow with every step and print where to click through it
  -h, --help              show this help
`;

/** Reads the command line and environment; flags win over environment variables. Throws on bad input. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): CliSettings {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'api-key': { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const pick = (flag: string | undefined, name: string) => {
    const value = flag ?? env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const options: SandboxOptions = {};
  const port = pick(values.port, 'DOTS_SANDBOX_PORT');
  if (port !== undefined) {
    if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
      throw new Error(`--port must be a number from 0 to 65535; got "${port}".`);
    }
    options.port = Number(port);
  }
  const strings = [
    ['host', values.host, 'DOTS_SANDBOX_HOST'],
    ['clientId', values['client-id'], 'DOTS_SANDBOX_CLIENT_ID'],
    ['apiKey', values['api-key'], 'DOTS_SANDBOX_API_KEY'],
    ['webhookUrl', values['webhook-url'], 'DOTS_SANDBOX_WEBHOOK_URL'],
    ['webhookSecret', values['webhook-secret'], 'DOTS_SANDBOX_WEBHOOK_SECRET'],
  ] as const;
  for (const [key, flag, name] of strings) {
    const value = pick(flag, name);
    if (value !== undefined) options[key] = value;
  }
  return { options, demo: values.demo, help: values.help };
}
