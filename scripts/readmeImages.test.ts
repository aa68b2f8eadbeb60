// The README's pictures come from `pnpm screenshots`: each one it shows exists, in light and dark, and stays small.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAX_BYTES = 120 * 1024;

it('every picture in the README exists as a small PNG with a light and a dark version', async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/(?:src|srcset)="([^"]+\.png)"/g)].map((match) => match[1]!);
  expect(images.length).toBeGreaterThanOrEqual(4);
  // The README opens with the product, not with text.
  expect(readme.split('\n').slice(0, 6).join('\n')).toMatch(/<picture>/);
  for (const image of images) {
    expect(image).toMatch(/^docs\/images\/[\w-]+-(light|dark)\.png$/);
    const twin = image.endsWith('-light.png')
      ? image.replace('-light.png', '-dark.png')
      : image.replace('-dark.png', '-light.png');
    expect(images).toContain(twin);
    const bytes = await readFile(join(root, image));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect((await stat(join(root, image))).size).toBeLessThanOrEqual(MAX_BYTES);
  }
});
