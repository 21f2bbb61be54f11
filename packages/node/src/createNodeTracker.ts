import type { EventContext, EventName, TrackerMethods } from '@es-tracker/core'
import { TrackerError } from '@es-tracker/core'
import {
  type Clock,
  createOutagePacing,
  createTrackerEngine,
  createTrackerMethods,
  describeValue,
  newCartGuid,
} from '@es-tracker/core/internal'
import { resolveNodeOptions } from './resolveNodeOptions'
import { pollStore } from './stores/pollStore'
import { createFetchTransport } from './transport/createFetchTransport'
import { createHttpTransport } from './transport/createHttpTransport'
import type { DurableQueueStore, NodeTracker, NodeTrackerOptions, VisitorOptions } from './types'

const warnOnError = (error: TrackerError): void => {
  console.warn(`[es-tracker] ${error.code}: ${error.message}`)
}

/**
 * Creates the server-side tracker: events are queued in memory, sent over keep-alive connections
 * with bounded concurrency, retried with back-off, and every method resolves to a result.
 *
 * Configuration mistakes (no `siteId`, a non-https endpoint) throw a `TrackerError` with code
 * `invalid_config` right here, at start-up; after that nothing throws and nothing rejects.
 *
 * @example
 * const tracker = createNodeTracker({ siteId: '8A412DC', apiKey: process.env.ESPUTNIK_API_KEY })
 * const visitor = tracker.visitor({ sc: scFromCookieHeader(req.headers.cookie), user: { email } })
 * await visitor.purchasedItems({ orderNumber: '123/2017', guid })
 */
export function createNodeTracker(options: NodeTrackerOptions): NodeTracker {
  return createNodeTrackerWith(options, {})
}

/** What tests swap in under a node tracker; not options (a user has no reason to set them). */
export interface NodeTrackerInternals {
  /** Time source for back-off waits. @default the real clock (Date.now, setTimeout) */
  clock?: Clock
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number
}

/**
 * {@link createNodeTracker} with the engine's clock and jitter source swapped in: the internal
 * factory the package's tests use (not exported from the package).
 */
export function createNodeTrackerWith(options: NodeTrackerOptions, internals: NodeTrackerInternals): NodeTracker {
  const resolved = resolveNodeOptions(options)
  const onError = options.onError ?? warnOnError
  const onWarning =
    options.onWarning ??
    ((issues, eventName) => {
      // Only the field and what was expected: the refused value is personal data (an e-mail, a phone).
      for (const issue of issues) {
        console.warn(`[es-tracker] ${eventName}: ${issue.path} dropped, expected ${issue.expected}`)
      }
    })
  const store = options.store as DurableQueueStore | undefined
  const engine = createTrackerEngine({
    url: resolved.url,
    headers: resolved.headers,
    // Node's HTTP stack by default; the user's fetch when they give one.
    transport:
      options.transport ?? (options.fetch ? createFetchTransport({ fetch: options.fetch }) : createHttpTransport()),
    retry: resolved.retry,
    timeoutMs: resolved.timeoutMs,
    concurrency: resolved.concurrency,
    maxQueue: resolved.maxQueue,
    maxAgeMs: resolved.maxAgeMs,
    ...(store ? { store } : {}),
    // Thousands of events may wait through an outage: one probe at a time, not each on its own timer.
    outagePacing: createOutagePacing,
    onError,
    ...(internals.clock ? { clock: internals.clock } : {}),
    ...(internals.random ? { random: internals.random } : {}),
  })
  const stopPolling = store ? pollStore(engine, store) : undefined
  const enqueue = engine.enqueue
  const methodsFor = (context: (eventName: EventName) => EventContext | TrackerError): TrackerMethods =>
    createTrackerMethods({ context, enqueue, newGuid: newCartGuid, onError, onWarning })

  const catalog = methodsFor(() => ({ siteId: resolved.siteId }))

  function visitor(input: VisitorOptions): TrackerMethods {
    const given = input !== null && typeof input === 'object' ? input : ({} as Partial<VisitorOptions>)
    const sc = typeof given.sc === 'string' ? given.sc.trim() : ''
    const base: EventContext = {
      siteId: resolved.siteId,
      sc,
      ...(given.user === undefined ? {} : { identity: given.user }),
      ...(given.datetime === undefined ? {} : { datetime: given.datetime }),
      ...(given.context === undefined ? {} : { context: given.context }),
    }
    return methodsFor((eventName) =>
      sc === ''
        ? new TrackerError(
            'invalid_event',
            `${eventName} not sent: the visitor has no sc cookie value (pass visitor({ sc: scFromCookieHeader(req.headers.cookie) }))`,
            {
              eventName,
              issues: [
                {
                  path: 'GeneralInfo.cookies.sc',
                  kind: given.sc === undefined ? 'missing' : 'invalid_value',
                  message: 'expected a non-empty string',
                  expected: 'a non-empty string',
                  received: describeValue(given.sc),
                },
              ],
            },
          )
        : base,
    )
  }

  let closing: Promise<void> | undefined
  /** Delivers what it can within the time, then lets go of the store: what is left stays in it. */
  async function closeTracker(timeoutMs: number | undefined): Promise<void> {
    stopPolling?.()
    await engine.close(timeoutMs)
    await store?.close?.().catch(() => {})
  }

  return {
    visitor(input) {
      try {
        return visitor(input)
      } catch {
        return visitor({ sc: undefined })
      }
    },
    productUpdate: (products, sendOptions) => catalog.productUpdate(products, sendOptions),
    flush: () => engine.flush(),
    close: (timeoutMs) => (closing ??= closeTracker(timeoutMs)),
  }
}
