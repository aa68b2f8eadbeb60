export {};
declare module 'vitest' {
    interface ProvidedContext {
        /** Base URL of the running sandbox, e.g. http://127.0.0.1:41234 */
        sandboxUrl: string;
        sandboxClientId: string;
        sandboxApiKey: string;
        /** An unrelated origin serving /post.html, which posts each `?message=` (JSON) to its parent. */
        foreignUrl: string;
    }
}
//# sourceMappingURL=vitest-provided.d.ts.map