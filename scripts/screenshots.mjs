// `pnpm screenshots`: the README's pictures, taken from the real thing so they stay true. Builds what it
// needs, starts the example host app against the sandbox, walks a new user to the tax form, builds
// Storybook, and shoots each in Chromium (playwright-core, the system browser), light and dark.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { quietly } from './workspace.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'images');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCHEMES = ['light', 'dark'];
// Small on purpose: 1x pixels, only the part of the page that tells the story.
const VIEWPORT = { width: 880, height: 720 };

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A static file server for the built Storybook, on a free loopback port. */
async function serveStatic(folder) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(folder, path);
    if (!file.startsWith(folder + sep) && file !== folder) return res.writeHead(403).end();
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function shoot(page, name, clip) {
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, clip, animations: 'disabled', caret: 'hide' });
  console.log(`  docs/images/${name}.png  ${Math.round((await stat(path)).size / 1024)} KB`);
}

/** The example at the moment that shows most: phone verified, the stepper at 50%, the tax form in the frame. */
async function exampleShots(browser) {
  const data = await mkdtemp(join(tmpdir(), 'dots-flow-shots-'));
  const { startHostApp } = await import(
    pathToFileURL(join(root, 'examples/host-app/dist/server/startHostApp.js')).href
  );
  const app = await startHostApp({ port: 0, hmr: false, dataFile: join(data, 'store.json') });
  try {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport: VIEWPORT, colorScheme });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(`${app.url}/signup`);
      await page.getByLabel('Your name').fill('Ada Lovelace');
      await page.getByLabel('Email').fill(`ada.${colorScheme}@example.com`);
      await page.getByLabel('Password').fill('analytical-engine');
      await page.getByRole('button', { name: 'Create account' }).click();
      const frame = page.frameLocator('iframe');
      await frame.getByRole('button', { name: 'Send code' }).click();
      await frame.getByRole('button', { name: 'Verify' }).click();
      await frame.getByRole('heading', { name: 'Tax information' }).waitFor();
      await page.getByRole('progressbar').and(page.locator('[aria-valuenow="50"]')).waitFor();
      await page.waitForTimeout(300); // the frame's last height message
      const bottom = await page.locator('.flow').evaluate((el) => el.getBoundingClientRect().bottom);
      const height = Math.min(VIEWPORT.height, Math.ceil(bottom) + 24);
      await shoot(page, `example-signup-${colorScheme}`, { x: 0, y: 0, width: VIEWPORT.width, height });
      await context.close();
    }
  } finally {
    await app.close();
    await rm(data, { recursive: true, force: true });
  }
}

/** Key stories, as Storybook renders them (the story's own theme switch for dark). */
async function storyShots(browser) {
  const site = await serveStatic(join(root, 'storybook-static'));
  try {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport: { width: 720, height: 600 }, colorScheme });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(
        `${site.url}/iframe.html?id=components-dotsflow--multi-step&viewMode=story&globals=theme:${colorScheme}`,
      );
      const frame = page.frameLocator('iframe[title="Dots payout flow"]');
      await frame.getByRole('heading', { name: 'Verify your phone' }).waitFor();
      await page.waitForTimeout(300);
      const box = await page.locator('#storybook-root > *').first().boundingBox();
      await shoot(page, `story-multi-step-${colorScheme}`, {
        x: 0,
        y: 0,
        width: 720,
        height: Math.min(600, Math.ceil(box.y + box.height + 16)),
      });
      await context.close();
    }
  } finally {
    await site.close();
  }
}

console.log('Building the packages, the example and Storybook…');
quietly('Building the packages', 'pnpm', ['--filter', '@dots-flow/example-host-app^...', 'run', 'build'], {
  cwd: root,
});
quietly('Building the example', 'pnpm', ['--filter', '@dots-flow/example-host-app', 'run', 'build:server'], {
  cwd: root,
});
quietly('Building Storybook', 'pnpm', ['run', 'build-storybook'], { cwd: root });

await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath });
try {
  await exampleShots(browser);
  await storyShots(browser);
} finally {
  await browser.close();
}
