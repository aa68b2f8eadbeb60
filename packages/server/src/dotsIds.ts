/** How ids are checked before they go into a URL path, a query or a request body. */
export interface IdRule {
  test(value: unknown): value is string;
  /** What a valid id looks like, for error messages. */
  readonly describe: string;
}

const SAFE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
// Dots' ids are UUIDs (spec `format: uuid`). Its own examples carry non-RFC versions and variants
// (`5f0f8f8f-f8f8-f8f8-f8f8-f8f8f8f8f8f8`, `docs/flows/overview.mdx`), so only the shape is checked.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a string that can be a flow id of Dots or of a local emulator, and is safe in a URL path. */
export function isFlowId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID_PATTERN.test(value);
}

/** True for a UUID in its 36-character text form, the shape of every Dots id. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Dots' own APIs get UUIDs only; another base (the local sandbox, a proxy) any URL-safe id. */
export const DOTS_ID_RULE: IdRule = { test: isUuid, describe: 'a UUID such as b3293101-35ef-451a-aad4-881da3697c2f' };
export const LOOSE_ID_RULE: IdRule = { test: isFlowId, describe: '1 to 128 letters, digits, "-" or "_"' };
