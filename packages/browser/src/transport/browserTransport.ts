import type { Transport, TransportOutcome, TransportRequest } from '@es-tracker/core'
import ky from 'ky'
import { isScriptTag } from '../buildTarget'
import { nextTask } from '../nextTask'

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

/** Options of {@link createBrowserTransport}; it posts with ky (the script tag's kyLite) on the page's `fetch`, and `navigator.sendBeacon`. */
export interface BrowserTransportOptions {
  /** Runs before any request starts (it must not throw): the queue store writes what it deferred, so that every entry is stored first. */
  beforeSend?: () => void
}

/** The browser's transport, told when the page is being left so that keepalive requests count as handed off. */
export interface BrowserTransport extends Transport {
  /**
   * The page is being left (`pagehide`): what keepalive fetches carry now belongs to the browser.
   * Answers the bodies handed to the browser (keepalive or beacon) since the page was last shown.
   * Offline nothing is handed off: those entries stay for a later page. Online, a request the
   * browser carries counts as delivered (as a beacon does): should the endpoint still fail it, the
   * event is lost, which is the price of never sending it twice.
   */
  leave(): ReadonlySet<string>
  /** The page came back from the back/forward cache (`pageshow` persisted). */
  stay(): void
}

/**
 * Sends one event with ky (`keepalive`, no retries of its own, no HTTP errors thrown) as a
 * `text/plain` JSON body, which needs no CORS preflight; maps every end to a TransportOutcome and
 * never rejects. While the page is hidden or left it keeps within the 64 KiB keepalive budget and
 * falls back to `navigator.sendBeacon` past it.
 */
export function createBrowserTransport({ beforeSend }: BrowserTransportOptions = {}): BrowserTransport {
  let inFlight = 0
  let leaving = false
  // Keepalive requests still waiting for an answer: at `pagehide` they count as handed off (one still
  // waiting at a later `pagehide` is listed again, which changes nothing: its entry went at the first).
  const handOffs = new Set<() => void>()
  const handedOff = new Set<string>()
  const handOff = (body: string): TransportOutcome => {
    handedOff.add(body)
    return { type: 'handed_off' }
  }

  const postNow = async (
    { url, body, headers, timeoutMs }: TransportRequest,
    keepalive: boolean,
  ): Promise<TransportOutcome> => {
    try {
      const response = await ky.post(url, {
        body,
        // No Content-Type: fetch gives a string body `text/plain;charset=UTF-8`, which needs no CORS preflight.
        headers,
        keepalive,
        timeout: timeoutMs,
        // Cookies go to the site's own first-party endpoint only (it re-issues `sc` with Set-Cookie,
        // which an `omit` request would ignore); a tracker on another origin gets none.
        credentials: 'same-origin',
        // kyLite (the script tag's ky) never retries nor throws on an HTTP error.
        ...(!isScriptTag && { retry: 0, throwHttpErrors: false }),
      })
      // Nothing in the answer is needed; release it.
      void response.body?.cancel().catch(() => {})
      return { type: 'response', status: response.status, retryAfter: response.headers.get('Retry-After') }
    } catch (cause) {
      return { type: (cause as Error | undefined)?.name === 'TimeoutError' ? 'timeout' : 'network_error', cause }
    }
  }

  const sendNow = async (request: TransportRequest): Promise<TransportOutcome> => {
    beforeSend?.()
    const { url, body } = request
    const bytes = utf8Bytes(body)
    // Browsers without keepalive fetch would drop a request made while the page is being left.
    if (!('keepalive' in Request.prototype) || inFlight + bytes > keepaliveBudgetBytes) {
      if (!request.unloading) return postNow(request, false)
      try {
        // A string body goes as `text/plain`, which needs no CORS preflight.
        if (navigator.sendBeacon(url, body)) return handOff(body)
        throw new Error('sendBeacon refused the event')
      } catch (cause) {
        // No sendBeacon here (or it threw): a network error all the same.
        return { type: 'network_error', cause }
      }
    }
    inFlight += bytes
    return new Promise((resolve) => {
      // Whichever comes first: the page is left (the request is the browser's now), or the answer.
      const handOffNow = () => resolve(handOff(body))
      if (leaving) handOffNow()
      else handOffs.add(handOffNow)
      void postNow(request, true).then((outcome) => {
        inFlight -= bytes
        handOffs.delete(handOffNow)
        resolve(outcome)
      })
    })
  }

  // Starting a fetch costs the main thread more than building the event does, so a tracking call
  // returns first and its request starts in a task of its own (with the others of the same task).
  // Its entry is already stored; `pagehide` and unloading requests start everything at once.
  const deferred: Array<() => void> = []
  const startDeferred = () => {
    for (const start of deferred.splice(0)) start()
  }

  return {
    async send(request) {
      // Offline, a page being left keeps its entries for a later page rather than try in vain.
      if (leaving && isOffline()) return { type: 'network_error', cause: new Error('offline') }
      if (request.unloading || leaving) {
        startDeferred()
        return sendNow(request)
      }
      return new Promise((resolve) => {
        if (deferred.push(() => resolve(sendNow(request))) === 1) nextTask(startDeferred)
      })
    },
    leave() {
      leaving = true
      // Offline, requests not started yet would only fail and nothing is handed off: the entries
      // wait for a later page.
      if (!isOffline()) {
        startDeferred()
        for (const handOffNow of handOffs) handOffNow()
      }
      return handedOff
    },
    stay() {
      leaving = false
      handedOff.clear()
    },
  }
}

function isOffline(): boolean {
  return (isScriptTag || typeof navigator !== 'undefined') && navigator.onLine === false
}
