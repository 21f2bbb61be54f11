import type { Agent as HttpAgent, IncomingMessage } from 'node:http'
import type { Agent as HttpsAgent } from 'node:https'
import type { Transport, TransportOutcome, TransportRequest } from '@es-tracker/core'
import { createFetchTransport } from './createFetchTransport'

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** The agent of `http:` endpoints. @default a keep-alive agent of this transport's own */
  httpAgent?: HttpAgent
  /** The agent of `https:` endpoints (a custom `ca`, a proxy agent). @default a keep-alive agent of this transport's own */
  httpsAgent?: HttpsAgent
}

/** Marks our own time limit, to tell it from other errors. */
class AttemptTimeout extends Error {
  override readonly name = 'TimeoutError'
  constructor(ms: number) {
    super(`no response within ${ms} ms`)
  }
}

/** One POST: answers the outcome once the status line and headers are in. */
type Post = (request: TransportRequest) => Promise<TransportOutcome>

/**
 * Creates the default Node transport: one `POST` per attempt straight over `node:http` / `node:https`
 * with keep-alive agents, at the speed of Node's HTTP stack (Node 20's fetch costs about four times
 * the CPU per request). Same outcomes as {@link createFetchTransport}: HTTP errors as data, `timeout`
 * past `timeoutMs`, `network_error` otherwise; it never throws and its promise never rejects. Where
 * `node:http` cannot be loaded (an edge runtime) it sends through the global `fetch` instead.
 *
 * @example
 * const tracker = createNodeTracker({ siteId, transport: createHttpTransport({ httpsAgent: proxyAgent }) })
 */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  // Node's HTTP modules load on the first send: importing this package must work where they do not exist.
  let post: Promise<Post> | undefined
  return {
    send(request) {
      post ??= loadHttpPost(options).catch(() => createFetchTransport().send)
      return post.then((send) => send(request))
    },
  }
}

async function loadHttpPost(options: HttpTransportOptions): Promise<Post> {
  const [http, https] = await Promise.all([import('node:http'), import('node:https')])
  const clients = {
    'http:': { request: http.request, agent: options.httpAgent ?? new http.Agent({ keepAlive: true }) },
    'https:': { request: https.request, agent: options.httpsAgent ?? new https.Agent({ keepAlive: true }) },
  }
  return (request) =>
    new Promise<TransportOutcome>((resolve) => {
      let settled = false
      const settle = (outcome: TransportOutcome) => {
        if (settled) return
        settled = true
        resolve(outcome)
      }
      try {
        const url = new URL(request.url)
        const client = clients[url.protocol as keyof typeof clients]
        if (!client) throw new TypeError(`${url.protocol} is not an HTTP protocol`)
        const body = Buffer.from(request.body)
        const outgoing = client.request(url, {
          method: 'POST',
          agent: client.agent,
          headers: { 'content-type': 'application/json', ...request.headers, 'content-length': body.length },
        })
        // One limit for the whole exchange: a body that stalls after the status holds the socket, never the caller.
        const timer = setTimeout(() => outgoing.destroy(new AttemptTimeout(request.timeoutMs)), request.timeoutMs)
        outgoing.on('response', (response: IncomingMessage) => {
          const retryAfter = response.headers['retry-after'] ?? null
          settle({ type: 'response', status: response.statusCode ?? 0, retryAfter })
          // Reading the rest (and dropping it) gives the socket back to the agent for the next request.
          response.on('close', () => clearTimeout(timer))
          response.resume()
        })
        outgoing.on('error', (cause) => {
          clearTimeout(timer)
          settle(cause instanceof AttemptTimeout ? { type: 'timeout', cause } : { type: 'network_error', cause })
        })
        outgoing.end(body)
      } catch (cause) {
        settle({ type: 'network_error', cause })
      }
    })
}
