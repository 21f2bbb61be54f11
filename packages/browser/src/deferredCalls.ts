import { nextTask } from './nextTask'

/** Work a tracker method leaves for later, run in order in one later task or at once by `drain()`. */
export interface DeferredCalls {
  /** Queues `work` for a later task; answers at once. */
  defer(work: () => void): void
  /**
   * Runs every queued piece of work now, in order: called when the page is hidden or left (before
   * the last delivery) and before anything that reads what the work writes (the cart GUID, `flush`).
   */
  drain(): void
}

/**
 * Creates the queue that lets a tracker method return at once: the method keeps a snapshot of its
 * input and defers the rest (sc cookie, build, validation, persistence) to a later task, in the
 * order of the calls. One piece of work that throws does not stop the others.
 *
 * @example
 * const later = createDeferredCalls()
 * later.defer(() => methods.productPage(input))
 * addEventListener('pagehide', later.drain)
 */
export function createDeferredCalls(): DeferredCalls {
  const queued: Array<() => void> = []
  const drain = () => {
    // Work queued while draining (a call from inside a callback) runs in this drain too.
    while (queued.length > 0) {
      try {
        queued.shift()!()
      } catch {}
    }
  }
  return {
    defer(work) {
      if (queued.push(work) === 1) nextTask(drain)
    },
    drain,
  }
}
