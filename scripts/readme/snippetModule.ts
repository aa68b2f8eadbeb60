// Turns a README snippet into a module: its context's names in front, and for running, its test-only swaps,
// its trailing expression as `default` and its top-level constants exported, so a test can look at them.
import { join } from 'node:path';
import { REPO_DIR, type Snippet } from './extractSnippets.js';
import type { SnippetContext } from './snippetContexts.js';

export const CONTEXT_MODULES = {
  server: join(REPO_DIR, 'scripts', 'readme', 'serverContext.ts'),
  browser: join(REPO_DIR, 'scripts', 'readme', 'browserContext.ts'),
} as const;

function prelude(context: SnippetContext, contextModule: string): string {
  const names = context.uses.map((use) => {
    const [local, field] = use.split(':');
    return field ? `${field}: ${local}` : local;
  });
  return [
    `import { ctx } from ${JSON.stringify(contextModule)};`,
    names.length > 0 ? `const { ${names.join(', ')} } = ctx;` : '',
    '',
  ].join('\n');
}

/** The snippet exactly as written, with its context: what `tsc` checks. */
export function checkedModule(snippet: Snippet, context: SnippetContext, contextModule: string): string {
  return prelude(context, contextModule) + snippet.code;
}

/** The snippet with its test-only swaps, its expression as `default` and its constants exported: what runs. */
export function runnableModule(snippet: Snippet, context: SnippetContext): string {
  let code = snippet.code;
  for (const [text, replacement] of context.runWith ?? []) {
    const count = code.split(text).length - 1;
    if (count !== 1) throw new Error(`${snippet.id}: expected "${text}" once, found it ${count} times.`);
    code = code.replace(text, () => replacement);
  }
  if (context.expression) {
    const lines = code.split('\n');
    const start = lines.findIndex((line) => line.startsWith(context.expression!));
    if (start === -1) throw new Error(`${snippet.id}: no line starts with "${context.expression}".`);
    let end = lines.findIndex((line, index) => index >= start && line.trimEnd().endsWith(';'));
    if (end === -1) end = lines.length - 1;
    const expression = lines
      .slice(start, end + 1)
      .join('\n')
      .trimEnd()
      .replace(/;$/, '');
    code = [...lines.slice(0, start), `export default (${expression});`, ...lines.slice(end + 1)].join('\n');
  }
  const constants = [...code.matchAll(/^const (\w+)/gm)].map((match) => match[1]!);
  const exported = constants.length > 0 ? `\nexport { ${constants.join(', ')} };\n` : '\n';
  return prelude(context, CONTEXT_MODULES[context.env]) + code + exported;
}
