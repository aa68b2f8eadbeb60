// The default error UI as a person sees it: a short human message per code in every build, "Try again" only where
// a retry can help, and the developer's detail only outside production. Production is the real switch the
// bundles use: every check reads process.env.NODE_ENV when it runs, so stubbing it here is what a production
// build's define does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { DotsFlow } from './DotsFlow.js';
import { answerOnce, makeFlow } from './test/backend.js';
import { setupMswBackend, wrapper } from './test/setup.js';

setupMswBackend();
afterEach(() => vi.unstubAllEnvs());

const hostile = () =>
  HttpResponse.json(makeFlow('flow_x', ['payout'], { link: 'https://my.dots.dev.evil.com/flow/x' }));
const failing = () => HttpResponse.json({ error: { message: 'Dots is down' } }, { status: 502 });

async function alertFor(respond: () => Response) {
  answerOnce(respond);
  render(<DotsFlow steps={['payout']} />, { wrapper: wrapper() });
  return waitFor(() => screen.getByRole('alert'));
}

describe('default error UI in a production build', () => {
  it('an untrusted link: a human message, no code, no retry', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const alert = await alertFor(hostile);
    expect(alert).toHaveTextContent(/^This step cannot be shown\.$/);
    expect(alert).toHaveAttribute('data-dots-flow-error', 'untrusted_link');
    expect(alert.textContent).not.toMatch(/dots-flow|untrusted/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a failing backend: a human message and "Try again", without the backend\'s own words', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const alert = await alertFor(failing);
    expect(alert).toHaveTextContent(/^This step could not load\.Try again$/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});

describe('default error UI in development', () => {
  it("adds the developer's detail under the same human message", async () => {
    const alert = await alertFor(failing);
    expect(alert).toHaveTextContent('This step could not load.');
    expect(alert).toHaveTextContent('answered 502: Dots is down');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });

  it('offers no retry for a refused link, and says why to the developer', async () => {
    const alert = await alertFor(hostile);
    expect(alert).toHaveTextContent('This step cannot be shown.');
    expect(alert).toHaveTextContent('is not trusted');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
