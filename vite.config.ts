import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { dotsTestBackend } from './scripts/testBackend.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Never let Playwright fetch a browser: every launcher points at the system Chromium.
const browser = {
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromium } }),
  instances: [{ browser: 'chromium' as const }],
};

export default defineConfig({
  plugins: [react()],
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
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
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
          include: ['packages/*/src/**/*.browser.test.{ts,tsx}'],
          globalSetup: ['./scripts/vitest-sandbox-setup.ts'],
          browser,
        },
      },
    ],
  },
});
