import type { Decorator, Preview } from '@storybook/react-vite';
import { startBackend } from '../stories/support/backend.js';
import type { FlowAppearance } from '@dots-flow/react';
import { StoryProvider, type EndpointParameter } from '../stories/support/StoryProvider.js';

const THEMES = {
  light: { colorScheme: 'light', background: '#ffffff', color: '#0f172a' },
  dark: { colorScheme: 'dark', background: '#0f172a', color: '#e2e8f0' },
} as const;

/** A host page in the chosen colour scheme (toolbar, or `globals: { theme: 'dark' }` on a story). */
const withTheme: Decorator = (Story, { globals }) => (
  <div
    data-theme={globals.theme === 'dark' ? 'dark' : 'light'}
    style={{
      ...THEMES[globals.theme === 'dark' ? 'dark' : 'light'],
      padding: 16,
      borderRadius: 8,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      lineHeight: 1.5,
    }}
  >
    <Story />
  </div>
);

/**
 * Every story runs in a DotsProvider backed by MSW; `parameters.dots.endpoint` picks the backend's behaviour and
 * `parameters.dots.appearance` the provider's appearance.
 */
const withDots: Decorator = (Story, { parameters }) => {
  const dots = parameters.dots as { endpoint?: EndpointParameter; appearance?: FlowAppearance } | undefined;
  return (
    <StoryProvider endpoint={dots?.endpoint} appearance={dots?.appearance}>
      <Story />
    </StoryProvider>
  );
};

const preview: Preview = {
  decorators: [withDots, withTheme],
  loaders: [
    async () => {
      await startBackend();
      return {};
    },
  ],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the host page',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'padded',
    // Every story gets an axe check that fails the test on any violation. The sandbox page inside the
    // iframes stands in for Dots and is not ours to audit.
    a11y: { test: 'error', options: { iframes: false } },
    controls: { expanded: true },
  },
};

export default preview;
