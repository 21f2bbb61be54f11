import type { Transport, TransportOutcome } from '@es-tracker/core'
import ky from 'ky'

/** Options of {@link createKyTransport}. */
export interface KyTransportOptions {
  /** A fetch to use instead of the global one (tests, edge runtimes, a proxy agent). */
  fetch?: typeof fetch
}

/**
 * Reads what is left of a response so that undici can reuse the connection (keep-alive), but never
 * waits for it longer than `ms`: a server that stalls mid-body must not hold a delivery slot. A body
 * given up on is left to undici, whose own body timeout closes that connection eventually.
 */
async function discardBody(response: Response, ms: number): Promise<void> {
  if (response.body === null || response.bodyUsed) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const read = response.arrayBuffer().then(
    () => undefined,
    () => undefined,
  )
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
  })
  await Promise.race([read, gaveUp])
  clearTimeout(timer)
}

const isTimeout = (error: unknown): boolean => error instanceof Error && error.name === 'TimeoutError'

/**
 * Creates the Node transport: one `POST` per attempt over ky on Node's fetch (undici, which keeps
 * connections alive), with ky's own retries off (core's engine retries) and HTTP errors as data.
 * It never throws and its promise never rejects: every attempt ends as a {@link TransportOutcome}.
 *
 * @example
 * const transport = createKyTransport()
 * await transport.send({ url, body: '{}', headers: {}, timeoutMs: 10_000 }) // { type: 'response', status: 204 }
 */
export function createKyTransport(options: KyTransportOptions = {}): Transport {
  const client = ky.create({ retry: 0, throwHttpErrors: false, ...(options.fetch ? { fetch: options.fetch } : {}) })
  return {
    async send(request): Promise<TransportOutcome> {
      try {
        const response = await client.post(request.url, {
          body: request.body,
          headers: { 'content-type': 'application/json', ...request.headers },
          timeout: request.timeoutMs,
        })
        const retryAfter = response.headers.get('retry-after')
        await discardBody(response, request.timeoutMs)
        return { type: 'response', status: response.status, retryAfter }
      } catch (cause) {
        return isTimeout(cause) ? { type: 'timeout', cause } : { type: 'network_error', cause }
      }
    },
  }
}
