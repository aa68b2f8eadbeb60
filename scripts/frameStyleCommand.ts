// Browser command: a computed style inside a cross-origin frame of the test page, which the test's own script cannot
// read (same-origin policy). Playwright can: it evaluates in the framed page itself.
import type { BrowserCommand } from 'vitest/node';
// Its types add Playwright's `frame()` to the command context.
import type {} from '@vitest/browser-playwright';

/** `getComputedStyle(<first selector match>).getPropertyValue(property)` inside the frame titled `title`. */
export const frameStyle: BrowserCommand<[title: string, selector: string, property: string]> = async (
  context,
  title,
  selector,
  property,
) => {
  const tester = await context.frame();
  return tester
    .frameLocator(`iframe[title=${JSON.stringify(title)}]`)
    .locator(selector)
    .first()
    .evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);
};
