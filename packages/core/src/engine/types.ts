// The contract between core's platform-free engine and the platform adapters (browser, node).
// The adapters bring I/O only: a Transport, a QueueStore, a CartStore, a Clock and an id generator.
import type { TrackerError, ValidationIssue } from '../errors/TrackerError'
import type { EventName, MethodInputOf, MethodNameOf, RegisteredEvent } from '../events/registry'
import type { EventContext } from '../events/types'

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
  | { type: 'network_error'; cause?: unknown }
  | { type: 'timeout'; cause?: unknown }
  /** Handed to the browser (beacon): the status is unknown but the browser owns delivery now. */
  | { type: 'handed_off' }

/** Sends one request. Browser: ky + keepalive, sendBeacon fallback. Node: ky on Node's fetch. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportOutcome>
}

/** Retry settings; the defaults suit a storefront. */
export interface RetryOptions {
  /** Attempts in all, the first included. @default 5 */
  attempts?: number
  /** First back-off delay in ms; doubles each retry, with full jitter. @default 500 */
  baseDelayMs?: number
  /** Ceiling of one back-off delay (and of an honoured `Retry-After`). @default 30000 */
  maxDelayMs?: number
}

/** Time, injectable for tests. */
export interface Clock {
  now(): number
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
  /** ms since epoch, when it was enqueued. */
  createdAt: number
  /** Delivery attempts made so far (across page loads). */
  attempts: number
}

/**
 * Where queued events live until delivered. Node: none (its queue lives in the engine). Browser: localStorage with a memory
 * fallback, shared by tabs. Every method is synchronous and must never throw.
 */
export interface QueueStore {
  add(entry: QueueEntry): void
  update(entry: QueueEntry): void
  remove(id: string): void
  /** Entries left by earlier pages or other tabs that this instance may replay now (browser: under a lease). */
  takeOver(): QueueEntry[]
}

/** Keeps the GUID of the last cart that had products (PAYLOADS.md "GUID"). */
export interface CartStore {
  get(): string | undefined
  set(guid: string): void
  clear(): void
}

/** Options of {@link TrackerEngine.replay}. */
export interface ReplayOptions {
  /** Also retry this engine's own events whose attempts ran out (kept by `keepUndelivered`). @default false */
  parked?: boolean
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
  /** Older queued events are dropped (reported) rather than sent. @default 7 days */
  maxAgeMs?: number
  /**
   * Where entries wait until delivered. Without one nothing outlives a settled event, so `replay()`
   * has nothing to deliver: enough for a server, which never replays. Pass `createMemoryQueueStore()`
   * to keep what an unload attempt or `close()` let go of for a later `replay()` in the same process.
   */
  store?: QueueStore
  /**
   * Keeps an event whose attempts ran out on a failure worth retrying (network error, timeout, 408,
   * 429, 5xx) in the store instead of dropping it; its call still resolves with the error. For
   * stores that outlive the page (the browser's): the next engine (the next page) replays it, and
   * this one only on `replay({ parked: true })` (back online), so that replays triggered by other
   * tabs' writes do not spin on it. A refusal (other 4xx) or an expired event is dropped either way.
   * @default false
   */
  keepUndelivered?: boolean
  clock?: Clock
  random?: () => number
  newId?: () => string
  onError?: (error: TrackerError) => void
}

/** Delivers validated payloads: queues, sends, retries, reports. */
export interface TrackerEngine {
  /** Queues one valid payload; resolves when delivered or finally failed; never rejects. */
  enqueue(eventName: EventName, payload: object): Promise<SendResult>
  /** Resolves when everything queued now has been delivered or has finally failed. */
  flush(): Promise<void>
  /** The page is going away: send all that is left now, through `unloading` requests, without waiting. */
  flushOnUnload(): void
  /** Delivers entries the store holds from earlier pages or tabs. */
  replay(options?: ReplayOptions): void
  /**
   * Waits up to `timeoutMs` for pending events (and for those sent meanwhile), settles what is left
   * with code `closed` (reported), then refuses new events with code `closed`. Later calls answer the
   * same promise.
   */
  close(timeoutMs?: number): Promise<void>
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
  /** Hands a valid payload to delivery (normally `engine.enqueue`). */
  enqueue: (eventName: EventName, payload: object) => Promise<SendResult>
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

/** A tracker method that takes `Input`; one whose input may be left out (`customerData()`) has it optional. */
export type EventMethod<Input> = undefined extends Input
  ? (input?: Input) => Promise<SendResult>
  : (input: Input) => Promise<SendResult>

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
 */
export interface TrackerMethods extends EventMethods {
  /** Sends a raw wire body, e.g. `send('ProductPage', { ProductPage: { Product: {...} } })`; GeneralInfo is added. */
  send(eventName: string, body: unknown): Promise<SendResult>
}
