// The two delivery engines: a page's (the delivery core alone) and a server's (the core with what only
// a server needs composed in: asynchronous stores, transactions, outage pacing and close).
import type { TrackerError } from '../errors/TrackerError'
import { type AsyncStoreDelivery, deliverFromAsyncStore } from './asyncStoreDelivery'
import { createDeliveryCore, engineDefaults } from './createDeliveryCore'
import { failure } from './hostCalls'
import { type PacedDelivery, paceDelivery } from './pacedDelivery'
import type {
  DeliveryCore,
  DeliveryEngine,
  DeliveryEngineOptions,
  EngineOptions,
  SendResult,
  TrackerEngine,
} from './types'

/**
 * Creates the delivery engine of a platform that never closes it (a browser page): the delivery core
 * alone, with a synchronous store; the page's script tag carries nothing else of the engine.
 *
 * @example
 * const engine = createDeliveryEngine({ url, transport, store })
 */
export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  return createDeliveryCore(options)
}

/**
 * Creates a server's delivery engine: the delivery core (see `createDeliveryCore`), with a store whose
 * writes may answer later (nothing is sent before its entry is written; `{ transaction }` writes into
 * the application's transaction), outage pacing when `outagePacing` is given (while the endpoint
 * fails, one probe at a time until it answers) and `close()`.
 *
 * @example
 * const engine = createTrackerEngine({ url: 'https://tracker.esputnik.com/api/v2', transport })
 * const result = await engine.enqueue('CustomerData', payload) // { ok: true } or { ok: false, error }
 */
export function createTrackerEngine(options: EngineOptions): TrackerEngine {
  let closed = false
  const isClosed = () => closed
  let core!: DeliveryCore
  let storeDelivery!: AsyncStoreDelivery
  let pacing: PacedDelivery | undefined
  const engine = createDeliveryCore(options, (given) => {
    core = given
    storeDelivery = deliverFromAsyncStore(core, options.store, isClosed)
    pacing = options.outagePacing && paceDelivery(core, options.outagePacing)
    const { persist, wrote, takeOver } = storeDelivery
    return {
      persist,
      wrote,
      takeOver,
      ...(pacing && { limit: pacing.limit, measured: pacing.measured, resumed: pacing.resumed }),
      // In flight when close() gave up, and failed: no retry now; the entry stays in the store.
      refuseRetry: (job, error) =>
        closed
          ? core.eventError(
              'closed',
              job.entry.eventName,
              `not delivered: close() gave up and its last attempt failed (${error.message})`,
              error,
            )
          : undefined,
    }
  })
  /** A refused event's result, passed to `onError`. */
  const refuse = (error: TrackerError): Promise<SendResult> => Promise.resolve(failure(options, error))
  const pending = () => Promise.all([...[...core.jobs.values()].map((job) => job.promise), ...storeDelivery.writes])

  /** Settles within `closeTimeoutMs`: delivers what is pending (and what comes meanwhile), then refuses. */
  async function shutDown(closeTimeoutMs: number): Promise<void> {
    const timer = new AbortController()
    // True when the time is up; a clock that throws ends the wait at once.
    const deadline = core.sleep(Math.max(0, closeTimeoutMs), timer.signal).then(() => true)
    // Events sent while closing are still taken and waited for, until the time is up.
    let timeUp = false
    // So are the store's unfinished writes: a removal that never lands is a duplicate for the next process.
    while ((core.jobs.size > 0 || storeDelivery.writes.size > 0) && !timeUp)
      timeUp = await Promise.race([deadline, pending().then(() => false)])
    timer.abort()
    closed = true
    pacing?.stop()
    for (const job of core.jobs.values()) {
      // An attempt in flight settles with its own outcome (it may well arrive): bounded by timeoutMs.
      if (core.sending.has(job)) continue
      // Kept in the store: a browser page that comes later may still deliver it. Settling ends its back-off.
      const what = `not delivered: close() gave up after ${closeTimeoutMs} ms`
      core.settle(job, false, core.eventError('closed', job.entry.eventName, what))
    }
  }

  let closing: Promise<void> | undefined
  return {
    ...engine,
    enqueue(eventName, payload, sendOptions) {
      if (closed) return refuse(core.eventError('closed', eventName, 'refused: tracker closed'))
      if (sendOptions?.transaction !== undefined && !options.store) {
        const what =
          'not queued: { transaction } needs a store that writes into it (createPostgresStore); this tracker has none'
        return refuse(core.eventError('invalid_config', eventName, what))
      }
      return engine.enqueue(eventName, payload, sendOptions)
    },
    flush: async () => {
      await pending()
    },
    close(closeTimeoutMs = engineDefaults.closeTimeoutMs) {
      closing ??= shutDown(closeTimeoutMs).catch(() => {
        closed = true
      })
      return closing
    },
  }
}
