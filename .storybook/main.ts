import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { PluginOption } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The sandbox's flow page as plain files: with its flow in the URL it needs no server (see staticFlowLink).
const sandboxPage = join(dirname(require.resolve('@dots-flow/sandbox/package.json')), 'page');

// Stories import the public package names; they resolve to the sources, so `pnpm storybook` works on a fresh
// clone without a build and edits show up at once.
const alias = [
  { find: /^@dots-flow\/react$/, replacement: join(root, 'packages/react/src/index.ts') },
  { find: /^@dots-flow\/core$/, replacement: join(root, 'packages/core/src/index.ts') },
  { find: /^@dots-flow\/sandbox\/static$/, replacement: join(root, 'packages/sandbox/src/static.ts') },
];

// Root vite.config.ts plugins that misbehave here: d.ts emitters write into storybook-static, and the
// browser tests' backend needs a running sandbox.
const UNWANTED = /^(vite:dts|vite-plugin-dts|unplugin-dts|dots-test-backend)/;

async function withoutUnwanted(plugins: PluginOption[]): Promise<PluginOption[]> {
  const kept: PluginOption[] = [];
  for (const entry of plugins) {
    const plugin = await entry;
    if (Array.isArray(plugin)) kept.push(await withoutUnwanted(plugin));
    else if (plugin && !UNWANTED.test(plugin.name)) kept.push(plugin);
  }
  return kept;
}

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: [
    { from: './public', to: '/' },
    { from: sandboxPage, to: '/dots-sandbox' },
  ],
  // Offline by design: no telemetry, no version or "what's new" checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  async viteFinal(viteConfig) {
    const existing = viteConfig.resolve?.alias;
    const aliases = Array.isArray(existing)
      ? existing
      : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }));
    return {
      ...viteConfig,
      plugins: await withoutUnwanted(viteConfig.plugins ?? []),
      resolve: { ...viteConfig.resolve, alias: [...alias, ...aliases] },
    };
  },
};

export default config;
