import type { IncomingMessage } from 'node:http'

/**
 * The `Host` values the collector answers to: loopback names and the address it listens on, each
 * with its port, plus any host the user allowed. A web page that rebinds its own DNS name to
 * 127.0.0.1 sends its own name as `Host` (DNS rebinding needs no CORS): it is refused.
 */
export class OwnHosts {
  private readonly hosts = new Set<string>()

  /** Adds `host` (a name or address, with or without a port) as one of the collector's own, on `port`. */
  add(host: string, port: number): void {
    const name = host.toLowerCase().replace(/:\d+$/, '')
    const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name
    this.hosts.add(`${bracketed}:${port}`)
  }

  /** Whether a request's `Host` header names the collector (a request without one is from no browser). */
  accepts(hostHeader: string | undefined): boolean {
    return hostHeader === undefined || this.hosts.has(hostHeader.toLowerCase())
  }

  /** Whether `origin` (an `Origin` header) is one of the collector's own origins. */
  isOwnOrigin(origin: string): boolean {
    const match = /^http:\/\/(.+)$/i.exec(origin)
    return match !== null && this.hosts.has(match[1]!.toLowerCase())
  }
}

/**
 * Whether a request to the collector's own pages and data (`/events`, `/_faults`, the live page)
 * comes from the collector's own origin, or from no page at all (curl, a test, the address bar).
 * A browser names the page it comes from in `Origin` and `Sec-Fetch-Site`; only navigations to the
 * live page may come from elsewhere (a link on the shop), and never into a frame.
 */
export function fromOwnOrigin(request: IncomingMessage, own: OwnHosts, navigationAllowed: boolean): boolean {
  const { origin } = request.headers
  const site = request.headers['sec-fetch-site']
  const mode = request.headers['sec-fetch-mode']
  const destination = request.headers['sec-fetch-dest']
  if (navigationAllowed && mode === 'navigate' && destination === 'document') return true
  if (origin !== undefined && !own.isOwnOrigin(origin)) return false
  return site === undefined || site === 'same-origin' || site === 'none'
}
