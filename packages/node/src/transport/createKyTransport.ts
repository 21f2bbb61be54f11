import type { Transport, TransportOutcome } from '@es-tracker/core'
import ky from 'ky'
import { discardBody } from './discardBody'

/** Options of the node transports. */
export interface NodeTransportOptions {
  /** A fetch to use instead of the global one (tests, edge runtimes, a proxy agent). */
  fetch?: typeof fetch
}

/** What travels beside ky's Request to the real fetch. */
interface SideChannel {
  esTrackerBody: string
  esTrackerHeaders: Record<string, string>
}

const isTimeout = (error: unknown): boolean => error instanceof Error && error.name === 'TimeoutError'

/**
 * Creates the default Node transport: one `POST` per attempt over ky on Node's fetch (undici, which
 * keeps connections alive), with ky's own retries off (core's engine retries) and HTTP errors as
 * data. It never throws and its promise never rejects: every attempt ends as a {@link TransportOutcome}.
 *
 * @example
 * const transport = createKyTransport()
 * await transport.send({ url, body: '{}', headers: {}, timeoutMs: 10_000 }) // { type: 'response', status: 204 }
 */
export function createKyTransport(options: NodeTransportOptions = {}): Transport {
  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const client = ky.create({
    retry: 0,
    throwHttpErrors: false,
    // ky builds a Request and clones it before each fetch, for retries of its own. With a body
    // that clone tees a stream, which more than doubles the CPU cost of a small POST. Our retries
    // live in core, so the body and headers travel beside ky's Request (ky hands options it does
    // not know to `fetch`) and go to the real fetch as a plain string: ky keeps the timeout and
    // abort handling, undici sends a Content-Length body over a kept-alive connection.
    fetch: (input, init) => {
      const { esTrackerBody, esTrackerHeaders } = init as unknown as SideChannel
      const url = input instanceof Request ? input.url : String(input)
      const signal = input instanceof Request ? input.signal : init?.signal
      return baseFetch(url, { method: 'POST', headers: esTrackerHeaders, body: esTrackerBody, signal: signal ?? null })
    },
  })
  return {
    async send(request): Promise<TransportOutcome> {
      try {
        const sideChannel: SideChannel = {
          esTrackerBody: request.body,
          esTrackerHeaders: { 'content-type': 'application/json', ...request.headers },
        }
        const response = await client.post(request.url, { timeout: request.timeoutMs, ...sideChannel })
        const retryAfter = response.headers.get('retry-after')
        discardBody(response)
        return { type: 'response', status: response.status, retryAfter }
      } catch (cause) {
        return isTimeout(cause) ? { type: 'timeout', cause } : { type: 'network_error', cause }
      }
    },
  }
}
