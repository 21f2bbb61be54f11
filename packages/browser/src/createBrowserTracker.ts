import type { EventContext, PageContext, SendResult } from '@es-tracker/core'
import { TrackerError } from '@es-tracker/core'
import type { DeliveryEngine } from '@es-tracker/core/internal'
import {
  createDeliveryEngine,
  createTrackerMethods,
  findUnknownFields,
  mustBe,
  newCartGuid,
} from '@es-tracker/core/internal'
import { after } from './after'
import { isScriptTag } from './buildTarget'
import { createCartStore } from './cart/cartGuid'
import { checkOptions } from './config/checkOptions'
import { type ConsentGate, consentStates, createConsentGate, isConsentState } from './consent/consentGate'
import { createConsentStorage } from './consent/consentStorage'
import { followPageConsent } from './consent/pageConsent'
import { createDebugLog, type DebugLog } from './debug/debugLog'
import { createDeferredCalls, type DeferredCalls } from './deferredCalls'
import { nextTask } from './nextTask'
import { snapshotInput } from './snapshotInput'
import { pageWallTime } from './storage/pageWallTime'
import { createPersistedQueueStore, type PersistedQueueStore } from './storage/persistedQueueStore'
import { createReplayCoordinator, type ReplayCoordinator } from './storage/replayCoordinator'
import { createSafeStorage, type SafeStorage } from './storage/safeStorage'
import { keepTrackerStorage } from './storage/trackerStorage'
import { type BrowserTransport, createBrowserTransport } from './transport/browserTransport'
import type { BrowserTracker, BrowserTrackerOptions } from './types'
import { createIdentityStore } from './visitor/identityStore'
import { newUuid } from './visitor/newUuid'
import { readPageContext } from './visitor/pageContext'
import { createScSource, documentCookieJar, type ScSource } from './visitor/scCookie'

/**
 * Creates a browser tracker for one site: every tracker method of the API, the visitor's identity,
 * consent and cart GUID, and delivery that survives page loads, tabs, going offline and leaving.
 *
 * Nothing happens at import. Bad options (no `siteId`, an endpoint that is not `https:` or
 * loopback) are reported on the console and through `onError`, and give an inert tracker whose
 * methods resolve `invalid_config`. Outside a browser document (Node, SSR, a web worker) it gives an
 * inert tracker too, whose methods resolve `unsupported`: use `@es-tracker/node` on servers.
 *
 * @example
 * const tracker = createBrowserTracker({ siteId: '8A412DC' })
 * tracker.productPage({ product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true } })
 */
export function createBrowserTracker(options: BrowserTrackerOptions): BrowserTracker {
  return createPageTracker(options, createDebugLog(options, console, findUnknownFields))
}

/**
 * The page's tracker with a given debug log: the script tag's, whose masking and formatting come with
 * an add-on (debug/createDeferredDebugLog.ts), or the ES module's (createBrowserTracker).
 */
export function createPageTracker(options: BrowserTrackerOptions, debug: DebugLog): BrowserTracker {
  const checked = checkOptions(options)
  if (!checked.ok) {
    debug.report(checked.error)
    return createInertTracker(checked.error)
  }
  // The script tag runs in a page only (scriptTag.ts checks window).
  if (!isScriptTag && (typeof window === 'undefined' || typeof document === 'undefined')) {
    return createInertTracker(new TrackerError('unsupported', 'no browser document: use @es-tracker/node on servers'))
  }

  return createPlatformTracker(
    options,
    checked.url,
    {
      storage: createSafeStorage(),
      sc: createScSource(options, documentCookieJar),
      pageContext: readPageContext,
      locks: webLocks(),
      listen: (parts) => listenToPage(parts, options),
    },
    debug,
  )
}

/**
 * What a platform gives the tracker: the page gives its localStorage, `document.cookie`, location and
 * lifecycle events; a Shopify pixel gives its copy of `browser.localStorage`, `browser.cookie` and the
 * top frame's state that each event carries.
 */
export interface TrackerPlatform {
  /** Where the queue, the cart GUID and the identity are kept, shared with the site's other pages. */
  storage: SafeStorage
  /** Answers the `sc` cookie for each event (reading it, or creating it where the site has none). */
  sc: ScSource
  /** GeneralInfo's page-context fields for an event being built. */
  pageContext: () => PageContext
  /** Web Locks for replays between tabs; `undefined`: the entries' leases alone. */
  locks?: Pick<LockManager, 'request'> | undefined
  /**
   * Reads `storage` again, where it does not show what other pages write later (a pixel's copy of the
   * shop's storage, read at start); the page's localStorage needs none.
   */
  rereadStorage?: () => Promise<void>
  /** Starts following the platform's lifecycle (hidden, left, back, online); a pixel has none. */
  listen?: (parts: PlatformParts) => void
  /**
   * Whether a call returns at once and its work (cookie, build, validation, persistence) runs in a
   * later task: the page's main thread is the host's. A pixel runs in a sandbox of its own and reads
   * each event's page context as it handles it, so its calls run at once. @default true
   */
  deferCalls?: boolean
}

/** The parts of a tracker that a platform's lifecycle drives. */
export interface PlatformParts {
  consent: ConsentGate
  store: PersistedQueueStore
  engine: DeliveryEngine
  transport: BrowserTransport
  coordinator: ReplayCoordinator
  /** The calls made but not yet built: done at once when the platform is hidden or left. */
  later: DeferredCalls
}

/**
 * Makes a tracker on a platform's pieces: the engine, the persisted queue, consent, the `sc` cookie,
 * the cart GUID and identity, the same for the page (`createBrowserTracker`) and for a Shopify pixel
 * (`trackShopifyEvents`). `options` are checked already; `url` is the resolved endpoint; `debug` logs
 * in debug mode and reports failures.
 */
export function createPlatformTracker(
  options: BrowserTrackerOptions,
  url: string,
  platform: TrackerPlatform,
  debug: DebugLog,
): BrowserTracker {
  const { report } = debug
  const siteId = options.siteId.trim()
  const prefix = options.storageKey ?? 'es-tracker'
  // This page's id in the shared queue.
  const owner = newUuid()
  // A consent source ('gcm', 'tcf') has decided nothing yet.
  const consent = createConsentGate(
    options.consent === 'gcm' || options.consent === 'tcf' ? 'pending' : options.consent,
  )
  // Nothing is written to storage before consent is granted (held in memory until then).
  const storage = createConsentStorage(platform.storage, consent)
  // checkOptions let only whole numbers in range or undefined through: undefined takes the default.
  const store = createPersistedQueueStore({
    storage,
    key: `${prefix}:queue:${siteId}`,
    owner,
    maxEntries: options.maxStoredEvents,
  })
  // When a page of the site last saw the endpoint fail (see EngineOptions.sharedHealth). A stamp more
  // than the window ahead is a moved clock's: ignored.
  const failingKey = `${prefix}:failing:${siteId}`
  const transport = createBrowserTransport({ beforeSend: store.persist })
  const engine = createDeliveryEngine({
    url,
    transport,
    store,
    sharedHealth: {
      failedWithin: (ms) => Math.abs(pageWallTime() - Number(storage.get(failingKey))) < ms,
      recordFailure: () => storage.set(failingKey, String(Math.round(pageWallTime()))),
    },
    concurrency: options.concurrency ?? 2,
    onError: report,
    retry: options.retry || undefined,
    timeoutMs: options.timeout,
    maxQueue: options.maxQueue,
    maxAgeMs: options.maxAgeMs,
  })
  const replays = createReplayCoordinator({
    store,
    replay: engine.replay,
    locks: platform.locks,
    reread: platform.rereadStorage,
  })
  // What earlier pages stored is neither claimed nor sent before consent is granted (a CMP may deny it).
  const coordinator = {
    ...replays,
    trigger() {
      if (consent.granted()) replays.trigger()
    },
  }
  consent.onGranted(coordinator.trigger)
  const cart = createCartStore(storage, `${prefix}:cart:${siteId}`)
  const identity = createIdentityStore(storage, `${prefix}:identity:${siteId}`)
  const { sc } = platform

  /** An event's GeneralInfo context once the sc cookie is known, or why it has none. */
  const visitorContext = (): EventContext | TrackerError | Promise<EventContext | TrackerError> =>
    after(sc(), (value) => {
      if (typeof value !== 'string') return value
      return { siteId, sc: value, identity: identity.get(), context: { ...platform.pageContext(), ...options.context } }
    })
  const methods = createTrackerMethods({
    // Consent first, then the sc cookie; each may make the event wait, or refuse it.
    context: (eventName) =>
      after(consent.check(eventName), (refused) => {
        if (refused) return refused
        // ProductUpdate is a catalog event: GeneralInfo carries only its name and the site.
        if (eventName === 'ProductUpdate') return { siteId }
        return visitorContext()
      }) as EventContext | TrackerError | Promise<EventContext | TrackerError>,
    enqueue(eventName, payload) {
      // In debug mode: logged, with the keys the wire model does not know noted (a typo?).
      debug.payload(eventName, payload)
      // This page owns stored entries from now on: their leases are renewed while it does.
      coordinator.watch()
      return engine.enqueue(eventName, payload)
    },
    cart,
    newGuid: newCartGuid,
    onError: report,
    onWarning: debug.warnings,
  })

  // The page's calls return at once: their work runs in a later task, in order (or at `drain()`).
  const later = createDeferredCalls()
  const tracker = {
    // A call whose wait (consent, the sc cookie) is over reaches the engine in this task, through
    // promise callbacks only: a task later it is queued. Calls still waiting cannot settle now.
    flush() {
      later.drain()
      return new Promise<void>(nextTask).then(engine.flush)
    },
    cartGuid() {
      // The cart GUID is what the calls made so far leave behind.
      later.drain()
      return cart.get()
    },
  } as BrowserTracker
  const logged = {
    ...methods,
    identify(input: unknown) {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        report(mustBe('identify input', 'an object', input, 'invalid_event'))
      } else identity.identify(input)
    },
    reset() {
      identity.clear()
      cart.clear()
    },
    setConsent(state: unknown) {
      if (isConsentState(state)) consent.set(state)
      else report(mustBe('setConsent state', consentStates, state))
    },
  }
  // Each call is logged in debug mode, and the results of core's methods too. A call keeps a snapshot
  // of its input and returns; the cookie, build, validation and persistence run later, in call order.
  for (const [name, method] of Object.entries(logged) as Array<[string, (...args: unknown[]) => unknown]>) {
    const sends = name in methods
    ;(tracker as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      debug.call(name, args)
      const run = (input: unknown[]) => {
        const result = method(...input) as Promise<SendResult> | undefined
        void result?.then((settled) => debug.result(name, settled))
        return result
      }
      let input: unknown[] | undefined
      try {
        if (sends) input = snapshotInput(args)
      } catch {
        // An input that throws when read (a hostile getter) is reported by the call itself, below.
      }
      if (input && platform.deferCalls !== false) {
        const snapshot = input
        return new Promise((resolve) => later.defer(() => resolve(run(snapshot))))
      }
      // identify, reset and setConsent are cheap and change what later calls carry: they run now,
      // after the calls before them.
      later.drain()
      return run(args)
    }
  }

  // The bridges beside the tracker (the GA4 dataLayer bridge) keep their records in the same storage,
  // so that they too write nothing before consent.
  keepTrackerStorage(tracker, storage)
  platform.listen?.({ consent, store, engine, transport, coordinator, later })
  coordinator.trigger()
  return tracker
}

/**
 * Follows the page's lifecycle, one small step per moment (see the README, "Delivery guarantees"),
 * and the page's consent signals (Google Consent Mode, TCF) when the `consent` option names one.
 */
function listenToPage(
  { consent, store, engine, transport, coordinator, later }: PlatformParts,
  options: BrowserTrackerOptions,
): void {
  let left = false
  /** Hidden (it may be discarded without another event): store what waits and, online and unless the endpoint fails, send the rest now. */
  const hidePage = () => {
    // The calls made so far build and persist first: what the page did before it went is not lost.
    later.drain()
    store.persist()
    if (navigator.onLine !== false) engine.flushOnUnload()
  }
  /**
   * Left (`pagehide`, for good or into the back/forward cache, or `freeze`): last attempts, then what
   * is in flight counts as delivered unless the endpoint fails, and every other entry is left to the
   * next page or another tab (a frozen page may never run again).
   */
  const leavePage = () => {
    if (left) return
    left = true
    hidePage()
    transport.leave()
    engine.leave()
    store.release()
  }
  /** Back (`pageshow` persisted, `resume`): claim the entries no other page took meanwhile and go on delivering. */
  const returnToPage = () => {
    if (!left) return
    left = false
    transport.stay()
    store.resume()
    engine.resume()
    coordinator.trigger()
  }
  /** The browser can deliver again (`online`, shown again): back-offs end now. */
  const deliverAgain = () => {
    if (left) return
    engine.resume()
    coordinator.trigger()
  }
  let storageTimer: ReturnType<typeof setTimeout> | undefined
  // Never `unload`: it keeps the page out of the back/forward cache. `visibilitychange` is fired at the
  // document and bubbles to the window, where every listener sits; `freeze` and `resume` too.
  const on = (type: string, listener: (event: never) => void) => addEventListener(type, listener as EventListener)
  on('visibilitychange', () => (document.visibilityState === 'hidden' ? hidePage() : deliverAgain()))
  on('pagehide', leavePage)
  on('freeze', leavePage)
  on('pageshow', (event: PageTransitionEvent) => {
    if (event.persisted) returnToPage()
  })
  on('resume', returnToPage)
  on('online', deliverAgain)
  on('storage', (event: StorageEvent) => {
    // Another tab wrote the queue (it may have left entries behind); look once the writes settle.
    if (store.owns(event.key) && !storageTimer)
      storageTimer = setTimeout(() => {
        storageTimer = undefined
        coordinator.trigger()
      }, 100)
  })
  // Google Consent Mode or a TCF CMP may decide at once (their signals are already on the page). The
  // script tag loads these readers as an add-on, only for pages that ask (addons/startAddons.ts).
  if (!isScriptTag) followPageConsent(options.consent, consent.set)
}

/** `navigator.locks`, or `undefined` where reading it throws (a hostile or broken page): leases alone then. */
function webLocks(): LockManager | undefined {
  try {
    return navigator.locks
  } catch {
    return undefined
  }
}

/** A tracker that sends nothing: every method resolves with the given error (core's methods on a context that refuses). */
export function createInertTracker(error: TrackerError): BrowserTracker {
  const nothing = () => undefined
  return {
    ...createTrackerMethods({
      // The context refuses every call, so nothing reaches `enqueue`.
      context: () => error,
      enqueue: nothing as never,
      newGuid: newCartGuid,
    }),
    identify: nothing,
    reset: nothing,
    setConsent: nothing,
    cartGuid: nothing,
    flush: async () => {},
  }
}
