const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * True for the loopback host names a local Dots sandbox runs on, as `URL#hostname` spells them.
 * Plain `http:` is tolerated only there: traffic that never leaves the machine.
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname);
}

/** True for a URL a flow frame may be served from: `https:`, or plain `http:` on a loopback host. */
export function isSecureFrameUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
}
