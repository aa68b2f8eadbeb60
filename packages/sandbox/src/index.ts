export { startSandbox } from './startSandbox.js';
export type { Sandbox, SandboxOptions } from './startSandbox.js';
export { SandboxError } from './SandboxError.js';
export type { SandboxErrorCode } from './SandboxError.js';
export { SANDBOX_DEFAULTS } from './defaults.js';
export { staticFlowLink } from './staticFlowLink.js';
export type { StaticFlowConfig } from './staticFlowLink.js';
