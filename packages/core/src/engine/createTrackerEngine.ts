import { TrackerError } from '../errors/TrackerError'
import type { EventName, SendResult } from '../types'
import { defaultClock } from './defaultClock'
import { isRetryableOutcome, outcomeError, resolveRetryOptions, retryDelay } from './retryPolicy'
import { callSafely, failure, isPromiseLike, isQueueEntry, newEntryId, timeFrom } from './safety'
import type { EngineOptions, QueueEntry, ReplayOptions, SendOptions, TrackerEngine, TransportOutcome } from './types'

/** The delivery engine without `close()`. */
export type DeliveryEngine = Omit<TrackerEngine, 'close'>

/** Engine defaults, see {@link EngineOptions}. */
export const engineDefaults = {
  timeoutMs: 10_000,
  concurrency: 4,
  maxQueue: 1000,
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  closeTimeoutMs: 10_000,
} as const

/** One event the engine is responsible for until it settles. */
interface Job {
  entry: QueueEntry
  promise: Promise<SendResult>
  resolve: (result: SendResult) => void
  settled?: boolean
  /** Sent by `flushOnUnload`: a last attempt, no retry after it. */
  unloading?: boolean
  /** Cuts a back-off short (unload, close). */
  wake?: AbortController
  /** Its entry is still being written by an asynchronous store: nothing is sent before it is written. */
  writing?: boolean
}

/**
 * Creates the platform-free delivery engine: it persists each event to the queue store before
 * sending it, sends with bounded concurrency, retries by the retry policy, removes the entry once
 * it is delivered or has finally failed, and resolves every enqueue with a result; it never rejects.
 *
 * @example
 * const engine = createTrackerEngine({ url: 'https://tracker.esputnik.com/api/v2', transport })
 * const result = await engine.enqueue('CustomerData', payload) // { ok: true } or { ok: false, error }
 */
export function createTrackerEngine(options: EngineOptions): TrackerEngine {
  return createEngine(options, true) as TrackerEngine
}

/**
 * Creates the same delivery engine without `close()`, for a platform that never closes it (a browser
 * page): where it is the only one called, the minifier drops the closing code.
 *
 * @example
 * const engine = createDeliveryEngine({ url, transport, store })
 */
export function createDeliveryEngine(options: EngineOptions): DeliveryEngine {
  return createEngine(options, false)
}

/** The engine behind both: `closable` adds `close()`. */
function createEngine(options: EngineOptions, closable: boolean): DeliveryEngine & Partial<TrackerEngine> {
  // Without a store nothing outlives a settled event (a server's case): `replay()` finds nothing then.
  const { url, transport, store } = options
  const headers = options.headers ?? {}
  const retry = resolveRetryOptions(options.retry)
  const timeoutMs = options.timeoutMs ?? engineDefaults.timeoutMs
  const concurrency = Math.max(1, options.concurrency ?? engineDefaults.concurrency)
  const maxQueue = Math.max(1, options.maxQueue ?? engineDefaults.maxQueue)
  const maxAgeMs = options.maxAgeMs ?? engineDefaults.maxAgeMs
  const clock = options.clock ?? defaultClock
  const random = options.random ?? Math.random
  const newId = options.newId ?? newEntryId

  /** Every unsettled job by entry id, in the order they came. */
  const jobs = new Map<string, Job>()
  /** Jobs waiting for a free slot, in order: a Set keeps insertion order and drops one in O(1). */
  const ready = new Set<Job>()
  /** Jobs with an attempt in flight. */
  const sending = new Set<Job>()
  let closed = false
  /** Own events kept after their attempts ran out (keepUndelivered): replayed only when asked to. */
  const parked = new Set<string>()
  /** Store writes (update, remove) an asynchronous store has not finished: close() waits for them. */
  const writes = new Set<Promise<unknown>>()
  /** An asynchronous `takeOver()` is under way: one at a time. */
  let takingOver = false

  const now = () => timeFrom(() => clock.now())
  /** An error about one event; its message starts with the event's name. */
  const eventError = (code: TrackerError['code'], eventName: string, what: string, cause?: unknown) =>
    new TrackerError(code, `${eventName} ${what}`, { cause, eventName })
  const pending = () => Promise.all([...[...jobs.values()].map((job) => job.promise), ...writes])

  /**
   * Calls the store for a write whose outcome delivery does not wait for (update, remove). A store
   * that throws or rejects must not stop delivery; an asynchronous write is tracked until it ends.
   */
  function write(call: () => unknown): void {
    const written = callSafely(call)
    if (!isPromiseLike(written)) return
    const tracked: Promise<unknown> = Promise.resolve(written).then(
      () => writes.delete(tracked),
      () => writes.delete(tracked),
    )
    writes.add(tracked)
  }

  /** Resolves the job once (with `error`, reported, or a success); a late success still leaves the store. */
  function settle(job: Job, removeFromStore: boolean, error?: TrackerError): void {
    if (removeFromStore) write(() => store?.remove(job.entry.id))
    if (job.settled) return
    job.settled = true
    jobs.delete(job.entry.id)
    job.resolve(error ? failure(options, error) : { ok: true })
  }

  /** Takes responsibility for an entry; it waits for a slot unless its store is still `writing` it. */
  function admit(entry: QueueEntry, writing = false): Job {
    const job = { entry, writing } as Job
    job.promise = new Promise((resolve) => {
      job.resolve = resolve
    })
    jobs.set(entry.id, job)
    if (!writing) ready.add(job)
    return job
  }

  function pump(): void {
    for (const job of ready) {
      if (sending.size >= concurrency) return
      void attempt(job)
    }
  }

  async function attempt(job: Job): Promise<void> {
    const { entry } = job
    const { eventName } = entry
    ready.delete(job)
    const age = now() - entry.createdAt
    if (age > maxAgeMs) {
      return settle(
        job,
        true,
        eventError('expired', eventName, `expired unsent: queued ${age} ms ago (maxAgeMs ${maxAgeMs})`),
      )
    }
    sending.add(job)
    const attempts = ++entry.attempts
    write(() => store?.update(entry))
    let outcome: TransportOutcome
    try {
      // No outcome at all is a network error, like anything else a transport answers (see outcomeError).
      outcome =
        (await transport.send({ url, body: entry.body, headers, timeoutMs, unloading: job.unloading })) ??
        ({} as TransportOutcome)
    } catch (cause) {
      outcome = { cause } as TransportOutcome
    }
    sending.delete(job)
    const error = outcomeError(outcome, url, timeoutMs, eventName)
    // A job given up on by close() is settled already: its entry stays in the store.
    if (!error || !job.settled) {
      const retryable = error && isRetryableOutcome(outcome)
      const more = attempts < retry.attempts
      if (retryable && more && !job.unloading) {
        const delay = retryDelay(outcome, attempts, retry, random, now())
        const wake = new AbortController()
        job.wake = wake
        void sleep(delay, wake.signal).then(() => {
          // Cut short by flushOnUnload (which sent it already) or by close (which settled it).
          if (job.settled || job.unloading) return
          ready.add(job)
          pump()
        })
      } else {
        // Out of attempts while the server or the network was failing: not the event's fault, so a
        // store that outlives the page keeps it for a later replay (back online, the next page). An
        // unloading attempt that could be retried is the page's last: a later page replays it.
        const keep = retryable && (more || options.keepUndelivered)
        if (keep && !more) parked.add(entry.id)
        settle(job, !keep, error)
      }
    }
    pump()
  }

  /** Sleeps on the clock; resolves, never rejects: a clock that throws must not stop delivery. */
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => resolve(clock.sleep(ms, signal))).catch(() => {})

  function enqueue(eventName: EventName, payload: object, sendOptions?: SendOptions): Promise<SendResult> {
    let error = closed
      ? eventError('closed', eventName, 'refused: tracker closed')
      : jobs.size >= maxQueue
        ? eventError('queue_full', eventName, `dropped: ${jobs.size} events already waiting (maxQueue)`)
        : undefined
    if (!error) {
      try {
        const transaction = sendOptions?.transaction
        if (transaction !== undefined && !store) {
          throw new TrackerError(
            'invalid_config',
            `${eventName} not queued: { transaction } needs a store that writes into it (createPostgresStore); this tracker has none`,
            { eventName },
          )
        }
        // The body is built once, here: every retry and every takeover sends these same bytes.
        const body = JSON.stringify(payload)
        if (typeof body !== 'string') throw new TypeError('not JSON')
        const entry: QueueEntry = { id: String(newId()), eventName, body, createdAt: now(), attempts: 0 }
        // Persist first: if the page or the process dies mid-request, a later one can still deliver it.
        const written = callSafely(() =>
          transaction === undefined ? store?.add(entry) : store?.add(entry, { transaction }),
        )
        if (!isPromiseLike(written) && transaction === undefined) {
          // A synchronous store (the browser's) or none: the event waits for a slot at once.
          const job = admit(entry)
          pump()
          return job.promise
        }
        const job = admit(entry, true)
        Promise.resolve(written).then(
          () => {
            // Given up on by close() meanwhile: it stays in the store for a later process.
            if (job.settled) return
            job.writing = false
            // Written inside the application's transaction: the store hands it out after COMMIT.
            if (transaction !== undefined) return settle(job, false)
            ready.add(job)
            pump()
          },
          // A store refuses with a TrackerError of its own (queue_full: its bound on disk), or fails.
          (cause) =>
            settle(
              job,
              false,
              cause instanceof TrackerError
                ? cause
                : eventError(
                    'store_error',
                    eventName,
                    `not queued: the store could not write it (${String(cause)})`,
                    cause,
                  ),
            ),
        )
        return job.promise
      } catch (cause) {
        error =
          cause instanceof TrackerError
            ? cause
            : eventError('invalid_event', eventName, `not queued: ${String(cause)}`, cause)
      }
    }
    return Promise.resolve(failure(options, error))
  }

  function flushOnUnload(): void {
    for (const job of jobs.values()) {
      job.unloading = true
      if (sending.has(job) || job.writing) continue
      job.wake?.abort()
      // The page may be gone before a slot frees up, so these go now, past the concurrency bound.
      void attempt(job)
    }
  }

  function replay(replayOptions?: ReplayOptions): void {
    // A broken store must not break the host.
    callSafely(() => {
      if (closed || takingOver) return
      const taken = store?.takeOver(Math.max(0, maxQueue - jobs.size))
      if (!isPromiseLike(taken)) return admitTaken(taken, replayOptions)
      takingOver = true
      Promise.resolve(taken)
        .then((entries) => {
          takingOver = false
          if (!closed) callSafely(() => admitTaken(entries, replayOptions))
        })
        .catch(() => {
          takingOver = false
        })
    })
  }

  /** Takes on what the store handed over, up to the bound; the rest stays in the store for a later replay. */
  function admitTaken(entries: QueueEntry[] | undefined, replayOptions?: ReplayOptions): void {
    // An answer that is not iterable ends the replay here.
    for (const entry of entries ?? []) {
      if (!isQueueEntry(entry)) {
        const id = (entry as QueueEntry | null)?.id
        if (typeof id === 'string') write(() => store?.remove(id))
      } else if (!jobs.has(entry.id) && (!parked.has(entry.id) || replayOptions?.parked)) {
        if (jobs.size >= maxQueue) break
        parked.delete(entry.id)
        admit({ ...entry })
      }
    }
    pump()
  }

  /** Settles within `closeTimeoutMs`: delivers what is pending (and what comes meanwhile), then refuses. */
  async function shutDown(closeTimeoutMs: number): Promise<void> {
    const timer = new AbortController()
    // True when the time is up; a clock that throws ends the wait at once.
    const deadline = sleep(Math.max(0, closeTimeoutMs), timer.signal).then(() => true)
    // Events sent while closing are still taken and waited for, until the time is up.
    let timeUp = false
    // So are the store's unfinished writes: a removal that never lands is a duplicate for the next process.
    while ((jobs.size > 0 || writes.size > 0) && !timeUp)
      timeUp = await Promise.race([deadline, pending().then(() => false)])
    timer.abort()
    closed = true
    for (const job of jobs.values()) {
      const { eventName } = job.entry
      // Ends a back-off, so that no timer is left behind.
      job.wake?.abort()
      // Kept in the store: a browser page that comes later may still deliver it.
      settle(job, false, eventError('closed', eventName, `not delivered: close() gave up after ${closeTimeoutMs} ms`))
    }
    ready.clear()
  }

  let closing: Promise<void> | undefined
  function close(closeTimeoutMs: number = engineDefaults.closeTimeoutMs): Promise<void> {
    closing ??= shutDown(closeTimeoutMs).catch(() => {
      closed = true
    })
    return closing
  }

  return {
    enqueue,
    flush: async () => {
      await pending()
    },
    flushOnUnload,
    replay,
    ...(closable && { close }),
  }
}
