// `import('readme-snippet:<file>:<n>')` in any Vitest project gives that README snippet as a runnable module.
import { transformWithOxc, type Plugin } from 'vite';
import { join } from 'node:path';
import { extractSnippets, REPO_DIR } from './extractSnippets.js';
import { SNIPPET_CONTEXTS } from './snippetContexts.js';
import { runnableModule } from './snippetModule.js';

const PREFIX = 'readme-snippet:';

export function readmeSnippets(): Plugin {
  return {
    name: 'readme-snippets',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      // The browser asks with `?import` appended.
      const snippetId = id.slice(PREFIX.length + 1).replace(/\?.*$/, '');
      const file = snippetId.slice(0, snippetId.lastIndexOf(':'));
      const snippet = extractSnippets(file).find((candidate) => candidate.id === snippetId);
      const context = SNIPPET_CONTEXTS[snippetId];
      if (!snippet || !context)
        throw new Error(`No README snippet ${snippetId} (see scripts/readme/snippetContexts.ts).`);
      this.addWatchFile(join(REPO_DIR, file));
      const { code, map } = await transformWithOxc(runnableModule(snippet, context), `${snippetId}.${snippet.lang}`, {
        lang: snippet.lang,
        jsx: { runtime: 'automatic' },
      });
      return { code, map };
    },
  };
}
