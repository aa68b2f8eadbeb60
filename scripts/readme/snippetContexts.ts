// What each README snippet needs around it to compile and run: the names it uses without declaring them
// (given by a context module the tests fill), and the few test-only swaps that point it at the local sandbox
// and loopback ports. Nothing else about a snippet changes: what users copy is what is compiled and run.

export interface SnippetContext {
  /** `server` snippets run in Node (the `node` project); `browser` ones in Chromium (the `browser` project). */
  env: 'server' | 'browser';
  /** Free names, taken from the context's `ctx`; `local:ctxField` renames (both Hono and Express call it `app`). */
  uses: readonly string[];
  /** The start of the snippet's last line(s) that form an expression: exported as `default` for the test. */
  expression?: string;
  /** `[text, replacement]` pairs applied only when running, each matching exactly once. */
  runWith?: readonly (readonly [string, string])[];
}

const sandboxInsteadOfDots = (environment: string) => [environment, 'baseUrl: ctx.sandboxUrl'] as const;
const localFrames = (environment: string) => [environment, 'environment={ctx.environment}'] as const;

export const SNIPPET_CONTEXTS: Record<string, SnippetContext> = {
  'README.md:1': {
    env: 'server',
    uses: ['lookUpSession'],
    runWith: [sandboxInsteadOfDots("environment: 'production'")],
  },
  'README.md:2': {
    env: 'browser',
    uses: ['user', 'track', 'navigate'],
    expression: '<DotsProvider',
    runWith: [localFrames('environment="production"')],
  },
  'packages/core/README.md:1': {
    env: 'browser',
    uses: [],
    runWith: [["frameOriginsFor('sandbox')", 'frameOriginsFor(ctx.environment)']],
  },
  'packages/react/README.md:1': {
    env: 'browser',
    uses: ['user', 'track', 'navigate'],
    expression: '<DotsProvider',
    runWith: [localFrames('environment="sandbox"')],
  },
  'packages/react/README.md:2': { env: 'browser', uses: ['toast', 'close'], expression: '<ManagePayouts' },
  'packages/react/README.md:3': { env: 'browser', uses: [], expression: '<ThemedFlow' },
  'packages/sandbox/README.md:1': { env: 'server', uses: [] },
  'packages/sandbox/README.md:2': { env: 'server', uses: [], expression: "staticFlowLink('/dots-sandbox'" },
  'packages/server/README.md:1': {
    env: 'server',
    uses: ['dotsUserId', 'signal'],
    runWith: [sandboxInsteadOfDots("environment: 'production'")],
  },
  'packages/server/README.md:2': { env: 'server', uses: ['dots'] },
  'packages/server/README.md:3': { env: 'server', uses: ['dots'] },
  'packages/server/README.md:4': { env: 'server', uses: ['dots'] },
  'packages/server/README.md:5': { env: 'server', uses: ['dots', 'getSessionUser'] },
  'packages/server/README.md:6': { env: 'server', uses: ['handler'] },
  'packages/server/README.md:7': { env: 'server', uses: ['app:hono', 'handler'] },
  'packages/server/README.md:8': { env: 'server', uses: ['app:express', 'handler'] },
  'packages/server/README.md:9': {
    env: 'server',
    uses: ['handler'],
    runWith: [
      // ctx.http is node:http's own createServer, remembering the server so the test can reach it.
      ["import http from 'node:http';", 'const http = ctx.http;'],
      ['.listen(3000)', ".listen(0, '127.0.0.1')"],
    ],
  },
  'packages/server/README.md:10': { env: 'server', uses: ['dots', 'saveDotsUserId', 'recordPayment'] },
  'packages/server/README.md:11': { env: 'server', uses: ['webhooks'] },
  'packages/server/README.md:12': { env: 'server', uses: ['app:hono', 'webhooks'] },
  'packages/server/README.md:13': { env: 'server', uses: ['app:express', 'webhooks'] },
  'packages/server/README.md:14': { env: 'server', uses: ['rawBody', 'request', 'secret'] },
  'packages/server/README.md:15': {
    env: 'server',
    uses: ['flow_id', 'secret'],
    runWith: [["'http://127.0.0.1:3000/api/dots/webhooks'", 'ctx.webhookUrl']],
  },
  'packages/server/README.md:16': { env: 'server', uses: ['dots', 'userFinishedFlow'] },
  'packages/server/README.md:17': { env: 'server', uses: ['dots', 'userFinishedFlow'] },
  'packages/server/README.md:18': { env: 'server', uses: ['dots', 'userFinishedFlow', 'codeTheUserTyped'] },
  'packages/server/README.md:19': { env: 'server', uses: ['dots', 'recordPayment'] },
};
