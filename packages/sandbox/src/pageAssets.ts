import { readFile } from 'node:fs/promises';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** The files of `page/` the sandbox serves under `/flow/<name>`; nothing else in the folder is reachable. */
export const PAGE_FILES = [
  'flow.html',
  'flow.css',
  'flow.js',
  'flowBackends.js',
  'flowStyles.js',
  'formControls.js',
  'payoutForms.js',
  'stepForms.js',
  'stepOptions.js',
  'stepRules.js',
  'frameMessages.js',
  'demo.html',
  'demo.js',
] as const;

export interface PageAsset {
  body: string;
  type: string;
}

/** Reads the page folder once at start-up (it sits beside `src/` and `dist/` in the package). */
export async function loadPageAssets(): Promise<Map<string, PageAsset>> {
  const folder = new URL('../page/', import.meta.url);
  const entries = await Promise.all(
    PAGE_FILES.map(async (name) => {
      const body = await readFile(new URL(name, folder), 'utf8');
      return [name, { body, type: TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' }] as const;
    }),
  );
  return new Map(entries);
}
