// Browser-safe entry (`@dots-flow/sandbox/static`): nothing here imports Node modules or the server.
export { staticFlowLink } from './staticFlowLink.js';
export type { StaticFlowConfig } from './staticFlowLink.js';
