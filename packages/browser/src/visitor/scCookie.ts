import { TrackerError } from '@es-tracker/core'
import Cookies from 'js-cookie'
import { newUuid } from './newUuid'

/** The cookie jar the `sc` source reads and writes; js-cookie by default, a fake in tests. */
export interface CookieJar {
  get(name: string): string | undefined
  set(name: string, value: string, attributes: Cookies.CookieAttributes): void
}

/** The tracker's options that {@link createScSource} reads. */
export interface ScSourceOptions {
  /** Set an `sc` cookie when the site has none; `false` waits for the site to set it. @default true */
  createScCookie?: boolean
  /** Give up waiting for the cookie after this long. @default 600000 (10 minutes) */
  scWaitTimeoutMs?: number
}

/** What tests put in place of the page's own (never read from the tracker's options). */
export interface ScSourceInternals {
  /** Add `Secure` to a created cookie. @default whether the page is served over https */
  secure?: boolean
  /** A new visitor id: an uppercase UUID. @default newUuid */
  newId?: () => string
  /** Events that may wait at once; past it an event resolves `queue_full`. @default 100 */
  maxWaiting?: number
  cookies?: CookieJar
}

/** Answers the visitor's `sc` cookie at send time. */
export interface ScSource {
  /** The current `sc` (at once when the cookie is there or may be created), or a promise while waiting for the site to set it. */
  get(): string | TrackerError | Promise<string | TrackerError>
}

interface Waiter {
  resolve(result: string | TrackerError): void
  deadline: number
}

/**
 * Reads the `sc` cookie with js-cookie when an event is sent; where the site has none, sets one
 * (first-party, one year, `SameSite=Lax`, `Secure` on https) or, with `createScCookie: false`, makes the
 * event wait until the cookie appears, looking again on each event and once a second meanwhile.
 */
export function createScSource(
  { createScCookie, scWaitTimeoutMs: waitTimeoutMs = 600_000 }: ScSourceOptions,
  {
    cookies = Cookies,
    maxWaiting = 100,
    newId = newUuid,
    secure = location.protocol === 'https:',
  }: ScSourceInternals = {},
): ScSource {
  const waiters: Waiter[] = []
  let timer: ReturnType<typeof setInterval> | undefined
  // Where cookies are blocked, one id for the page's life is better than dropping every event.
  let createdButBlocked: string | undefined

  const read = (): string | undefined => {
    try {
      return cookies.get('sc') || undefined
    } catch {}
  }

  // Resolves in call order, so that a cart still goes out before the purchase that follows it.
  const settle = () => {
    const sc = read()
    const now = Date.now()
    for (const waiter of waiters.splice(0)) {
      if (sc || now >= waiter.deadline) {
        waiter.resolve(
          sc ?? new TrackerError('timeout', `no sc cookie within ${waitTimeoutMs} ms (createScCookie: false)`),
        )
      } else waiters.push(waiter)
    }
    if (waiters.length === 0) timer = void clearInterval(timer)
  }

  return {
    get() {
      let sc = read() ?? createdButBlocked
      if (!sc && createScCookie !== false) {
        const id = newId()
        try {
          cookies.set('sc', id, { expires: 365, path: '/', sameSite: 'Lax', secure })
        } catch {
          // A sandboxed document throws on cookie writes; fall through to the page-long id.
        }
        sc = read()
        if (!sc) createdButBlocked = sc = id
      }
      if (sc) {
        // Whoever waits goes too (the cookie appeared since the last look).
        settle()
        return sc
      }
      return waiters.length < maxWaiting
        ? new Promise((resolve) => {
            waiters.push({ resolve, deadline: Date.now() + waitTimeoutMs })
            // Looked for once a second meanwhile.
            timer ??= setInterval(settle, 1000)
          })
        : new TrackerError('queue_full', `${maxWaiting} events already wait for the sc cookie`)
    },
  }
}
