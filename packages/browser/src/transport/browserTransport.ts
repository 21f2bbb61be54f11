import type { Transport, TransportOutcome, TransportRequest } from '@es-tracker/core'
import { isScriptTag } from '../buildTarget'
import { postWithTimeout } from './postWithTimeout'

/** How long a network error waits for a `pagehide` that would make it an unknown outcome instead (see `track`). */
export const networkErrorSettleMs = 100

/** Beacons and keepalive fetches of one page share this many body bytes in flight (Fetch spec). */
export const keepaliveBudgetBytes = 64 * 1024

/**
 * The UTF-8 bytes of a body, as the keepalive budget counts them, or a few more: a character past
 * U+07FF counts 3 bytes, so an astral one (a surrogate pair, 4 bytes) counts 6. A loop, not a `Blob`:
 * building a Blob for every request cost more main-thread time than starting its fetch.
 */
export function utf8Bytes(text: string): number {
  let bytes = text.length
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1
  }
  return bytes
}

/** Options of {@link createBrowserTransport}; it posts on the page's `fetch` (postWithTimeout), and `navigator.sendBeacon`. */
export interface BrowserTransportOptions {
  /** Runs before any request starts (it must not throw): the queue store writes what it deferred, so that every entry is stored first. */
  beforeSend?: () => void
}

/** The browser's transport, told when the page is being left so that every request goes by keepalive or beacon. */
export interface BrowserTransport extends Transport {
  /**
   * The page is being left (`pagehide`): every later request goes by keepalive fetch or, past the
   * budget, a beacon. Every request
   * in flight then answers `handed_off` at once: its real answer may never reach the page (Chromium
   * rejects the promise of a keepalive fetch as its document goes, while the browser still delivers
   * it), and what an unknowable answer stands for is the engine's call. Offline they answer an
   * `unsent` network error instead, and their entries wait for a later page.
   */
  leave(): void
  /** The page came back from the back/forward cache (`pageshow` persisted). */
  stay(): void
}

/**
 * Sends one event by `fetch` (`keepalive`, with a time limit; retries are the engine's) as a
 * `text/plain` JSON body, which needs no CORS preflight; maps every end to a TransportOutcome and
 * never rejects. While the page is hidden or left it keeps within the 64 KiB keepalive budget and
 * falls back to `navigator.sendBeacon` past it.
 */
export function createBrowserTransport({ beforeSend }: BrowserTransportOptions = {}): BrowserTransport {
  let inFlight = 0
  let leaving = false
  // Requests in flight, each able to end its own wait early (at `pagehide`).
  const endEarly = new Set<(outcome: TransportOutcome) => void>()

  const postNow = async (
    { url, body, headers, timeoutMs }: TransportRequest,
    keepalive: boolean,
  ): Promise<TransportOutcome> => {
    try {
      const response = await postWithTimeout(url, {
        body,
        // No Content-Type: fetch gives a string body `text/plain;charset=UTF-8`, which needs no CORS preflight.
        headers,
        keepalive,
        timeoutMs,
        // Cookies go to the site's own first-party endpoint only (it re-issues `sc` with Set-Cookie,
        // which an `omit` request would ignore); a tracker on another origin gets none.
        credentials: 'same-origin',
      })
      // Nothing in the answer is needed; release it.
      void response.body?.cancel().catch(() => {})
      return { type: 'response', status: response.status, retryAfter: response.headers.get('Retry-After') }
    } catch (cause) {
      if ((cause as Error | undefined)?.name === 'TimeoutError') return { type: 'timeout', cause }
      return { type: 'network_error', cause, unsent: isOffline() }
    }
  }

  /** Sends now: by keepalive fetch within the budget; past it a plain fetch, or a beacon when `unloading`. */
  const sendNow = async (request: TransportRequest, unloading: boolean): Promise<TransportOutcome> => {
    // Offline a request would only fail, and one started offline may fail only once the browser is
    // back online (Chromium fires `online` first), as if the endpoint had: it waits for `online`.
    if (isOffline()) return offline()
    beforeSend?.()
    const { url, body } = request
    const bytes = utf8Bytes(body)
    // Browsers without keepalive fetch would drop a request made while the page is being left.
    if (!('keepalive' in Request.prototype) || inFlight + bytes > keepaliveBudgetBytes) {
      if (!unloading) return track(postNow(request, false))
      try {
        // A string body goes as `text/plain`, which needs no CORS preflight.
        if (navigator.sendBeacon(url, body)) return { type: 'handed_off' }
        throw new Error('sendBeacon refused the event')
      } catch (cause) {
        // No sendBeacon here (or it threw, or refused a body past its 64 KiB): a network error all the same.
        return { type: 'network_error', cause }
      }
    }
    inFlight += bytes
    // The bytes count until the request really ends, even once it is handed off.
    return track(
      postNow(request, true).finally(() => {
        inFlight -= bytes
      }),
    )
  }

  /**
   * Answers the request's outcome, or what `leave()` says first; a request made while leaving is
   * handed off at once. A network error counts only once the page is still here a moment later:
   * Chromium may reject a keepalive fetch just before `pagehide` as its document goes, while the
   * browser still delivers it (seen when a reload fails offline), and the engine would keep its entry
   * for the next page as failed: a duplicate.
   */
  const track = (sent: Promise<TransportOutcome>): Promise<TransportOutcome> =>
    leaving
      ? Promise.resolve(isOffline() ? offline() : { type: 'handed_off' })
      : new Promise((resolve) => {
          endEarly.add(resolve)
          void sent.then((outcome) => {
            const end = () => {
              endEarly.delete(resolve)
              resolve(outcome)
            }
            if (outcome.type === 'network_error') setTimeout(end, networkErrorSettleMs)
            else end()
          })
        })

  return {
    // At once: a tracking call of the page returns before its event is built (deferredCalls.ts), so the
    // request starts in that later task already; a task of its own cost each event one more task.
    send: (request) => sendNow(request, request.unloading === true || leaving),
    leave() {
      leaving = true
      const outcome: TransportOutcome = isOffline() ? offline() : { type: 'handed_off' }
      for (const end of endEarly) end(outcome)
      endEarly.clear()
    },
    stay() {
      leaving = false
    },
  }
}

/** A request that never left the browser, which says nothing of the endpoint. */
const unsent = (why: string): TransportOutcome => ({ type: 'network_error', cause: new Error(why), unsent: true })
const offline = () => unsent('offline')

function isOffline(): boolean {
  return (isScriptTag || typeof navigator !== 'undefined') && navigator.onLine === false
}
