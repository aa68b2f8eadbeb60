// Proves which React the jsdom project runs on: the pinned version (19 in `jsdom`, 18 in `jsdom-react18`), one
// copy of React and one of react-dom in the whole process, shared by every library that renders or uses hooks.
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { afterEach, expect, inject, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { DotsFlow } from './DotsFlow.js';
import { DotsProvider } from './DotsProvider.js';

afterEach(() => cleanup());

/** Files Node has loaded as CommonJS, which is how React and react-dom load here. */
function loadedCommonJsFiles(): string[] {
  // The package is typed without Node; this test runs in Node (jsdom is only the DOM).
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const { createRequire } = node!.getBuiltinModule!('node:module') as {
    createRequire: (from: string) => { cache: Record<string, unknown> };
  };
  return Object.keys(createRequire(import.meta.url).cache);
}

it('runs on the pinned React, with react-dom of the same version', () => {
  expect(React.version).toBe(inject('reactVersion'));
  expect(ReactDOM.version).toBe(React.version);
});

it('has loaded exactly one copy of React and one of react-dom, both the pinned version', () => {
  const version = inject('reactVersion');
  const entries = loadedCommonJsFiles().filter((file) =>
    /[\\/]node_modules[\\/]react(-dom)?[\\/]index\.js$/.test(file),
  );
  expect(entries).toHaveLength(2);
  expect(entries.find((file) => /[\\/]react[\\/]index\.js$/.test(file))).toContain(`react@${version}`);
  expect(entries.find((file) => /[\\/]react-dom[\\/]index\.js$/.test(file))).toContain(`react-dom@${version}`);
});

it("renders hooks of this file's React, TanStack Query's and dots-flow's in one tree (two copies would throw)", () => {
  function Probe() {
    const id = React.useId();
    const client = useQueryClient();
    return <p data-testid="probe">{`${id.length > 0} ${client instanceof QueryClient}`}</p>;
  }
  const queryClient = new QueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <DotsProvider createFlow={() => new Promise(() => {})} environment="sandbox" queryClient={queryClient}>
        <Probe />
        <DotsFlow steps={['payout']} />
      </DotsProvider>
    </QueryClientProvider>,
  );
  expect(screen.getByTestId('probe')).toHaveTextContent('true true');
  expect(screen.getByRole('status')).toHaveTextContent('Loading…');
});
