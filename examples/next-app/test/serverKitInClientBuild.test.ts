// Importing @dots-flow/server from browser code must fail the BUILD with a message that says what to do, in
// Next (turbopack and webpack) and Vite, instead of building and white-screening at hydration. Tiny fixture
// apps are written and built here; each also imports the kit from server code, which must keep building.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';
import { APP_DIR, nextBuild, type NextBuild } from './nextApp.js';

/** The heart of the message @dots-flow/server's browser entry makes every bundler print. */
const FIX = 'Import it only in server code (a route handler, server action or backend file)';
const FIXTURES = join(APP_DIR, '.fixtures');

async function writeFixture(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(FIXTURES, name);
  await rm(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

const NEXT_APP = {
  'package.json': '{ "private": true }\n',
  'app/layout.jsx': 'export default function Layout({ children }) { return <html><body>{children}</body></html>; }\n',
  // The mistake: a client component importing the server kit.
  'app/page.jsx': [
    "'use client';",
    "import { createDotsClient } from '@dots-flow/server';",
    'export default function Page() { return <p>{typeof createDotsClient}</p>; }',
    '',
  ].join('\n'),
  // Right: a route handler importing it.
  'app/api/flows/route.js': [
    "import { createFlowHandler } from '@dots-flow/server';",
    'export const POST = (request) => createFlowHandler.length + request.method;',
    '',
  ].join('\n'),
};

afterAll(() => rm(FIXTURES, { recursive: true, force: true }));

describe('Next.js 16: a client component importing @dots-flow/server', () => {
  const builds: Record<'turbopack' | 'webpack', NextBuild> = {} as never;

  beforeAll(async () => {
    // One after the other: each build already keeps both cores busy.
    const turbopack = await nextBuild(await writeFixture('next-turbopack', NEXT_APP));
    const webpack = await nextBuild(await writeFixture('next-webpack', NEXT_APP), ['--webpack']);
    Object.assign(builds, { turbopack, webpack });
    console.info(`failing fixture builds: turbopack ${turbopack.ms} ms, webpack ${webpack.ms} ms`);
  }, 240_000);

  it.each(['turbopack', 'webpack'] as const)('fails the %s build, naming the fix and the client file', (bundler) => {
    const { ok, output } = builds[bundler];
    expect(ok, output).toBe(false);
    expect(output).toContain(`Next.js 16.4.6 (${bundler === 'turbopack' ? 'Turbopack' : 'webpack'})`);
    expect(output).toContain("Can't resolve '@dots-flow/server is server-only");
    expect(output).toContain(FIX);
    // The import trace points at the mistake, and only there: the route handler built fine.
    expect(output).toMatch(/app\/page\.jsx/);
    expect(output).not.toMatch(/route\.js/);
  });
});

describe('Vite 8: browser code importing @dots-flow/server', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await writeFixture('vite', {
      'index.html': '<!doctype html><script type="module" src="./main.js"></script>\n',
      'main.js': "import { createDotsClient } from '@dots-flow/server';\nconsole.log(createDotsClient);\n",
      'core.js': "import { STEPS } from '@dots-flow/core';\nconsole.log(STEPS);\n",
    });
  });

  const viteBuild = (input: string, ssr = false) =>
    build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, ...(ssr ? { ssr: input } : { rolldownOptions: { input: join(dir, input) } }) },
    }) as Promise<Rolldown.RolldownOutput | Rolldown.RolldownOutput[]>;

  it('fails the client build, naming the fix', async () => {
    await expect(viteBuild('index.html')).rejects.toThrow(FIX);
  });

  it('still builds the same import for the server (SSR build), and browser code that imports core', async () => {
    await expect(viteBuild('main.js', true)).resolves.toBeTruthy();
    await expect(viteBuild('core.js')).resolves.toBeTruthy();
  });
});
