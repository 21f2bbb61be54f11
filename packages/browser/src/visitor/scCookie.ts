import { TrackerError } from '@es-tracker/core'
import Cookies from 'js-cookie'
import { after } from '../after'
import { newUuid } from './newUuid'

/** The tracker's options that {@link createScSource} reads. */
export interface ScSourceOptions {
  /** Set an `sc` cookie when the site has none; `false` waits for the site to set it. @default true */
  createScCookie?: boolean
  /** Give up waiting for the cookie after this long. @default 600000 (10 minutes) */
  scWaitTimeoutMs?: number
}

/**
 * Where the `sc` cookie lives: reads and writes that may answer at once (a page's `document.cookie`)
 * or later (a Shopify pixel's `browser.cookie`, which reaches the shop's page asynchronously). Neither
 * throws nor rejects.
 */
export interface ScCookieJar {
  /** The cookie's value, or `undefined` when there is none. */
  read(): string | undefined | Promise<string | undefined>
  /** Creates the cookie with this id (first-party, one year, `SameSite=Lax`); a jar that answers later returns a promise. */
  create(id: string): unknown
}

/** The page's jar: js-cookie on `document.cookie` (its subset in the script tag), `Secure` on https. */
export const documentCookieJar: ScCookieJar = {
  read() {
    try {
      return Cookies.get('sc') || undefined
    } catch {}
  },
  create(id) {
    try {
      Cookies.set('sc', id, { expires: 365, path: '/', sameSite: 'Lax', secure: location.protocol === 'https:' })
    } catch {
      // A sandboxed document throws on cookie writes: the source falls back to a page-long id.
    }
  },
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
 * Makes the function that reads the `sc` cookie from `jar` (the page's {@link documentCookieJar}, or a pixel's)
 * when an event is sent; where the site has none, it creates one or, with `createScCookie: false`,
 * makes the event wait until the cookie appears, looking again on each event and once a second
 * meanwhile. With a jar that answers later, events that come while it is being read (or created)
 * share that answer, so that two events never create two cookies.
 */
export function createScSource(
  { createScCookie, scWaitTimeoutMs = 600_000 }: ScSourceOptions,
  jar: ScCookieJar,
): ScSource {
  const waiters: Waiter[] = []
  let timer: ReturnType<typeof setInterval> | undefined
  // Where cookies are blocked, one id for the page's life is better than dropping every event.
  let createdButBlocked: string | undefined
  // An asynchronous jar's look (read, and create) still under way: later events share it.
  let looking: Promise<string | undefined> | undefined

  // Resolves in call order, so that a cart still goes out before the purchase that follows it.
  const settle = () =>
    after(jar.read(), (sc) => {
      const now = Date.now()
      for (const waiter of waiters.splice(0)) {
        if (sc || now >= waiter[1]) {
          waiter[0](
            sc ?? new TrackerError('timeout', `no sc cookie within ${scWaitTimeoutMs} ms (createScCookie: false)`),
          )
        } else waiters.push(waiter)
      }
      if (!waiters.length) timer = void clearInterval(timer)
    })

  // Creates the cookie and reads it back: where cookies are blocked, the id is kept for the page's life.
  const create = (): string | Promise<string> => {
    const id = newUuid()
    const readBack = (created: string | undefined) => {
      if (created) return created
      createdButBlocked = id
      return id
    }
    const written = jar.create(id)
    return written instanceof Promise ? written.then(() => jar.read()).then(readBack) : after(jar.read(), readBack)
  }

  // The cookie, created where there is none and creating is allowed: `undefined` when the event must wait.
  const look = () =>
    after<string | undefined, string | undefined>(
      jar.read(),
      (found) => found ?? createdButBlocked ?? (createScCookie === false ? undefined : create()),
    )

  // The answer for an event, from what the jar holds.
  const answer = (sc: string | undefined): string | TrackerError | Promise<string | TrackerError> => {
    if (sc) {
      // Whoever waits goes too (the cookie appeared since the last look). Only then: reading the
      // cookie again on every event doubled the main-thread cost of reading it.
      if (waiters.length) void settle()
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

  return () => {
    const found = looking ?? look()
    if (!(found instanceof Promise)) return answer(found)
    if (!looking) {
      looking = found
      void found.then(() => {
        looking = undefined
      })
    }
    return found.then(answer)
  }
}
