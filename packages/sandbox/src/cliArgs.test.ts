import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs.js';
import { startSandbox } from './startSandbox.js';
import { callApi, createUser, walletOf } from './test-support/moneyApi.js';

describe('parseCliArgs', () => {
  it('reads every flag', () => {
    const settings = parseCliArgs(
      [
        '--port=0',
        '--host',
        '0.0.0.0',
        '--client-id',
        'id',
        '--api-key',
        'key',
        '--webhook-url',
        'http://127.0.0.1:9/hooks',
        '--webhook-secret',
        'whsec_YQ==',
        '--strict',
        '--demo',
      ],
      {},
    );
    expect(settings).toEqual({
      demo: true,
      help: false,
      options: {
        strict: true,
        demo: true,
        port: 0,
        host: '0.0.0.0',
        clientId: 'id',
        apiKey: 'key',
        webhookUrl: 'http://127.0.0.1:9/hooks',
        webhookSecret: 'whsec_YQ==',
      },
    });
  });

  it('falls back to environment variables, flags winning', () => {
    const env = { DOTS_SANDBOX_PORT: '5000', DOTS_SANDBOX_API_KEY: 'env-key', DOTS_SANDBOX_WEBHOOK_URL: '' };
    expect(parseCliArgs(['--api-key', 'flag-key'], env).options).toEqual({ port: 5000, apiKey: 'flag-key' });
  });

  it('turns strict mode on from DOTS_SANDBOX_STRICT, and refuses an unclear value', () => {
    expect(parseCliArgs([], { DOTS_SANDBOX_STRICT: '1' }).options).toEqual({ strict: true });
    expect(parseCliArgs([], { DOTS_SANDBOX_STRICT: 'true' }).options).toEqual({ strict: true });
    expect(parseCliArgs([], { DOTS_SANDBOX_STRICT: '0' }).options).toEqual({});
    expect(() => parseCliArgs([], { DOTS_SANDBOX_STRICT: 'yes please' })).toThrow(/DOTS_SANDBOX_STRICT/);
  });

  it('uses defaults when nothing is given', () => {
    expect(parseCliArgs([], {})).toEqual({ options: {}, demo: false, help: false });
    expect(parseCliArgs(['-h'], {}).help).toBe(true);
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port=1.5'], ['--nope'], ['extra']])(
    'refuses %j',
    (...argv) => {
      expect(() => parseCliArgs(argv, {})).toThrow();
    },
  );

  it('reads --app-balance in cents, from the flag or DOTS_SANDBOX_APP_BALANCE', () => {
    expect(parseCliArgs(['--app-balance', '250000'], {}).options).toEqual({ appBalance: 250000 });
    expect(parseCliArgs(['--app-balance=0'], {}).options).toEqual({ appBalance: 0 });
    expect(parseCliArgs([], { DOTS_SANDBOX_APP_BALANCE: '700' }).options).toEqual({ appBalance: 700 });
    expect(parseCliArgs(['--app-balance', '5'], { DOTS_SANDBOX_APP_BALANCE: '700' }).options).toEqual({
      appBalance: 5,
    });
  });

  it.each(['10.50', '1e6', 'abc', '$100', ' 100', '1234567890123456', '0x10'])(
    'refuses --app-balance %j, saying it takes cents',
    (value) => {
      expect(() => parseCliArgs(['--app-balance', value], {})).toThrow(/--app-balance must be a whole number of cents/);
      expect(() => parseCliArgs([], { DOTS_SANDBOX_APP_BALANCE: value })).toThrow(/--app-balance/);
    },
  );

  it('refuses a negative --app-balance', () => {
    expect(() => parseCliArgs(['--app-balance=-5'], {})).toThrow(/--app-balance must be a whole number of cents/);
    expect(() => parseCliArgs([], { DOTS_SANDBOX_APP_BALANCE: '-5' })).toThrow(/--app-balance/);
  });

  it('starts a sandbox whose app wallet holds exactly --app-balance', async () => {
    const sandbox = await startSandbox({ ...parseCliArgs(['--app-balance', '500'], {}).options, port: 0 });
    try {
      const user = await createUser(sandbox.url);
      const over = await callApi(sandbox.url, 'POST', '/transfers', { amount: -501, user_id: user.id });
      expect(over.status).toBe(400);
      expect(((await over.json()) as { error: { code: string } }).error.code).toBe('transaction-insufficient-funds');
      const exact = await callApi(sandbox.url, 'POST', '/transfers', { amount: -500, user_id: user.id });
      expect(exact.status).toBe(200);
      expect(await walletOf(sandbox.url, user.id)).toBe(500);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses a bad port from the environment', () => {
    expect(() => parseCliArgs([], { DOTS_SANDBOX_PORT: '80a' })).toThrow(/--port/);
  });
});
