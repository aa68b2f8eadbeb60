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
  --app-balance <cents>   cents in the app's wallet at start, whole and 0 or more, as every Dots
                          amount is in cents (DOTS_SANDBOX_APP_BALANCE, default 100000000 = $1,000,000)
  --strict                refuse unknown request fields, step options and query parameters
                          instead of ignoring them, to catch typos (DOTS_SANDBOX_STRICT=1)
  --demo                  serve /demo, create a demo flow with every step and print where to click through it
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
      'app-balance': { type: 'string' },
      strict: { type: 'boolean', default: false },
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
  const appBalance = pick(values['app-balance'], 'DOTS_SANDBOX_APP_BALANCE');
  if (appBalance !== undefined) {
    // Digits only: "10.50" or "1e6" would be read as something the user did not mean.
    if (!/^\d{1,15}$/.test(appBalance)) {
      throw new Error(
        `--app-balance must be a whole number of cents, 0 or more (10000 is $100.00); got "${appBalance}".`,
      );
    }
    options.appBalance = Number(appBalance);
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
  const strictEnv = env['DOTS_SANDBOX_STRICT'];
  if (strictEnv !== undefined && strictEnv !== '' && !/^(1|true|0|false)$/.test(strictEnv)) {
    throw new Error(`DOTS_SANDBOX_STRICT must be 1, true, 0 or false; got "${strictEnv}".`);
  }
  if (values.strict || strictEnv === '1' || strictEnv === 'true') options.strict = true;
  if (values.demo) options.demo = true;
  return { options, demo: values.demo, help: values.help };
}
