import { StrictMode, type ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { DotsProvider } from '../DotsProvider.js';
import { ENDPOINT, resetBackend, server } from './backend.js';

export function setupMswBackend() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    resetBackend();
  });
  afterAll(() => server.close());
}

export function wrapper(options: { strict?: boolean; queryClient?: QueryClient } = {}) {
  const queryClient = options.queryClient ?? new QueryClient();
  return function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <DotsProvider flowEndpoint={ENDPOINT} environment="sandbox" queryClient={queryClient}>
        {children}
      </DotsProvider>
    );
    return options.strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
}
