import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs.js';

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

  it('refuses a bad port from the environment', () => {
    expect(() => parseCliArgs([], { DOTS_SANDBOX_PORT: '80a' })).toThrow(/--port/);
  });
});
