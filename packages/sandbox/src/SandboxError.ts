/** Why the sandbox could not start or was misconfigured. */
export type SandboxErrorCode = 'invalid_option' | 'port_in_use' | 'listen_failed';

/** Thrown by `startSandbox` for bad options or a port it cannot use; the message says how to fix it. */
export class SandboxError extends Error {
  readonly code: SandboxErrorCode;

  constructor(code: SandboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxError';
    this.code = code;
  }
}
