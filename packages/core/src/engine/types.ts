// The contract between core's platform-free engine and the platform adapters (browser, node).
// The adapters bring I/O only: a Transport, a QueueStore, a CartStore, a Clock and an id generator.
import type { TrackerError, ValidationIssue } from '../errors/TrackerError'
import type { EventName, MethodInputOf, MethodNameOf, RegisteredEvent } from '../events/registry'
import type { EventContext } from '../events/types'
import type { OutagePacing, OutagePacingOptions } from './outagePacing'

/** What every tracker method resolves to; it never rejects. */
export type SendResult = { ok: true } | { ok: false; error: TrackerError }

/** One HTTP attempt to deliver one serialized event. */
export interface TransportRequest {
  url: string
  /** The JSON text of one wire payload. */
  body: string
  /** Extra headers (node: `Authorization`). `Content-Type` is the transport's choice. */
  headers: Record<string, string>
  /** Per-attempt time limit. */
  timeoutMs: number
  /** The page is being hidden or left: the browser transport must use keepalive fetch or a beacon. */
  unloading?: boolean
}

/** How one attempt ended. A transport never throws and its promise never rejects. */
export type TransportOutcome =
  | { type: 'response'; status: number; retryAfter?: string | null }
  /**
   * `unsent`: the request never left the browser (the device had no network, as the browser said, or
   * the page was left before it started), which says nothing of the endpoint.
   */
  | { type: 'network_error'; cause?: unknown; unsent?: boolean }
  | { type: 'timeout'; cause?: unknown }
  /**
   * Handed to the browser (a beacon, or a request in flight as the page is left): the status is never
   * known. The engine takes it as delivered unless the endpoint is failing (a failure within `failureWindowMs`).
   */
  | { type: 'handed_off' }

/** Sends one request. Browser: a keepalive fetch, sendBeacon fallback. Node: node:http by default, a fetch, or ky. */
export interface Transport {
  /** Makes one attempt; resolves with what came of it (a response, a timeout, a network error), never rejects. */
  send(request: TransportRequest): Promise<TransportOutcome>
}

/**
 * Retry settings; the defaults suit a storefront. A failure worth retrying (network error, timeout,
 * 408, 429, 5xx) never ends an event: it is retried with this back-off until it is delivered or
 * `maxAgeMs` has passed.
 */
export interface RetryOptions {
  /**
   * Failed attempts in a row after which the failure is reported through `onError` (once per event,
   * its message saying that the event is still queued). Attempts no longer end an event; its call
   * resolves when it is delivered, refused (a 4xx other than 408/429), expired (`maxAgeMs`) or closed.
   * @default 5
   */
  attempts?: number | undefined
  /** First back-off delay in ms; doubles each retry, with full jitter. @default 500 */
  baseDelayMs?: number | undefined
  /**
   * Ceiling of one back-off delay, of an honoured `Retry-After` and of the 5 s floor kept after a 429
   * whose `Retry-After` cannot be read (a cross-origin response that does not expose it).
   * @default 30000
   */
  maxDelayMs?: number | undefined
}

/** Time, injectable for tests. */
export interface Clock {
  /** Wall time, ms since epoch: a hint (users and systems move it), used for `createdAt` and HTTP dates. */
  now(): number
  /**
   * Elapsed time in ms from a fixed point, that never jumps (`performance.now()`): ages and the
   * endpoint's failure window are measured with it. Without it `now()` is used.
   */
  monotonicNow?(): number
  /**
   * Resolves after `ms`. When `signal` aborts first it resolves at once and clears its timer, so that
   * a closed tracker leaves no timer behind (a pending Node timer would keep the process alive).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** One event waiting for delivery. Persisted as is by browser stores (JSON-safe). */
export interface QueueEntry {
  id: string
  eventName: EventName
  /** Serialized wire payload. */
  body: string
  /** ms since epoch when it was enqueued, by the wall clock: a hint only (the wall clock jumps). */
  createdAt: number
  /** Delivery attempts made so far (across page loads); it no longer ends an event. */
  attempts: number
  /**
   * The entry's age in ms when it was last written or handed over, measured on monotonic clocks (a
   * store that outlives the page adds the time it spent stored). Without it, the age is taken from
   * `createdAt`.
   */
  ageMs?: number
}

/** What {@link QueueStore.add} is given besides the entry. */
export interface QueueStoreAddOptions {
  /**
   * The application's own open transaction (node: a `pg` client inside `BEGIN`): the store writes the
   * entry inside it, and hands it out from `takeOver()` only once it is committed.
   */
  transaction?: unknown
}

/**
 * Where queued events live until delivered. Browser: localStorage with a memory fallback, shared by
 * tabs, every method synchronous. Node: none by default (its queue lives in the engine), or a durable
 * store (a file journal, a Postgres table) whose methods answer promises. A method must never throw;
 * a promise it answers may reject (`add`: the event is refused with `store_error`, unsent).
 */
export interface QueueStore {
  /** Writes one new entry; the engine sends nothing before it is written. */
  add(entry: QueueEntry, options?: QueueStoreAddOptions): void | PromiseLike<void>
  /** Rewrites an entry before each attempt (its `attempts` and `ageMs` grown), so that a restart resumes its count. */
  update(entry: QueueEntry): void | PromiseLike<void>
  /** Deletes an entry once it is settled: delivered, finally failed, or unreadable. */
  remove(id: string): void | PromiseLike<void>
  /**
   * Entries left by earlier pages, other tabs, earlier processes or dead instances that this instance
   * may deliver now (browser: under a lease; Postgres: claimed under a lease). `limit` is how many the
   * engine can take now; a store may answer fewer, and what it answers past `limit` waits in the store.
   */
  takeOver(limit?: number): QueueEntry[] | PromiseLike<QueueEntry[]>
  /**
   * Whether this instance may still send the entry: `false` once another page or tab has taken it
   * over (this one was frozen past its lease) or delivered it. Asked before every attempt; without
   * it, always.
   */
  holds?(id: string): boolean
}

/** A {@link QueueStore} whose every method answers at once: the browser's stores and the memory store. */
export interface SyncQueueStore extends QueueStore {
  add(entry: QueueEntry, options?: QueueStoreAddOptions): void
  /** As {@link QueueStore.update}, at once. */
  update(entry: QueueEntry): void
  /** As {@link QueueStore.remove}, at once. */
  remove(id: string): void
  takeOver(limit?: number): QueueEntry[]
}

/** The last, optional argument of every tracker method (and of the engine's `enqueue`). */
export interface SendOptions {
  /**
   * Writes the event inside this open transaction of the application (node: a `pg` client inside
   * `BEGIN ... COMMIT`, with `createPostgresStore`) and resolves `{ ok: true }` once written, without
   * sending it now: it is delivered after COMMIT, never after ROLLBACK (the outbox pattern).
   */
  transaction?: unknown
}

/** Keeps the GUID of the last cart that had products (PAYLOADS.md "GUID"). */
export interface CartStore {
  get(): string | undefined
  set(guid: string): void
  clear(): void
}

/**
 * What pages of one site share of the endpoint's health: a page sees only its own answers, and one
 * whose answers were all 2xx may be left with a request in flight while the endpoint fails for its
 * other tabs. Its methods must not throw.
 */
export interface SharedEndpointHealth {
  /** Whether a page of the site saw a retryable failure within the last `ms`. */
  failedWithin(ms: number): boolean
  /** Told each retryable failure this engine sees (a request that never left the browser is none). */
  recordFailure(): void
}

/** Options of {@link createTrackerEngine}. */
export interface EngineOptions {
  url: string
  headers?: Record<string, string>
  transport: Transport
  retry?: RetryOptions
  /** Per-attempt time limit. @default 10000 */
  timeoutMs?: number
  /** Requests in flight at once. @default 4 (browser: 2) */
  concurrency?: number
  /** Events waiting at once; past it a new event resolves `queue_full` and is reported. @default 1000 */
  maxQueue?: number
  /**
   * Queued events older than this are dropped (reported, code `expired`) rather than sent: the only
   * thing besides delivery and a refusal that ends an event. Measured on the monotonic clock.
   * @default 7 days
   */
  maxAgeMs?: number
  /**
   * Where entries wait until delivered. Without one nothing outlives a settled event, so `replay()`
   * has nothing to deliver: enough for a server, which never replays. Pass `createMemoryQueueStore()`
   * to keep what an unload attempt or `close()` let go of for a later `replay()` in the same process.
   */
  store?: QueueStore
  /**
   * How long after a retryable failure the endpoint counts as failing: meanwhile `flushOnUnload`
   * sends nothing (the entries wait for a later page). An attempt whose answer the page never sees
   * (a beacon, a request in flight when the page is left) counts as delivered unless the endpoint is
   * failing; then its entry stays for a later page. @default 30000
   */
  failureWindowMs?: number
  /**
   * The endpoint's failures as the site's other pages (tabs, earlier pages) saw them: each counts as
   * this engine's own. The browser keeps the time of the last one in storage.
   */
  sharedHealth?: SharedEndpointHealth
  /**
   * Paces attempts endpoint-wide while the endpoint fails (`createOutagePacing`): one probe at a
   * time, the full concurrency again from its first answer. A server passes it (thousands queued in an
   * outage); without it each event backs off on its own timer, as a browser page's does.
   */
  outagePacing?: (options: OutagePacingOptions) => OutagePacing
  clock?: Clock
  random?: () => number
  newId?: () => string
  onError?: (error: TrackerError) => void
}

/** Delivers validated payloads: queues, sends, retries, reports. */
export interface TrackerEngine {
  /**
   * Queues one valid payload; resolves when delivered or finally failed (with `transaction`: once
   * written to the store); never rejects.
   */
  enqueue(eventName: EventName, payload: object, options?: SendOptions): Promise<SendResult>
  /** Resolves when everything queued now has been delivered or has finally failed. */
  flush(): Promise<void>
  /**
   * The page is being hidden or left: unless the endpoint is failing, send all that is left now
   * through `unloading` requests, without waiting. While it is failing nothing is sent: the entries
   * wait in the store for a later page, so that no answer the page never sees can make a duplicate.
   */
  flushOnUnload(): void
  /**
   * The page is being left (`pagehide`, `freeze`): no attempt starts after this and no back-off
   * resumes. An attempt still in flight counts as delivered unless the endpoint is failing (its entry
   * then stays in the store for a later page); if the page comes back and learns that it failed after
   * all, the entry is stored again and retried.
   */
  leave(): void
  /**
   * The page can deliver again (back online, shown again, restored from the back/forward cache):
   * ends every back-off, drops what another page has taken over meanwhile, and sends the rest now.
   */
  resume(): void
  /** Delivers entries the store holds from earlier pages or tabs. */
  replay(): void
  /**
   * Waits up to `timeoutMs` (any length, `Infinity` included) for pending events (and for those sent
   * meanwhile), settles what is left with code `closed` (reported; it stays in the store), then
   * refuses new events with code `closed`. An attempt still in flight then is not reported `closed`
   * before its answer: it settles with its own outcome (delivered, or `closed` if it failed), within
   * its `timeoutMs`. Later calls answer the same promise.
   */
  close(timeoutMs?: number): Promise<void>
}

/**
 * The delivery engine of a platform that never closes it (a browser page): {@link TrackerEngine}
 * without `close()`, and without {@link SendOptions} (a page has no transaction to write into).
 */
export interface DeliveryEngine extends Omit<TrackerEngine, 'close' | 'enqueue'> {
  /** Queues one valid payload; resolves when it is delivered or has finally failed; never rejects. */
  enqueue(eventName: EventName, payload: object): Promise<SendResult>
}

/**
 * Options of the page's delivery engine (`createDeliveryEngine`): a synchronous store (the page's
 * persisted queue), no outage pacing. A server's engine (`createTrackerEngine`) takes {@link EngineOptions}.
 */
export type DeliveryEngineOptions = Omit<EngineOptions, 'store' | 'outagePacing'> & { store?: SyncQueueStore }

/** One event the delivery core is responsible for until it settles. */
export interface DeliveryJob {
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
  /** Cuts a back-off short (unload, resume, outage over, close). */
  wake?: AbortController
  /** Its entry is still being written by an asynchronous store: nothing is sent before it is written. */
  writing?: boolean
}

/**
 * The delivery core's state and rules, as a capability composed into it sees them (see
 * {@link DeliveryExtension}): the jobs, and the steps that move one on.
 */
export interface DeliveryCore {
  /** Every unsettled job by entry id, in the order they came. */
  jobs: Map<string, DeliveryJob>
  /** Jobs waiting for a free slot, in order. */
  ready: Set<DeliveryJob>
  /** Jobs with an attempt in flight. */
  sending: Set<DeliveryJob>
  /** Its entry is stored: the job waits for a slot (or goes now as a last attempt when the page is being left). */
  release(job: DeliveryJob): void
  /** Resolves the job once (with `error`, reported, or a success); `removeFromStore` deletes its entry. */
  settle(job: DeliveryJob, removeFromStore: boolean, error?: TrackerError): void
  /** Takes on entries a store handed over, up to `maxQueue`; the rest stays in the store. */
  admitTaken(entries: QueueEntry[] | undefined): void
  /** Starts attempts for waiting jobs while slots are free. */
  pump(): void
  /** An error about one event; its message starts with the event's name. */
  eventError(code: TrackerError['code'], eventName: string, what: string, cause?: unknown): TrackerError
  /** Sleeps on the engine's clock, cut short by `signal`; never rejects. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  /** Monotonic time (ages, the failure window) and wall time (HTTP dates), from the engine's clock. */
  monotonic(): number
  now(): number
  retry: Required<RetryOptions>
  random: () => number
}

/**
 * What a server composes into the delivery core (`createTrackerEngine`): asynchronous store writes,
 * transactions, outage pacing and close. Each hook is optional; a page's engine has none, so that the
 * script tag carries none of it.
 */
export interface DeliveryExtension {
  /**
   * Writes a new job's entry to the store itself (one that may answer later, a transaction) and then
   * releases or settles the job; answers whether it took the write on. Without it the core writes the
   * entry at once and releases the job.
   */
  persist?(job: DeliveryJob, options: SendOptions | undefined): boolean
  /** Told what the store answered to a write delivery does not wait for (update, remove): a promise, maybe. */
  wrote?(answer: unknown): void
  /**
   * Asks the store itself for up to `room` entries to deliver (it may answer later); answers whether it
   * took the takeover on. Without it the core takes over at once.
   */
  takeOver?(room: number): boolean
  /** How many attempts may be in flight now (0: none until it pumps again). Without it: `concurrency`. */
  limit?(concurrency: number): number
  /** Told each outcome that says something of the endpoint: a retryable failure, or an answer given on purpose. */
  measured?(job: DeliveryJob, outcome: TransportOutcome, retryable: boolean): void
  /** An error that ends a failed job instead of its retry (close() gave up meanwhile); its entry stays stored. */
  refuseRetry?(job: DeliveryJob, error: TrackerError): TrackerError | undefined
  /** The page can deliver again (`resume()`): every pause ends. */
  resumed?(): void
}

/** Supplies GeneralInfo's parts at the moment an event is built (browser: cookie, identity, page). */
export type EventContextSource = () => EventContext

/** Options of {@link createTrackerMethods}: the platform supplies context, delivery and cart memory. */
export interface TrackerMethodsOptions {
  /**
   * GeneralInfo's parts for one event, read when it is built. May wait (the browser waits for the
   * `sc` cookie or for consent) or refuse with an error (`consent`, `closed`, `invalid_config`).
   */
  context: (eventName: EventName) => EventContext | TrackerError | Promise<EventContext | TrackerError>
  /** Hands a valid payload to delivery (normally `engine.enqueue`), with the method's options. */
  enqueue: (eventName: EventName, payload: object, options?: SendOptions) => Promise<SendResult>
  /** Where the last non-empty cart's GUID is kept; without one only a GUID in the input counts. */
  cart?: CartStore
  /** A new cart GUID: 32 uppercase hex digits, 8-4-4-4-12. */
  newGuid: () => string
  /** Event time at the call; @default Date.now */
  now?: () => number
  /**
   * Failures before delivery (a refused context, an invalid input) are reported here; delivery
   * failures are reported by the engine, so pass both the same callback and each failure comes once.
   */
  onError?: (error: TrackerError) => void
  /** What a builder dropped or found odd while the event still went out (a malformed e-mail, say). */
  onWarning?: (issues: ValidationIssue[], eventName: EventName) => void
}

/**
 * A tracker method that takes `Input`, then its {@link SendOptions}; an event without input
 * (`customerData`) takes its options alone, and one whose input may be left out has it optional.
 */
export type EventMethod<Input> = [Input] extends [Record<string, never> | undefined]
  ? (options?: SendOptions) => Promise<SendResult>
  : undefined extends Input
    ? (input?: Input, options?: SendOptions) => Promise<SendResult>
    : (input: Input, options?: SendOptions) => Promise<SendResult>

/** One method per registered event, named after it (`productPage` for ProductPage), taking its input. */
export type EventMethods = {
  [Event in RegisteredEvent as MethodNameOf<Event['name']>]: EventMethod<MethodInputOf<Event>>
}

/**
 * Every tracker method of API.md: one per event (derived from the event registry) and `send`. Each
 * resolves to a {@link SendResult} once its event is delivered or has finally failed; none throws and
 * none rejects, whatever it is given. `statusCart` gets a new cart GUID unless `input.guid` is given,
 * and a non-empty cart's GUID is kept for the purchase; `purchasedItems` joins `input.guid`, else the
 * last non-empty cart's GUID (unless `oneClick: true`); `customerData()` sends the visitor's identity.
 * With `{ transaction }` (the last argument, {@link SendOptions}) a method resolves once its event is written.
 */
export interface TrackerMethods extends EventMethods {
  /** Sends a raw wire body, e.g. `send('ProductPage', { ProductPage: { Product: {...} } })`; GeneralInfo is added. */
  send(eventName: EventName, body: unknown, options?: SendOptions): Promise<SendResult>
}
