// The TypeScript snippets of the READMEs users read first, as they are written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_DIR = join(import.meta.dirname, '..', '..');

export interface Snippet {
  /** `<file>:<n>`: the n-th ts/tsx block of that README (1-based). No `#`: the id is also a module specifier. */
  id: string;
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: 'ts' | 'tsx';
  code: string;
}

/** The root README and every package's README, relative to the repository. */
export function readmeFiles(): string[] {
  const packages = readdirSync(join(REPO_DIR, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/README.md`)
    .filter((file) => {
      try {
        readFileSync(join(REPO_DIR, file));
        return true;
      } catch {
        return false;
      }
    });
  return ['README.md', ...packages.sort()];
}

/** Every ```ts and ```tsx block of `file`. */
export function extractSnippets(file: string): Snippet[] {
  const text = readFileSync(join(REPO_DIR, file), 'utf8');
  const snippets: Snippet[] = [];
  for (const match of text.matchAll(/^```(ts|tsx)\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, match.index).split('\n').length;
    snippets.push({
      id: `${file}:${snippets.length + 1}`,
      file,
      line,
      lang: match[1] as 'ts' | 'tsx',
      code: match[2]!,
    });
  }
  return snippets;
}

export function allSnippets(): Snippet[] {
  return readmeFiles().flatMap(extractSnippets);
}
