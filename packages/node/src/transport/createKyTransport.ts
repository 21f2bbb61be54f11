import type { Transport, TransportOutcome } from '@es-tracker/core'
import ky, { type Options as KyOptions } from 'ky'
import { discardBody } from './discardBody'

/**
 * Options of {@link createKyTransport}: ky's own (`hooks`, `headers`, `fetch`, `credentials`, ...),
 * less those the transport decides: the method and body (the event), `timeout` (the tracker's
 * `timeout` option, per attempt), `retry` (the tracker retries; ky's would multiply its attempts),
 * `throwHttpErrors` (an HTTP error is an outcome, so `beforeError` and `beforeRetry` hooks never run)
 * and `prefixUrl` (the tracker's endpoint is the whole URL).
 */
export type KyTransportOptions = Omit<
  KyOptions,
  'method' | 'body' | 'json' | 'searchParams' | 'timeout' | 'retry' | 'throwHttpErrors' | 'prefixUrl'
>

/** What travels beside ky's Request to the real fetch. */
interface SideChannel {
  esTrackerBody: string
}

const isTimeout = (error: unknown): boolean => error instanceof Error && error.name === 'TimeoutError'

/**
 * Creates a Node transport that sends each attempt through ky, with the ky options and hooks you
 * give it: a `beforeRequest` hook can sign or tag the request (its headers are what is sent), an
 * `afterResponse` hook sees every answer. One `POST` per attempt on Node's fetch (undici, which keeps
 * connections alive), ky's own retries off (the tracker retries) and HTTP errors as data. It never
 * throws and its promise never rejects: every attempt ends as a {@link TransportOutcome}, and a hook
 * that throws makes it a `network_error`. It costs more CPU per event than the default transport,
 * `createHttpTransport()` (ky builds a Request per attempt).
 *
 * @example
 * const transport = createKyTransport({
 *   hooks: { beforeRequest: [(request) => request.headers.set('X-Request-Id', crypto.randomUUID())] },
 * })
 * const tracker = createNodeTracker({ siteId: '8A412DC', transport })
 */
export function createKyTransport(options: KyTransportOptions = {}): Transport {
  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const client = ky.create({
    ...options,
    retry: 0,
    throwHttpErrors: false,
    // ky builds a Request and clones it before each fetch, for retries of its own. With a body that
    // clone tees a stream, which more than doubles the CPU cost of a small POST. Our retries live in
    // core, so the body travels beside ky's Request (ky hands options it does not know to `fetch`)
    // and goes to the real fetch as a plain string, with the Request's URL, headers (as the hooks
    // left them) and signal: ky keeps the timeout and abort handling, undici sends a Content-Length
    // body over a kept-alive connection.
    fetch: (input, init) => {
      const { esTrackerBody } = init as unknown as SideChannel
      const request = input instanceof Request ? input : undefined
      return baseFetch(request?.url ?? String(input), {
        method: 'POST',
        headers: request?.headers ?? init?.headers ?? {},
        body: esTrackerBody,
        signal: request?.signal ?? init?.signal ?? null,
      })
    },
  })
  return {
    async send(request): Promise<TransportOutcome> {
      try {
        const sideChannel: SideChannel = { esTrackerBody: request.body }
        const response = await client.post(request.url, {
          headers: { 'content-type': 'application/json', ...request.headers },
          timeout: request.timeoutMs,
          ...sideChannel,
        })
        const retryAfter = response.headers.get('retry-after')
        discardBody(response)
        return { type: 'response', status: response.status, retryAfter }
      } catch (cause) {
        return isTimeout(cause) ? { type: 'timeout', cause } : { type: 'network_error', cause }
      }
    },
  }
}
