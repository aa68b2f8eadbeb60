// A host page as a user writes it: DotsProvider for Dots' sandbox environment, a DotsFlow whose flow
// comes from the test backend (`/flow?origin=…` answers a real sandbox flow with its link moved to that origin).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DotsFlow, DotsProvider } from '@dots-flow/react';

declare global {
  interface Window {
    __events: unknown[];
  }
}
window.__events = [];
const origin = new URLSearchParams(location.search).get('origin') ?? '';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DotsProvider
      environment="sandbox"
      createFlow={async (request, { signal }) => {
        const response = await fetch(`/flow?origin=${encodeURIComponent(origin)}`, {
          method: 'POST',
          body: JSON.stringify(request),
          signal,
        });
        return response.json();
      }}
    >
      <DotsFlow
        steps={['compliance']}
        title="Tax details"
        onStepComplete={(event) => window.__events.push({ type: 'step', ...event })}
        onComplete={() => window.__events.push({ type: 'complete' })}
        onError={(error) => window.__events.push({ type: 'error', code: error.code })}
      />
    </DotsProvider>
  </StrictMode>,
);
