#!/usr/bin/env node
// The `dots-sandbox` command. A committed file, so installing the workspace can link it before anything is
// built (a bin pointing into dist/ made pnpm warn on every fresh clone); it loads the build when it runs.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error('dots-sandbox is not built yet. Run `pnpm build` at the repository root, then try again.');
    process.exit(1);
  }
  throw error;
});
