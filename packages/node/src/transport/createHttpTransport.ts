import type { ClientRequest, Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http'
import type { Agent as HttpsAgent } from 'node:https'
import type { Transport, TransportOutcome, TransportRequest } from '@es-tracker/core'
import { createFetchTransport } from './createFetchTransport'
import { bodyGraceMs } from './discardBody'

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** The agent of `http:` endpoints. @default a keep-alive agent of this transport's own */
  httpAgent?: HttpAgent | undefined
  /** The agent of `https:` endpoints (a custom `ca`, a proxy agent). @default a keep-alive agent of this transport's own */
  httpsAgent?: HttpsAgent | undefined
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
  let loading: Promise<Post> | undefined
  let post: Post | undefined
  return {
    send(request) {
      // Once loaded, straight to the request: no promise hop per event.
      if (post) return post(request)
      loading ??= loadHttpPost(options)
        .catch(() => createFetchTransport().send)
        .then((loaded) => (post = loaded))
      return loading.then((send) => send(request))
    },
  }
}

/** What a request to one endpoint URL needs, worked out once: the URL's parts, its client and agent. */
interface Target {
  url: string
  request: (options: RequestOptions) => ClientRequest
  options: RequestOptions
}

async function loadHttpPost(options: HttpTransportOptions): Promise<Post> {
  const [http, https, { urlToHttpOptions }] = await Promise.all([
    import('node:http'),
    import('node:https'),
    import('node:url'),
  ])
  const clients = {
    'http:': { request: http.request, agent: options.httpAgent ?? new http.Agent({ keepAlive: true }) },
    'https:': { request: https.request, agent: options.httpsAgent ?? new https.Agent({ keepAlive: true }) },
  }
  // Every request goes to the tracker's one endpoint: its URL is parsed once, not per event (the
  // headers object of a 2xx answer is never built either: only a refusal's Retry-After is read).
  let target: Target | undefined
  const targetFor = (url: string): Target => {
    if (target?.url === url) return target
    const parsed = new URL(url)
    const client = clients[parsed.protocol as keyof typeof clients]
    if (!client) throw new TypeError(`${parsed.protocol} is not an HTTP protocol`)
    target = {
      url,
      request: client.request,
      options: { ...urlToHttpOptions(parsed), method: 'POST', agent: client.agent },
    }
    return target
  }
  return (request) =>
    new Promise<TransportOutcome>((resolve) => {
      try {
        const { request: send, options } = targetFor(request.url)
        const outgoing = send({
          ...options,
          headers: {
            'content-type': 'application/json',
            ...request.headers,
            'content-length': Buffer.byteLength(request.body),
          },
        })
        // Without an answer within the limit the attempt timed out.
        const timer = setTimeout(() => outgoing.destroy(new AttemptTimeout(request.timeoutMs)), request.timeoutMs)
        outgoing.on('response', (response: IncomingMessage) => {
          clearTimeout(timer)
          const status = response.statusCode ?? 0
          const retryAfter = status >= 200 && status < 300 ? undefined : response.headers['retry-after']
          // The status is the answer; nobody waits for the body.
          resolve({ type: 'response', status, retryAfter: retryAfter ?? null })
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
        outgoing.end(request.body)
      } catch (cause) {
        resolve({ type: 'network_error', cause })
      }
    })
}
