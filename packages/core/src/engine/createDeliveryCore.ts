// The delivery rules every engine shares: persist, attempt, conclude, settle, back off, leave,
// resume, replay. What only a server needs (see DeliveryExtension) is composed in by createTrackerEngine.
import { TrackerError } from '../errors/TrackerError'
import type { EventName } from '../events/registry'
import { defaultClock } from './defaultClock'
import { createEndpointHealth } from './endpointHealth'
import { asTrackerError, callSafely, failure, notify, timeFrom } from './hostCalls'
import { isQueueEntry, newEntryId } from './queueEntry'
import { isRetryableOutcome, outcomeError, resolveRetryOptions, retryDelay } from './retryPolicy'
import type {
  DeliveryCore,
  DeliveryExtension,
  EngineOptions,
  DeliveryJob as Job,
  QueueEntry,
  SendOptions,
  SendResult,
  TrackerEngine,
  TransportOutcome,
} from './types'

/** Engine defaults, see {@link EngineOptions}. */
export const engineDefaults = {
  timeoutMs: 10_000,
  concurrency: 4,
  maxQueue: 1000,
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  failureWindowMs: 30_000,
  closeTimeoutMs: 10_000,
} as const

/**
 * Creates the platform-free delivery core: it persists each event to the queue store before sending
 * it, sends with bounded concurrency, retries failures worth retrying with capped back-off until the
 * event is delivered or older than `maxAgeMs` (attempts end no event), removes the entry once it is
 * delivered, refused or expired, and resolves every enqueue with a result; it never rejects. `extend`
 * composes in what a server needs besides (see {@link DeliveryExtension}), given the core's state.
 *
 * @example
 * const engine = createDeliveryCore({ url, transport, store }) // a page's engine
 */
export function createDeliveryCore(
  options: EngineOptions,
  extend?: (core: DeliveryCore) => DeliveryExtension,
): Omit<TrackerEngine, 'close'> {
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
  /** The page was left (`leave()`): nothing starts until `resume()`. */
  let left = false

  /** Wall time: a hint, for `createdAt` and HTTP dates. */
  const now = () => timeFrom(() => clock.now())
  /** Monotonic time: ages and the failure window never move with the wall clock. */
  const monotonic = () => timeFrom(() => (clock.monotonicNow ? clock.monotonicNow() : clock.now()))
  const health = createEndpointHealth({
    now: monotonic,
    windowMs: options.failureWindowMs ?? engineDefaults.failureWindowMs,
    shared: options.sharedHealth,
  })
  /** An error about one event; its message starts with the event's name. */
  const eventError = (code: TrackerError['code'], eventName: string, what: string, cause?: unknown) =>
    new TrackerError(code, `${eventName} ${what}`, { cause, eventName })
  /** Sleeps on the clock; resolves, never rejects: a clock that throws falls back to the real one. */
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => resolve(clock.sleep(ms, signal))).catch(() => defaultClock.sleep(ms, signal))

  // What a server composes in (see DeliveryExtension); the functions it is given are hoisted. A page's
  // engine has none, and the minifier drops every hook call with it (createDeliveryEngine.bundle.test.ts).
  const extension = extend?.({
    jobs,
    ready,
    sending,
    release,
    settle,
    admitTaken,
    pump,
    eventError,
    sleep,
    monotonic,
    now,
    retry,
    random,
  })

  /** Calls the store for a write delivery does not wait for (update, remove): a store that throws must not stop it. */
  const write = (call: () => unknown) => {
    const answer = callSafely(call)
    extension?.wrote?.(answer)
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

  /** Takes responsibility for an entry; it is sent once released. */
  function admit(entry: QueueEntry, ageMs: number): Job {
    const job = { entry, born: monotonic() - ageMs, failures: 0 } as Job
    job.promise = new Promise((resolve) => {
      job.resolve = resolve
    })
    jobs.set(entry.id, job)
    return job
  }

  /** The job's entry is stored: it waits for a slot, or is made a last attempt now while the page is being left. */
  function release(job: Job): void {
    ready.add(job)
    if (left) sendLastAttempt(job)
    else pump()
  }

  function pump(): void {
    if (left) return
    const limit = extension?.limit?.(concurrency) ?? concurrency
    for (const job of ready) {
      if (sending.size >= limit) return
      void attempt(job)
    }
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
      extension?.measured?.(job, outcome, retryable)
    }
    if (outcome.type === 'handed_off') {
      // Its answer is never seen: delivered unless the endpoint is failing, when a later page replays it.
      if (!health.failing()) settle(job, true)
      return
    }
    if (!retryable) {
      settle(job, true, error && withNote(error, `${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'}`))
      return
    }
    const refused = extension?.refuseRetry?.(job, error)
    if (refused) {
      // No retry now (close() gave up meanwhile): the entry stays in the store.
      settle(job, false, refused)
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
      const note = `${job.failures} attempts; still queued: retried until delivered or ${maxAgeMs} ms old`
      notify(() => options.onError?.(withNote(error, note)))
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

  /** The same error with a note in parentheses after its message: how many attempts, whether it is still queued. */
  const withNote = (error: TrackerError, note: string) =>
    new TrackerError(error.code, `${error.message} (${note})`, {
      cause: error.cause,
      status: error.status,
      eventName: error.eventName,
    })

  function enqueue(eventName: EventName, payload: object, sendOptions?: SendOptions): Promise<SendResult> {
    try {
      if (jobs.size >= maxQueue) {
        throw eventError('queue_full', eventName, `dropped: ${jobs.size} events already waiting (maxQueue)`)
      }
      // The body is built once, here: every retry and every takeover sends these same bytes.
      const body = JSON.stringify(payload)
      if (typeof body !== 'string') throw new TypeError('not JSON')
      const job = admit({ id: String(newId()), eventName, body, createdAt: now(), attempts: 0, ageMs: 0 }, 0)
      // Persist first: if the page or the process dies mid-request, a later one can still deliver it.
      persist(job, sendOptions)
      return job.promise
    } catch (cause) {
      const error = asTrackerError(cause, 'invalid_event', `${eventName} not queued: ${String(cause)}`, { eventName })
      return Promise.resolve(failure(options, error))
    }
  }

  /**
   * Writes a new job's entry: a server's extension takes the write on (an asynchronous store, a
   * transaction); else the store (the page's, synchronous) writes it at once and the job waits for a slot.
   */
  function persist(job: Job, sendOptions: SendOptions | undefined): void {
    if (extension?.persist?.(job, sendOptions)) return
    callSafely(() => store?.add(job.entry))
    release(job)
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
    extension?.resumed?.()
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
    const room = Math.max(0, maxQueue - jobs.size)
    // A broken store must not break the host. Without an extension the store is a synchronous one
    // (a page's, see DeliveryEngineOptions): it answers at once.
    callSafely(() => takeOver(room))
    pump()
  }

  /** Asks the store for what this engine may deliver: a server's extension takes it on, else the store answers at once. */
  function takeOver(room: number): void {
    if (extension?.takeOver?.(room)) return
    admitTaken(store?.takeOver(room) as QueueEntry[] | undefined)
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
        ready.add(admit({ ...entry }, Math.max(0, ageMs)))
      }
    }
  }

  return {
    enqueue,
    flush: async () => {
      await Promise.all([...jobs.values()].map((job) => job.promise))
    },
    flushOnUnload,
    leave,
    resume,
    replay,
  }
}
