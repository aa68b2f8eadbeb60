// Browser projects: a test fails when a sandbox response it caused broke the contract schemas (the node project's
// harness does the same per test). The sandbox runs in the Vitest process; a browser command reads its findings.
import { afterEach, expect } from 'vitest';
import { commands } from 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    takeContractViolations: () => Promise<{ violations: string[]; checked: number }>;
  }
}

afterEach(async () => {
  const { violations } = await commands.takeContractViolations();
  expect(violations, 'The sandbox answered outside its contract').toEqual([]);
});
