import { TrackerError } from '../errors/TrackerError'
import type { EventName, SendResult } from '../types'
import { defaultClock } from './defaultClock'
import { createMemoryQueueStore } from './memoryQueueStore'
import { decideRetry, isRetryableStatus, resolveRetryOptions } from './retryPolicy'
import { callSafely, isQueueEntry, newEntryId, notify, timeFrom } from './safety'
import type {
  EngineOptions,
  QueueEntry,
  ReplayOptions,
  TrackerEngine,
  TransportOutcome,
  TransportRequest,
} from './types'

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
  /** ready: waits for a free slot; sending: one attempt in flight; waiting: backing off. */
  state: 'ready' | 'sending' | 'waiting'
  settled?: boolean
  /** Sent by `flushOnUnload`: a last attempt, no retry after it. */
  unloading?: boolean
  /** Cuts a back-off short (unload, close). */
  wake?: AbortController
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
  const { url, transport } = options
  const headers = options.headers ?? {}
  const retry = resolveRetryOptions(options.retry)
  const timeoutMs = options.timeoutMs ?? engineDefaults.timeoutMs
  const concurrency = Math.max(1, options.concurrency ?? engineDefaults.concurrency)
  const maxQueue = Math.max(1, options.maxQueue ?? engineDefaults.maxQueue)
  const maxAgeMs = options.maxAgeMs ?? engineDefaults.maxAgeMs
  const store = options.store ?? createMemoryQueueStore()
  const clock = options.clock ?? defaultClock
  const random = options.random ?? Math.random
  const newId = options.newId ?? newEntryId

  /** Every unsettled job by entry id, in the order they came. */
  const jobs = new Map<string, Job>()
  /** FIFO of jobs waiting for a free slot; `head` avoids an O(n) shift per event. */
  let ready: Job[] = []
  let head = 0
  let inFlight = 0
  let closed = false
  /** Own events kept after their attempts ran out (keepUndelivered): replayed only when asked to. */
  const parked = new Set<string>()

  const now = () => timeFrom(() => clock.now())
  const report = (error: TrackerError) => notify(() => options.onError?.(error))
  const fail = (code: TrackerError['code'], message: string, eventName: string, cause?: unknown): SendResult => ({
    ok: false,
    error: new TrackerError(code, message, { cause, eventName }),
  })
  const refuse = (result: SendResult): Promise<SendResult> => {
    if (!result.ok) report(result.error)
    return Promise.resolve(result)
  }
  const pending = () => Promise.all([...jobs.values()].map((job) => job.promise))

  function settle(job: Job, result: SendResult, removeFromStore: boolean): void {
    if (job.settled) return
    job.settled = true
    jobs.delete(job.entry.id)
    job.wake?.abort()
    if (removeFromStore) callSafely(() => store.remove(job.entry.id))
    if (!result.ok) report(result.error)
    job.resolve(result)
  }

  function admit(entry: QueueEntry): Job {
    let resolve!: (result: SendResult) => void
    const promise = new Promise<SendResult>((done) => {
      resolve = done
    })
    const job: Job = { entry, promise, resolve, state: 'ready' }
    jobs.set(entry.id, job)
    ready.push(job)
    return job
  }

  function pump(): void {
    while (inFlight < concurrency && head < ready.length) {
      const job = ready[head++]!
      if (job.state === 'ready' && !job.settled) void attempt(job)
    }
    if (head > 1024 && head * 2 > ready.length) {
      ready = ready.slice(head)
      head = 0
    }
  }

  async function attempt(job: Job): Promise<void> {
    const { entry } = job
    const { eventName } = entry
    const age = now() - entry.createdAt
    if (age > maxAgeMs) {
      const message = `${eventName} event dropped unsent: it waited ${Math.round(age / 1000)} s, longer than maxAgeMs (${maxAgeMs} ms)`
      return settle(job, fail('expired', message, eventName), true)
    }
    job.state = 'sending'
    inFlight++
    entry.attempts++
    callSafely(() => store.update(entry))
    const request: TransportRequest = { url, body: entry.body, headers, timeoutMs }
    if (job.unloading) request.unloading = true
    let outcome: TransportOutcome
    try {
      outcome = await transport.send(request)
      if (outcome === null || typeof outcome !== 'object') throw new TypeError('transport answered no outcome')
    } catch (cause) {
      outcome = { type: 'network_error', cause }
    }
    inFlight--
    const context = { attempt: entry.attempts, retry, url, timeoutMs, random, now: now(), eventName }
    const decision = decideRetry(outcome, context)
    if (job.settled) {
      // Given up on by close(); a late success still must not be replayed later.
      if (decision.type === 'success') callSafely(() => store.remove(entry.id))
    } else if (decision.type === 'success') {
      settle(job, { ok: true }, true)
    } else if (decision.type === 'fail') {
      // Out of attempts while the server or the network was failing: not the event's fault, so a
      // store that outlives the page keeps it for a later replay (back online, the next page).
      const keep =
        options.keepUndelivered === true && (outcome.type !== 'response' || isRetryableStatus(outcome.status))
      if (keep) parked.add(entry.id)
      settle(job, { ok: false, error: decision.error }, !keep)
    } else if (job.unloading) {
      // The page is leaving: no more tries here, but keep the entry for a later page to replay.
      settle(job, { ok: false, error: decision.error }, false)
    } else {
      void backOff(job, decision.delayMs)
    }
    pump()
  }

  async function backOff(job: Job, delayMs: number): Promise<void> {
    job.state = 'waiting'
    const wake = new AbortController()
    job.wake = wake
    try {
      await clock.sleep(delayMs, wake.signal)
    } catch {
      // A clock that throws must not stop delivery: go on at once.
    }
    if (job.wake === wake) job.wake = undefined
    if (job.settled || job.state !== 'waiting') return
    job.state = 'ready'
    ready.push(job)
    pump()
  }

  function enqueue(eventName: EventName, payload: object): Promise<SendResult> {
    try {
      if (closed) return refuse(fail('closed', `${eventName} refused: the tracker is closed`, eventName))
      if (jobs.size >= maxQueue) {
        const message = `${eventName} dropped: ${jobs.size} events are already waiting (maxQueue ${maxQueue})`
        return refuse(fail('queue_full', message, eventName))
      }
      const body = JSON.stringify(payload)
      if (typeof body !== 'string') throw new TypeError('the payload does not serialize to JSON')
      const entry: QueueEntry = { id: String(newId()), eventName, body, createdAt: now(), attempts: 0 }
      // Persist first: if the page dies mid-request, a later page can still deliver it.
      callSafely(() => store.add(entry))
      const job = admit(entry)
      pump()
      return job.promise
    } catch (cause) {
      return refuse(fail('invalid_event', `${eventName} could not be queued: ${String(cause)}`, eventName, cause))
    }
  }

  function flushOnUnload(): void {
    try {
      for (const job of jobs.values()) {
        job.unloading = true
        if (job.state === 'sending') continue
        job.wake?.abort()
        // The page may be gone before a slot frees up, so these go now, past the concurrency bound.
        void attempt(job)
      }
    } catch {
      // Never throw into a pagehide handler.
    }
  }

  function replay(replayOptions?: ReplayOptions): void {
    try {
      if (closed) return
      const entries = callSafely(() => store.takeOver())
      if (!Array.isArray(entries)) return
      for (const entry of entries) {
        if (!isQueueEntry(entry)) {
          const id = (entry as QueueEntry | null)?.id
          if (typeof id === 'string') callSafely(() => store.remove(id))
          continue
        }
        if (jobs.has(entry.id) || (parked.has(entry.id) && replayOptions?.parked !== true)) continue
        // Past the bound the rest stays in the store for a later replay rather than being dropped.
        if (jobs.size >= maxQueue) break
        parked.delete(entry.id)
        admit({ ...entry })
      }
      pump()
    } catch {
      // A broken store must not break the host.
    }
  }

  /** Settles within `closeTimeoutMs`: delivers what is pending (and what comes meanwhile), then refuses. */
  async function shutDown(closeTimeoutMs: number): Promise<void> {
    let timeUp = false
    const timer = new AbortController()
    const stop = () => {
      timeUp = true
    }
    let deadline: Promise<void>
    try {
      deadline = clock.sleep(Math.max(0, closeTimeoutMs), timer.signal).then(stop, stop)
    } catch {
      stop()
      deadline = Promise.resolve()
    }
    // Events sent while closing are still taken and waited for, until the time is up.
    while (jobs.size > 0 && !timeUp) await Promise.race([pending(), deadline])
    timer.abort()
    closed = true
    for (const job of [...jobs.values()]) {
      const { eventName } = job.entry
      // Kept in the store: a browser page that comes later may still deliver it.
      settle(
        job,
        fail('closed', `${eventName} not delivered: close() gave up after ${closeTimeoutMs} ms`, eventName),
        false,
      )
    }
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
    close,
  }
}
