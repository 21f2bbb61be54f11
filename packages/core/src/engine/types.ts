// The contract between core's platform-free engine and the platform adapters (browser, node).
// The adapters bring I/O only: a Transport, a QueueStore, a CartStore, a Clock and an id generator.
import type { TrackerError, ValidationIssue } from '../errors/TrackerError'
import type { AddToWishlistInput } from '../events/addToWishlist/buildAddToWishlist'
import type { CategoryPageInput } from '../events/categoryPage/buildCategoryPage'
import type { CustomEventInput } from '../events/customEvent/buildCustomEvent'
import type { ProductImpressionsInput } from '../events/productImpressions/buildProductImpressions'
import type { ProductPageInput } from '../events/productPage/buildProductPage'
import type { ProductUpdateInput } from '../events/productUpdate/buildProductUpdate'
import type { PurchasedItemsInput } from '../events/purchasedItems/buildPurchasedItems'
import type { SearchRequestInput } from '../events/searchRequest/buildSearchRequest'
import type { StatusCartInput } from '../events/statusCart/buildStatusCart'
import type { EventContext, EventName, SendResult } from '../types'

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
  update(entry: QueueEntry): void | PromiseLike<void>
  remove(id: string): void | PromiseLike<void>
  /**
   * Entries left by earlier pages, other tabs, earlier processes or dead instances that this instance
   * may deliver now (browser: under a lease; Postgres: claimed under a lease). `limit` is how many the
   * engine can take now; a store may answer fewer, and what it answers past `limit` waits in the store.
   */
  takeOver(limit?: number): QueueEntry[] | PromiseLike<QueueEntry[]>
}

/** A {@link QueueStore} whose every method answers at once: the browser's stores and the memory store. */
export interface SyncQueueStore extends QueueStore {
  add(entry: QueueEntry, options?: QueueStoreAddOptions): void
  update(entry: QueueEntry): void
  remove(id: string): void
  takeOver(limit?: number): QueueEntry[]
}

/** The last, optional argument of every tracker method and of {@link TrackerEngine.enqueue}. */
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
  /**
   * Queues one valid payload; resolves when delivered or finally failed (with `transaction`: once
   * written to the store); never rejects.
   */
  enqueue(eventName: EventName, payload: object, options?: SendOptions): Promise<SendResult>
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
 * Every tracker method of API.md. Each resolves to a {@link SendResult} once its event is delivered or
 * has finally failed (with `{ transaction }`: once written); none throws and none rejects, whatever it
 * is given. The last argument of each is its {@link SendOptions}.
 */
export interface TrackerMethods {
  productPage(input: ProductPageInput, options?: SendOptions): Promise<SendResult>
  addToWishlist(input: AddToWishlistInput, options?: SendOptions): Promise<SendResult>
  /** Every call gets a new cart GUID unless `input.guid` is given; a non-empty cart's GUID is kept for the purchase. */
  statusCart(input: Omit<StatusCartInput, 'guid'> & { guid?: string }, options?: SendOptions): Promise<SendResult>
  /** Joins `input.guid`, else the last non-empty cart's GUID (unless `oneClick: true`). */
  purchasedItems(input: PurchasedItemsInput, options?: SendOptions): Promise<SendResult>
  productImpressions(input: ProductImpressionsInput, options?: SendOptions): Promise<SendResult>
  categoryPage(input: CategoryPageInput, options?: SendOptions): Promise<SendResult>
  /** Sends the visitor's identity (GeneralInfo only). */
  customerData(options?: SendOptions): Promise<SendResult>
  customEvent(input: CustomEventInput, options?: SendOptions): Promise<SendResult>
  searchRequest(input: SearchRequestInput, options?: SendOptions): Promise<SendResult>
  productUpdate(products: ProductUpdateInput, options?: SendOptions): Promise<SendResult>
  /** Sends a raw wire body, e.g. `send('ProductPage', { ProductPage: { Product: {...} } })`; GeneralInfo is added. */
  send(eventName: string, body: unknown, options?: SendOptions): Promise<SendResult>
}
