import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** Every ```ts block of the package README, in order. */
export function readmeSnippets(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

/** The one README block containing `marker`. */
export function readmeSnippet(marker: string): string {
  const found = readmeSnippets().filter((snippet) => snippet.includes(marker));
  if (found.length !== 1)
    throw new Error(`expected one README ts block with ${JSON.stringify(marker)}, found ${found.length}`);
  return found[0] as string;
}

// What the README's snippets use without defining: the host's own app, session and variables.
const PRELUDE = `
import type { DotsClient, NodeHandler, WebHandler } from '@dots-flow/server';
import type * as NodeHttp from 'node:http';
declare global {
  const dots: DotsClient;
  const handler: WebHandler;
  const webhooks: WebHandler;
  const dotsUserId: string;
  const signal: AbortSignal;
  const rawBody: string;
  const request: Request;
  const secret: string;
  const flow_id: string;
  const http: typeof NodeHttp;
  // Hono and Express apps alike: the snippets only mount handlers on them.
  type HonoHandler = (c: { req: { raw: Request } }) => unknown;
  const app: {
    all(path: string, h: HonoHandler): void;
    post(path: string, h: HonoHandler): void;
    post(path: string, h: NodeHandler): void;
    use(path: string, h: NodeHandler): void;
  };
  function getSessionUser(request: Request): Promise<{ id: string; dotsUserId?: string | null } | null>;
  function saveDotsUserId(hostUserId: string, dotsUserId: string): Promise<void>;
  /** Resolves once the host's webhook handler saw the user finish the flow (the payment recipes). */
  function userFinishedFlow(flowId: string): Promise<void>;
  const codeTheUserTyped: string;
}
export {};
`;

/** Type-checks every README block as its own module against the built package; returns the diagnostics. */
export function typecheckReadme(): string[] {
  const dir = new URL('../../', import.meta.url).pathname;
  const files = new Map<string, string>([[`${dir}readme-prelude.d.ts`, PRELUDE]]);
  readmeSnippets().forEach((snippet, index) => files.set(`${dir}readme-${index}.ts`, `${snippet}\nexport {};\n`));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (diagnostic) =>
        `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
    );
}

/**
 * Runs a README block: TypeScript stripped, its imports of `@dots-flow/server` bound to `server`, the
 * names it uses without defining them bound to `globals`. Resolves with what it exports.
 */
export async function runReadmeSnippet(
  snippet: string,
  server: Record<string, unknown>,
  globals: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(snippet, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: Record<string, unknown> = {};
  const require = (name: string) => {
    if (name === '@dots-flow/server') return server;
    throw new Error(`the README snippet imports ${name}`);
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const names = Object.keys(globals);
  await new AsyncFunction('require', 'exports', ...names, js)(require, exports, ...names.map((name) => globals[name]));
  return exports;
}
