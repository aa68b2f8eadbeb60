// Shared by the kit's money tests against the real sandbox (resources/*.sandbox.test.ts).
import { startSandbox } from '@dots-flow/sandbox';
import type { Sandbox } from '@dots-flow/sandbox';
import { afterAll, beforeAll, expect } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import type { DotsClient } from '../createDotsClient.js';
import { DotsApiError } from '../DotsApiError.js';

/** A white-label user's required fields, as `POST /v2/users` takes them. */
export const BOB = {
  first_name: 'Bob',
  last_name: 'Loblaw',
  email: 'bob@example.com',
  country_code: '1',
  phone_number: '4155550100',
};

/** The DotsApiError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function dotsApiFailure(promise: Promise<unknown>): Promise<DotsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DotsApiError);
  return error as DotsApiError;
}

/** A sandbox with `appBalance` cents in the app wallet and a client for it, for the file's tests. */
export function moneySandbox(credentials: { clientId: string; apiKey: string }, appBalance: number) {
  const state = {} as { sandbox: Sandbox; dots: DotsClient };
  beforeAll(async () => {
    state.sandbox = await startSandbox({ port: 0, ...credentials, appBalance });
    state.dots = createDotsClient({ ...credentials, baseUrl: state.sandbox.url });
  });
  afterAll(() => state.sandbox.close());
  return state;
}
