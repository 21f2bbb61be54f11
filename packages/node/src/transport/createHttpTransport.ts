import type { Agent as HttpAgent, IncomingMessage } from 'node:http'
import type { Agent as HttpsAgent } from 'node:https'
import type { Transport, TransportOutcome, TransportRequest } from '@es-tracker/core'
import { createFetchTransport } from './createFetchTransport'
import { bodyGraceMs } from './discardBody'

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

/** One POST: answers the outcome once the status came (the body is read and dropped after it). */
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
  // The URL of every request is the tracker's one endpoint: parsed once.
  let parsed: { url: string; target: URL } | undefined
  return (request) =>
    new Promise<TransportOutcome>((resolve) => {
      try {
        if (parsed?.url !== request.url) parsed = { url: request.url, target: new URL(request.url) }
        const { target } = parsed
        const client = clients[target.protocol as keyof typeof clients]
        if (!client) throw new TypeError(`${target.protocol} is not an HTTP protocol`)
        const body = Buffer.from(request.body)
        const outgoing = client.request(target, {
          method: 'POST',
          agent: client.agent,
          headers: { 'content-type': 'application/json', ...request.headers, 'content-length': body.length },
        })
        // Without an answer within the limit the attempt timed out.
        const timer = setTimeout(() => outgoing.destroy(new AttemptTimeout(request.timeoutMs)), request.timeoutMs)
        outgoing.on('response', (response: IncomingMessage) => {
          clearTimeout(timer)
          // The status is the answer; nobody waits for the body.
          resolve({
            type: 'response',
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] ?? null,
          })
          // Read to the end (and drop) so that the socket goes back to the agent for the next request;
          // a body stalled past the grace closes its socket, which would keep the process alive.
          const giveUp = setTimeout(() => outgoing.destroy(), bodyGraceMs)
          response.on('close', () => clearTimeout(giveUp))
          response.on('error', () => {})
          response.resume()
        })
        // After the status an error changes nothing: the promise is settled already.
        outgoing.on('error', (cause) => {
          clearTimeout(timer)
          resolve(cause instanceof AttemptTimeout ? { type: 'timeout', cause } : { type: 'network_error', cause })
        })
        outgoing.end(body)
      } catch (cause) {
        resolve({ type: 'network_error', cause })
      }
    })
}
