// Proves which React the real-Chromium project runs on: the pinned version (19 in `browser`, 18 in
// `browser-react18`), one react-dom renderer on the page, and one React behind every library that uses hooks.
import { expect, inject, it } from 'vitest';

interface Renderer {
  version: string;
  rendererPackageName: string;
}

it('runs one React, the pinned one, behind react-dom, TanStack Query and dots-flow', async () => {
  // React's DevTools hook: every react-dom copy registers its renderer here when it loads. Installed before any
  // React module of this page loads, hence the dynamic imports below.
  const renderers: Renderer[] = [];
  Object.assign(globalThis, {
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      inject: (renderer: Renderer) => renderers.push(renderer),
      onCommitFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    },
  });
  const React = await import('react');
  const ReactDOM = await import('react-dom');
  const { render } = await import('vitest-browser-react');
  const { QueryClient, QueryClientProvider, useQueryClient } = await import('@tanstack/react-query');
  const { DotsFlow, DotsProvider } = await import('./index.js');

  expect(React.version).toBe(inject('reactVersion'));
  expect(ReactDOM.version).toBe(React.version);

  // A hook from a second copy of React throws "Invalid hook call" when another copy's react-dom renders it.
  function Probe() {
    const id = React.useId();
    const client = useQueryClient();
    return <p data-testid="probe">{`${id.length > 0} ${client instanceof QueryClient}`}</p>;
  }
  const queryClient = new QueryClient();
  const screen = await render(
    <QueryClientProvider client={queryClient}>
      <DotsProvider createFlow={() => new Promise(() => {})} environment="sandbox" queryClient={queryClient}>
        <Probe />
        <DotsFlow steps={['payout']} />
      </DotsProvider>
    </QueryClientProvider>,
  );
  await expect.element(screen.getByTestId('probe')).toHaveTextContent('true true');
  await expect.element(screen.getByText('Loading…')).toBeVisible();
  expect(renderers.map(({ rendererPackageName, version }) => `${rendererPackageName}@${version}`)).toEqual([
    `react-dom@${React.version}`,
  ]);
  await screen.unmount();
});
