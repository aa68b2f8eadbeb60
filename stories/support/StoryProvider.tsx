import { useState, type ReactNode } from 'react';
import { DotsProvider, type FlowAppearance } from '@dots-flow/react';
import { ENDPOINTS } from './backend.js';

export type EndpointParameter = string | (() => string);

/**
 * The provider every story runs in: flows come from the MSW backend, and the only trusted frame origin is
 * Storybook's own, which serves the sandbox's flow page. Each mount gets its own query cache (and endpoint).
 */
export function StoryProvider({
  endpoint = ENDPOINTS.signedIn,
  appearance,
  children,
}: {
  endpoint?: EndpointParameter;
  appearance?: FlowAppearance;
  children: ReactNode;
}) {
  const [flowEndpoint] = useState(() => (typeof endpoint === 'function' ? endpoint() : endpoint));
  return (
    <DotsProvider
      flowEndpoint={flowEndpoint}
      environment={{ frameOrigins: [window.location.origin] }}
      appearance={appearance}
    >
      {children}
    </DotsProvider>
  );
}
