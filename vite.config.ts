import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { dotsTestBackend } from './scripts/testBackend.js';
import { takeContractViolations } from './scripts/vitest-sandbox-setup.js';
import { frameStyle } from './scripts/frameStyleCommand.js';
import { readmeSnippets } from './scripts/readme/readmeSnippetsPlugin.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pinnedReact = (manifest: string): string =>
  JSON.parse(readFileSync(here(manifest), 'utf8')).devDependencies.react;

// Never let Playwright fetch a browser: every launcher points at the system Chromium.
const browser = {
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromium } }),
  instances: [{ browser: 'chromium' as const }],
  // Smaller than Playwright's window, so Vitest never scales the test frame: clicks inside nested
  // cross-origin frames land where the element is.
  viewport: { width: 1000, height: 640 },
  commands: { takeContractViolations, frameStyle },
};

/** The React tests: jsdom (unit, MSW as the backend) and real Chromium against the running sandbox. */
const reactProjects = {
  jsdom: {
    environment: 'jsdom',
    include: ['packages/react/src/**/*.test.{ts,tsx}'],
    exclude: ['**/*.browser.test.*', '**/node_modules/**'],
    setupFiles: [here('./scripts/vitest-jsdom-setup.ts'), here('./scripts/vitest-react-setup.ts')],
    // The real sandbox, for tests that frame flows it created (started in Node: jsdom's URL cannot load its files).
    globalSetup: [here('./scripts/vitest-sandbox-setup.ts')],
  },
  browser: {
    include: ['packages/*/src/**/*.browser.test.{ts,tsx}', 'scripts/**/*.browser.test.{ts,tsx}'],
    setupFiles: [here('./scripts/vitest-react-setup.ts'), here('./scripts/vitest-contract-setup.ts')],
    globalSetup: [here('./scripts/vitest-sandbox-setup.ts')],
    // A cold cross-origin frame on a busy 2-core machine can take more than the default 1 s to answer.
    expect: { poll: { timeout: 10_000 } },
  },
} as const;

/**
 * Both React projects once more on React 18.3. tests/react18 pins React 18 and the libraries that import React
 * (TanStack Query, Testing Library, vitest-browser-react); with that folder as the project root, `resolve.dedupe`
 * makes every import of them — ours, the tests', the libraries' — resolve to that one copy. Without it our sources
 * would get React 19 from packages/react/node_modules (auto-installed peers) beside the libraries' React 18.
 */
function onReact18(name: keyof typeof reactProjects, project: TestProjectInlineConfiguration) {
  return {
    ...project,
    root: here('./tests/react18'),
    resolve: {
      dedupe: ['react', 'react-dom', '@tanstack/react-query', '@testing-library/react', 'vitest-browser-react'],
    },
    test: {
      ...project.test,
      name: `${name}-react18`,
      // Test files are still found from the repository root.
      dir: here('.'),
      provide: { reactVersion: pinnedReact('./tests/react18/package.json') },
    },
  };
}

const jsdom: TestProjectInlineConfiguration = {
  extends: true,
  test: { ...reactProjects.jsdom, name: 'jsdom', provide: { reactVersion: pinnedReact('./package.json') } },
};
const realBrowser: TestProjectInlineConfiguration = {
  extends: true,
  plugins: [dotsTestBackend()],
  test: {
    ...reactProjects.browser,
    name: 'browser',
    browser,
    provide: { reactVersion: pinnedReact('./package.json') },
  },
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
            'tests/dots-origins/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.*', '**/node_modules/**', 'examples/next-app/**'],
          // Every sandbox response in these tests is checked against the contract schemas.
          setupFiles: ['./packages/sandbox/src/test-support/contractHarness.ts'],
        },
      },
      jsdom,
      realBrowser,
      onReact18('jsdom', jsdom),
      onReact18('browser', {
        ...realBrowser,
        test: {
          ...realBrowser.test,
          // Core's browser tests use no React.
          include: ['packages/react/src/**/*.browser.test.{ts,tsx}'],
          // Own instances: Vitest names each instance object after its project, so sharing one would mislabel runs.
          browser: { ...browser, instances: [{ browser: 'chromium' as const }] },
        },
      }),
      {
        // Every story in stories/ runs as a test in real Chromium: its play function, then an axe check.
        extends: true,
        plugins: [storybookTest({ configDir: here('./.storybook') })],
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
