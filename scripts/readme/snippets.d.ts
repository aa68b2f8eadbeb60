// Modules served by readmeSnippetsPlugin.ts: a README snippet, its trailing expression as `default`.
declare module 'readme-snippet:*' {
  const expression: unknown;
  export default expression;
}
