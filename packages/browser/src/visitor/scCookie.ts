import { TrackerError } from '@es-tracker/core'
import Cookies from 'js-cookie'
import { newUuid } from './newUuid'

/** The tracker's options that {@link createScSource} reads. */
export interface ScSourceOptions {
  /** Set an `sc` cookie when the site has none; `false` waits for the site to set it. @default true */
  createScCookie?: boolean
  /** Give up waiting for the cookie after this long. @default 600000 (10 minutes) */
  scWaitTimeoutMs?: number
}

/**
 * Answers the visitor's `sc` cookie at send time: at once when the cookie is there or may be created,
 * or a promise while waiting for the site to set it.
 */
export type ScSource = () => string | TrackerError | Promise<string | TrackerError>

/** An event waiting for the cookie: how to answer it, and until when it waits (ms since epoch). */
type Waiter = [resolve: (result: string | TrackerError) => void, deadline: number]

/** Events that may wait for the cookie at once; past it an event resolves `queue_full`. */
const maxWaiting = 100

/**
 * Makes the function that reads the `sc` cookie with js-cookie when an event is sent; where the site has
 * none, it sets one (first-party, one year, `SameSite=Lax`, `Secure` on https) or, with
 * `createScCookie: false`, makes the event wait until the cookie appears, looking again on each event
 * and once a second meanwhile.
 */
export function createScSource({ createScCookie, scWaitTimeoutMs = 600_000 }: ScSourceOptions): ScSource {
  const waiters: Waiter[] = []
  let timer: ReturnType<typeof setInterval> | undefined
  // Where cookies are blocked, one id for the page's life is better than dropping every event.
  let createdButBlocked: string | undefined

  const read = (): string | undefined => {
    try {
      return Cookies.get('sc') || undefined
    } catch {}
  }

  // Resolves in call order, so that a cart still goes out before the purchase that follows it.
  const settle = () => {
    const sc = read()
    const now = Date.now()
    for (const waiter of waiters.splice(0)) {
      if (sc || now >= waiter[1]) {
        waiter[0](
          sc ?? new TrackerError('timeout', `no sc cookie within ${scWaitTimeoutMs} ms (createScCookie: false)`),
        )
      } else waiters.push(waiter)
    }
    if (!waiters.length) timer = void clearInterval(timer)
  }

  return () => {
    let sc = read() ?? createdButBlocked
    if (!sc && createScCookie !== false) {
      const id = newUuid()
      try {
        Cookies.set('sc', id, { expires: 365, path: '/', sameSite: 'Lax', secure: location.protocol === 'https:' })
      } catch {
        // A sandboxed document throws on cookie writes; fall through to the page-long id.
      }
      sc = read()
      if (!sc) createdButBlocked = sc = id
    }
    if (sc) {
      // Whoever waits goes too (the cookie appeared since the last look). Only then: reading the
      // cookie again on every event doubled the main-thread cost of reading it.
      if (waiters.length) settle()
      return sc
    }
    return waiters.length < maxWaiting
      ? new Promise((resolve) => {
          waiters.push([resolve, Date.now() + scWaitTimeoutMs])
          // Looked for once a second meanwhile.
          timer ??= setInterval(settle, 1000)
        })
      : new TrackerError('queue_full', `${maxWaiting} events already wait for the sc cookie`)
  }
}
