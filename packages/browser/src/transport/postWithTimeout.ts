// The browser transport's one fetch poster, in the ES module and the script tag alike: a POST on the
// page's `fetch` with a time limit. That is all the transport asks of an HTTP client (it retries and
// reads statuses itself), so neither build carries one: ky cost the ES module about 4 KB gzip for it.

/** What {@link postWithTimeout} sends: `fetch`'s own options, and the time limit. */
export interface PostOptions {
  body: string
  headers: Record<string, string>
  keepalive: boolean
  credentials: RequestCredentials
  /** The request is aborted after this many ms, and the promise rejects with a `TimeoutError`. */
  timeoutMs: number
}

/**
 * Posts `body` to `url` on the page's `fetch`: resolves with the response whatever its status,
 * rejects on a network error, or with a `TimeoutError` DOMException after `timeoutMs`.
 */
export function postWithTimeout(url: string, { timeoutMs, ...init }: PostOptions): Promise<Response> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  return fetch(url, { ...init, method: 'POST', signal: controller.signal })
    .catch((error) => {
      // Told apart from a network error by its name, as the transport reads it.
      throw controller.signal.aborted ? new DOMException(`Request timed out: POST ${url}`, 'TimeoutError') : error
    })
    .finally(() => clearTimeout(timer))
}
