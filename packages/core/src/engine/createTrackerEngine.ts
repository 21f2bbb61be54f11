import { TrackerError } from '../errors/TrackerError'
import type { EventName } from '../events/registry'
import { defaultClock } from './defaultClock'
import { createEndpointHealth } from './endpointHealth'
import { callSafely, failure, isPromiseLike, notify, timeFrom } from './hostCalls'
import { isQueueEntry, newEntryId } from './queueEntry'
import { isRetryableOutcome, outcomeError, resolveRetryOptions, retryDelay } from './retryPolicy'
import type { EngineOptions, QueueEntry, SendOptions, SendResult, TrackerEngine, TransportOutcome } from './types'

/** The delivery engine without `close()`. */
export type DeliveryEngine = Omit<TrackerEngine, 'close'>

/** Engine defaults, see {@link EngineOptions}. */
export const engineDefaults = {
  timeoutMs: 10_000,
  concurrency: 4,
  maxQueue: 1000,
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  failureWindowMs: 30_000,
  closeTimeoutMs: 10_000,
} as const

/** One event the engine is responsible for until it settles. */
interface Job {
  entry: QueueEntry
  promise: Promise<SendResult>
  resolve: (result: SendResult) => void
  settled?: boolean
  /** The monotonic time at which the event was 0 ms old: its age is `monotonic() - born`. */
  born: number
  /** Failed attempts in a row on this engine: the back-off's exponent. */
  failures: number
  /** When its last attempt started and when it last failed (monotonic). */
  startedAt?: number
  failedAt?: number
  /** Sent by `flushOnUnload`: through a keepalive request or a beacon. */
  unloading?: boolean
  /** Its entry left the store when the page was left, as presumed delivered; stored again if it failed. */
  presumed?: boolean
  /** Cuts a back-off short (unload, resume, close). */
  wake?: AbortController
  /** Its entry is still being written by an asynchronous store: nothing is sent before it is written. */
  writing?: boolean
}

/**
 * Creates the platform-free delivery engine: it persists each event to the queue store before
 * sending it, sends with bounded concurrency, retries failures worth retrying with capped back-off
 * until the event is delivered or older than `maxAgeMs` (attempts end no event) and, while the endpoint
 * fails (with `outagePacing`), one probe at a time until it answers, removes the entry
 * once it is delivered, refused or expired, and resolves every enqueue with a result; it never rejects.
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
  /** The page was left (`leave()`): nothing starts until `resume()`. */
  let left = false
  /** Store writes (update, remove) an asynchronous store has not finished: close() waits for them. */
  const writes = new Set<Promise<unknown>>()
  /** An asynchronous `takeOver()` is under way: one at a time. */
  let takingOver = false

  /** Wall time: a hint, for `createdAt` and HTTP dates. */
  const now = () => timeFrom(() => clock.now())
  /** Monotonic time: ages and the failure window never move with the wall clock. */
  const monotonic = () => timeFrom(() => (clock.monotonicNow ? clock.monotonicNow() : clock.now()))
  const health = createEndpointHealth({
    now: monotonic,
    windowMs: options.failureWindowMs ?? engineDefaults.failureWindowMs,
    shared: options.sharedHealth,
  })
  const pacing = options.outagePacing?.({ now: monotonic, wallNow: now, retry, random })
  /** Cuts the pause between probes short (an answer came, the page came back, close). */
  let pause: AbortController | undefined
  const endPause = () => {
    pause?.abort()
    pause = undefined
  }
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
  const removeEntry = (job: Job) => write(() => store?.remove(job.entry.id))
  /** Whether this engine may still send the entry (another page may have taken it over); a broken store says yes. */
  const holds = (job: Job) => callSafely(() => store?.holds?.(job.entry.id)) !== false

  /** Resolves the job once (with `error`, reported, or a success); a late success still leaves the store. */
  function settle(job: Job, removeFromStore: boolean, error?: TrackerError): void {
    if (removeFromStore) removeEntry(job)
    if (job.settled) return
    job.settled = true
    jobs.delete(job.entry.id)
    ready.delete(job)
    job.wake?.abort()
    job.resolve(error ? failure(options, error) : { ok: true })
  }

  /** Takes responsibility for an entry; it waits for a slot unless its store is still `writing` it. */
  function admit(entry: QueueEntry, ageMs: number, writing = false): Job {
    const job = { entry, born: monotonic() - ageMs, failures: 0, writing } as Job
    job.promise = new Promise((resolve) => {
      job.resolve = resolve
    })
    jobs.set(entry.id, job)
    if (!writing) ready.add(job)
    return job
  }

  function pump(): void {
    if (left) return
    // While the endpoint fails nothing starts during the pause, then one probe at a time (outagePacing).
    const wait = pacing?.waitMs() ?? 0
    if (wait > 0) {
      pumpAfter(wait)
      return
    }
    const limit = pacing?.limit(concurrency) ?? concurrency
    for (const job of ready) {
      if (sending.size >= limit) return
      void attempt(job)
    }
  }

  /** Pumps again once the pause between probes is over; one timer, and only while an event waits. */
  function pumpAfter(ms: number): void {
    if (pause || ready.size === 0 || closed) return
    const wake = new AbortController()
    pause = wake
    void sleep(ms, wake.signal).then(() => {
      if (pause !== wake) return
      pause = undefined
      // The clock says the pause is over (a later failure would have set a new timer).
      pacing?.resume()
      pump()
    })
  }

  /** The outage that began at `since` is over: what failed in it is tried again now, not after its own back-off. */
  function wakeAfterOutage(since: number | undefined): void {
    endPause()
    if (since === undefined) return
    for (const job of jobs.values()) if (job.wake && job.failedAt! >= since) job.wake.abort()
  }

  async function attempt(job: Job): Promise<void> {
    const { entry } = job
    const { eventName } = entry
    ready.delete(job)
    const age = Math.max(0, monotonic() - job.born)
    if (age > maxAgeMs) {
      return settle(
        job,
        true,
        eventError('expired', eventName, `expired unsent: queued ${Math.round(age)} ms ago (maxAgeMs ${maxAgeMs})`),
      )
    }
    // Another page took the entry over (this one was frozen past its lease) or delivered it: it is theirs.
    if (!holds(job)) return settle(job, false)
    sending.add(job)
    job.startedAt = monotonic()
    entry.attempts++
    entry.ageMs = age
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
    conclude(job, outcome)
    pump()
  }

  /** Acts on one attempt's outcome: settles the job, leaves it for a later page, or retries it. */
  function conclude(job: Job, outcome: TransportOutcome): void {
    const { entry } = job
    const error = outcomeError(outcome, url, timeoutMs, entry.eventName)
    const retryable = !!error && isRetryableOutcome(outcome)
    // A hand-off and a request that never left the browser (offline) say nothing of the endpoint.
    if (outcome.type !== 'handed_off' && !(outcome as { unsent?: boolean }).unsent) {
      health.record(!retryable)
      // A failure paces the next attempts; an answer lets the queue drain at full speed.
      if (retryable) {
        pacing?.failed(outcome, job.startedAt!)
        // The pause may have grown: the next pump sets its timer anew.
        endPause()
      } else wakeAfterOutage(pacing?.answered())
    }
    // A job given up on by close() is settled already: its entry stays in the store unless delivered.
    if (job.settled) {
      if (!error && outcome.type !== 'handed_off') removeEntry(job)
      return
    }
    if (outcome.type === 'handed_off') {
      // Its answer is never seen: delivered unless the endpoint is failing, when a later page replays it.
      if (!health.failing()) settle(job, true)
      return
    }
    if (!retryable) {
      settle(job, true, error && withAttempts(error, entry.attempts))
      return
    }
    if (closed) {
      // In flight when close() gave up, and failed: no retry now; the entry stays in the store.
      const what = `not delivered: close() gave up and its last attempt failed (${error.message})`
      settle(job, false, eventError('closed', entry.eventName, what, error))
      return
    }
    if (job.presumed) {
      // The page was left with this attempt in flight, came back, and learns that it failed: store it again.
      job.presumed = false
      write(() => store?.add(entry))
    }
    job.failedAt = monotonic()
    if (++job.failures === retry.attempts) {
      // Reported once, so that a long outage is seen; the event stays queued.
      notify(() => options.onError?.(stillQueued(error, job.failures)))
    }
    // A page being left retries nothing: the entry waits in the store for a later page (or `resume()`).
    // An attempt that never started as the page was left is made now as a last one, like the others.
    if (left) {
      if (!job.unloading) sendLastAttempt(job)
      return
    }
    const delay = retryDelay(outcome, job.failures, retry, random, now())
    const wake = new AbortController()
    job.wake = wake
    void sleep(delay, wake.signal).then(() => {
      // Settled meanwhile (close, expired on another path), or the page was left: nothing to do now.
      if (job.settled || job.wake !== wake) return
      job.wake = undefined
      ready.add(job)
      pump()
    })
  }

  /** A final error, saying how many attempts were made (this page's and earlier pages'). */
  const withAttempts = (error: TrackerError, attempts: number) =>
    new TrackerError(error.code, `${error.message} (${attempts} attempt${attempts === 1 ? '' : 's'})`, {
      cause: error.cause,
      status: error.status,
      eventName: error.eventName,
    })

  /** The report of an event whose attempts reached `retry.attempts`: the same error, saying it is still queued. */
  const stillQueued = (error: TrackerError, attempts: number) =>
    new TrackerError(
      error.code,
      `${error.message} (${attempts} attempts; still queued: retried until delivered or ${maxAgeMs} ms old)`,
      { cause: error.cause, status: error.status, eventName: error.eventName },
    )

  /** Sleeps on the clock; resolves, never rejects: a clock that throws falls back to the real one. */
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => resolve(clock.sleep(ms, signal))).catch(() => defaultClock.sleep(ms, signal))

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
        const entry: QueueEntry = { id: String(newId()), eventName, body, createdAt: now(), attempts: 0, ageMs: 0 }
        // Persist first: if the page or the process dies mid-request, a later one can still deliver it.
        const written = callSafely(() =>
          transaction === undefined ? store?.add(entry) : store?.add(entry, { transaction }),
        )
        if (!isPromiseLike(written) && transaction === undefined) {
          // A synchronous store (the browser's) or none: the event waits for a slot at once.
          const job = admit(entry, 0)
          // Tracked while the page is being left: a last attempt now, as for the others.
          if (left) sendLastAttempt(job)
          else pump()
          return job.promise
        }
        const job = admit(entry, 0, true)
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

  /** Sends one job now through an unloading request, past the concurrency bound; not while the endpoint fails. */
  function sendLastAttempt(job: Job): void {
    if (sending.has(job) || job.writing || health.failing()) return
    job.unloading = true
    job.wake?.abort()
    job.wake = undefined
    void attempt(job)
  }

  function flushOnUnload(): void {
    // The page may be gone before a slot frees up, so these go now, past the concurrency bound.
    for (const job of jobs.values()) sendLastAttempt(job)
  }

  function leave(): void {
    left = true
    for (const job of jobs.values()) {
      job.wake?.abort()
      job.wake = undefined
      if (sending.has(job)) {
        // Its answer may never come: delivered unless the endpoint is failing (then a later page replays it).
        if (!health.failing()) {
          job.presumed = true
          removeEntry(job)
        }
      } else if (!job.writing) ready.add(job)
    }
  }

  function resume(): void {
    left = false
    pacing?.resume()
    endPause()
    for (const job of jobs.values()) {
      job.unloading = false
      if (sending.has(job) || job.writing) continue
      job.wake?.abort()
      job.wake = undefined
      ready.add(job)
    }
    replay()
  }

  function replay(): void {
    // A broken store must not break the host.
    callSafely(() => {
      if (closed || takingOver) return
      const taken = store?.takeOver(Math.max(0, maxQueue - jobs.size))
      if (!isPromiseLike(taken)) return admitTaken(taken)
      takingOver = true
      Promise.resolve(taken)
        .then((entries) => {
          takingOver = false
          if (!closed) callSafely(() => admitTaken(entries))
          pump()
        })
        .catch(() => {
          takingOver = false
        })
    })
    pump()
  }

  /** Takes on what the store handed over, up to the bound; the rest stays in the store for a later replay. */
  function admitTaken(entries: QueueEntry[] | undefined): void {
    // An answer that is not iterable ends the replay here.
    for (const entry of entries ?? []) {
      if (!isQueueEntry(entry)) {
        const id = (entry as QueueEntry | null)?.id
        if (typeof id === 'string') write(() => store?.remove(id))
      } else if (!jobs.has(entry.id)) {
        if (jobs.size >= maxQueue) break
        // An age measured elsewhere (monotonic, plus the time spent stored), or else the wall-clock hint.
        const ageMs = Number.isFinite(entry.ageMs) ? (entry.ageMs as number) : now() - entry.createdAt
        admit({ ...entry }, Math.max(0, ageMs))
      }
    }
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
    endPause()
    for (const job of jobs.values()) {
      const { eventName } = job.entry
      // An attempt in flight settles with its own outcome (it may well arrive): bounded by timeoutMs.
      if (sending.has(job)) continue
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
    leave,
    resume,
    replay,
    ...(closable && { close }),
  }
}
