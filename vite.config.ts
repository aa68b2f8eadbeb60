import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { dotsTestBackend } from './scripts/testBackend.js';
import { readmeSnippets } from './scripts/readme/readmeSnippetsPlugin.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Never let Playwright fetch a browser: every launcher points at the system Chromium.
const browser = {
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromium } }),
  instances: [{ browser: 'chromium' as const }],
  // Smaller than Playwright's window, so Vitest never scales the test frame: clicks inside nested
  // cross-origin frames land where the element is.
  viewport: { width: 1000, height: 640 },
};

export default defineConfig({
  // readmeSnippets: `import('readme-snippet:<file>:<n>')` gives a README snippet as a module, for its tests.
  plugins: [react(), readmeSnippets()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/{core,server,sandbox}/src/**/*.test.ts',
            'examples/*/{src,server}/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/src/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.*', '**/node_modules/**', 'examples/next-app/**'],
          // Every sandbox response in these tests is checked against the contract schemas.
          setupFiles: ['./packages/sandbox/src/test-support/contractHarness.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          setupFiles: ['./scripts/vitest-jsdom-setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [dotsTestBackend()],
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.{ts,tsx}', 'scripts/**/*.browser.test.{ts,tsx}'],
          globalSetup: ['./scripts/vitest-sandbox-setup.ts'],
          browser,
          // A cold cross-origin frame on a busy 2-core machine can take more than the default 1 s to answer.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        // Every story in stories/ runs as a test in real Chromium: its play function, then an axe check.
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        // Own instances: Vitest names each instance object after its project, so sharing one would mislabel runs.
        test: {
          name: 'storybook',
          browser: { ...browser, instances: [{ browser: 'chromium' as const }] },
          // After the other projects: run alongside `browser` (2 cores), that project's first cold
          // cross-origin frame missed its 1 s poll every time.
          sequence: { groupOrder: 1 },
        },
      },
      {
        // `next build`s (the example, and fixtures that must fail): last and one file at a time, so they
        // neither slow the other projects' timed tests nor each other.
        extends: true,
        test: {
          name: 'next',
          environment: 'node',
          include: ['examples/next-app/test/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
