// For every React test (jsdom and real Chromium, React 19 and 18): a test fails when anything logs an error, or a
// warning other than dots-flow's own dev warnings. React reports its problems there (act() misuse, bad refs,
// invalid hook calls, two Reacts), so none of them can pass unnoticed. A test that expects an error spies on
// console.error itself, which replaces this guard for that test.
import { afterEach, beforeEach, expect, onTestFinished } from 'vitest';

const logged: string[] = [];

beforeEach(() => {
  logged.length = 0;
  for (const level of ['error', 'warn'] as const) {
    const original = console[level];
    const guard = (...args: unknown[]) => {
      const text = args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' ');
      if (level === 'error' || !text.startsWith('[dots-flow] ')) logged.push(`console.${level}: ${text}`);
      original.apply(console, args);
    };
    console[level] = guard;
    onTestFinished(() => {
      if (console[level] === guard) console[level] = original;
    });
  }
});

// Runs after the test file's own afterEach hooks (the unmounts), so what React logs while unmounting counts too.
afterEach(() => {
  expect(logged, 'React (or something else) logged an error or warning during this test').toEqual([]);
});
