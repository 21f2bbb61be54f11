// Delivery from a store whose methods may answer promises (node's file journal and Postgres table):
// nothing is sent before its entry is written, an entry written inside the application's transaction
// is handed out after COMMIT, one takeover runs at a time, and close() waits for the writes under way.
import { asTrackerError, callSafely, isPromiseLike } from './hostCalls'
import type { DeliveryCore, DeliveryExtension, QueueStore } from './types'

/** What {@link deliverFromAsyncStore} composes into the delivery core, and the writes it still waits for. */
export interface AsyncStoreDelivery extends Required<Pick<DeliveryExtension, 'persist' | 'wrote' | 'takeOver'>> {
  /** Store writes delivery did not wait for (update, remove) that have not finished: close() waits for them. */
  writes: Set<Promise<unknown>>
}

/**
 * Composes an asynchronous store into the delivery core. A store that answers at once is served as
 * the page's is; a write that fails refuses its event (`store_error`, or the store's own error).
 *
 * @example
 * const storeDelivery = deliverFromAsyncStore(core, createPostgresStore({ connectionString }), () => closed)
 */
export function deliverFromAsyncStore(
  core: DeliveryCore,
  store: QueueStore | undefined,
  isClosed: () => boolean,
): AsyncStoreDelivery {
  const writes = new Set<Promise<unknown>>()
  /** An asynchronous `takeOver()` is under way: one at a time. */
  let takingOver = false
  return {
    writes,
    wrote(answer) {
      if (!isPromiseLike(answer)) return
      const tracked: Promise<unknown> = Promise.resolve(answer).then(
        () => writes.delete(tracked),
        () => writes.delete(tracked),
      )
      writes.add(tracked)
    },
    persist(job, sendOptions) {
      const { entry } = job
      const transaction = sendOptions?.transaction
      const written = callSafely(() =>
        transaction === undefined ? store?.add(entry) : store?.add(entry, { transaction }),
      )
      // A synchronous store or none: the event waits for a slot at once.
      if (!isPromiseLike(written) && transaction === undefined) {
        core.release(job)
        return true
      }
      job.writing = true
      Promise.resolve(written).then(
        () => {
          // Given up on by close() meanwhile: it stays in the store for a later process.
          if (job.settled) return
          job.writing = false
          // Written inside the application's transaction: the store hands it out after COMMIT.
          if (transaction !== undefined) return core.settle(job, false)
          core.release(job)
        },
        // A store refuses with a TrackerError of its own (queue_full: its bound on disk), or fails.
        (cause) => {
          const { eventName } = entry
          const what = `${eventName} not queued: the store could not write it (${String(cause)})`
          core.settle(job, false, asTrackerError(cause, 'store_error', what, { eventName }))
        },
      )
      return true
    },
    takeOver(room) {
      if (isClosed() || takingOver) return true
      const taken = store?.takeOver(room)
      if (!isPromiseLike(taken)) {
        core.admitTaken(taken)
        return true
      }
      takingOver = true
      Promise.resolve(taken)
        .then((entries) => {
          takingOver = false
          if (!isClosed()) callSafely(() => core.admitTaken(entries))
          core.pump()
        })
        .catch(() => {
          takingOver = false
        })
      return true
    },
  }
}
