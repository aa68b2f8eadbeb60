// Values the browser project's globalSetup hands to tests through `inject()`.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the running sandbox, e.g. http://127.0.0.1:41234 */
    sandboxUrl: string;
    sandboxClientId: string;
    sandboxApiKey: string;
    /** An unrelated origin serving /post.html, which posts each `?message=` (JSON) to its parent. */
    foreignUrl: string;
    /** The React version the React projects run on (the root's, or tests/react18's), exactly as pinned. */
    reactVersion: string;
  }
}
