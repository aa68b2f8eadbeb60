const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True for the loopback host names a local Dots sandbox runs on, as `URL#hostname` spells them.
 * Plain `http:` is tolerated only there: traffic that never leaves the machine.
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}
